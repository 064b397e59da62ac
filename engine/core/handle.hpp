// handle.hpp — a scheduled callback, as asyncio's Handle and TimerHandle.
// A handle sits in the loop's ready queue or, if it is a timer, in the timer
// heap; cancel() marks it and the loop drops it lazily. Tasks embed one
// handle for their own steps so that a task switch allocates nothing.
#pragma once

#include <cstdint>

#include "core/ref.hpp"
#include "core/small_function.hpp"

namespace corio {

class Loop;
class TaskBase;

class Handle : public pool::Pooled {
public:
    using Fn = SmallFunction<void(), 32>;

    // What running the handle does (a closed set, so no virtual calls):
    // run a callback, step the task it is embedded in, call a future's done
    // callback (DoneHandle, future.hpp), or call its owner's function (a
    // handle embedded in another object, e.g. a sleep's timer).
    enum class Kind : uint8_t { Callback, Step, Done, Embedded };
    using EmbeddedFn = void (*)(const RefCounted& owner);

    // The step handle embedded in a task: running it runs the task's pending
    // step (no callback object is built per step), and references to it
    // keep the task alive.
    // (`task` is the TaskBase itself, seen as what it is to this header.)
    Handle(Loop& loop, const RefCounted& task, uint64_t task_id) noexcept
        : loop_(&loop), owner_(&task), task_id_(task_id), kind_(Kind::Step) {}
    // A handle embedded in `owner` that runs run(owner).
    Handle(Loop& loop, const RefCounted& owner, EmbeddedFn run, uint64_t task_id) noexcept
        : loop_(&loop), owner_(&owner), run_fn_(run), task_id_(task_id), kind_(Kind::Embedded) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    // Prevents the callback from running. For a timer still in the heap this
    // also counts it for the loop's compaction rule.
    void cancel() noexcept;
    bool cancelled() const noexcept { return cancelled_; }
    bool is_timer() const noexcept { return is_timer_; }
    Kind kind() const noexcept { return kind_; }
    // Deadline of a timer, in loop nanoseconds.
    int64_t when_ns() const noexcept { return when_ns_; }
    double when() const noexcept { return static_cast<double>(when_ns_) / 1e9; }
    uint64_t id() const noexcept { return id_; }
    // The task this handle steps or wakes (0 for plain callbacks): for traces.
    uint64_t task_id() const noexcept { return task_id_; }

    void add_ref() const noexcept {
        if (owner_) owner_->add_ref();
        else ++refs_;
    }
    void release() const noexcept {
        if (owner_) owner_->release();
        else if (--refs_ == 0) destroy(const_cast<Handle*>(this));
    }

    // Not virtual: free-standing handles are deleted as their kind by
    // destroy(); embedded ones go with their owner.
    ~Handle() = default;

protected:
    Handle(Loop& loop, Kind kind, uint64_t task_id) noexcept
        : loop_(&loop), task_id_(task_id), kind_(kind) {}

private:
    friend class Loop;
    friend class TimerHeap;
    friend class TaskBase;

    // Deletes a free-standing handle as its real kind (loop.cpp).
    static void destroy(Handle* handle) noexcept;

    Loop* loop_;
    const RefCounted* owner_ = nullptr;  // embedded handles: their owner
    EmbeddedFn run_fn_ = nullptr;
    uint64_t task_id_ = 0;
    uint64_t id_ = 0;       // assigned by the loop, in creation order
    int64_t when_ns_ = 0;   // timers: deadline
    mutable uint32_t refs_ = 0;
    Kind kind_;
    bool cancelled_ = false;
    bool is_timer_ = false;
    bool in_heap_ = false;  // asyncio's TimerHandle._scheduled
};

// A handle that runs a callable (call_soon, call_later, call_at).
class CallbackHandle final : public Handle {
public:
    CallbackHandle(Loop& loop, Fn fn, uint64_t task_id) noexcept
        : Handle(loop, Kind::Callback, task_id), fn_(std::move(fn)) {}

private:
    friend class Loop;
    friend class Handle;
    Fn fn_;
};

using HandleRef = Ref<Handle>;

}  // namespace corio
