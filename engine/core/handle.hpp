// handle.hpp — a scheduled callback, as asyncio's Handle and TimerHandle.
// A handle sits in the loop's ready queue or, if it is a timer, in the timer
// heap; cancel() marks it and the loop drops it lazily. Tasks embed one
// handle for their own steps so that a task switch allocates nothing.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/ref.hpp"
#include "core/small_function.hpp"

namespace corio {

class FutureBase;
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

    // The step handle embedded in a task: running it runs the task's pending
    // step (no callback object is built per step), and references to it
    // keep the task alive. (`task` is the TaskBase, seen as a RefCounted.)
    explicit Handle(const RefCounted& task) noexcept : owner_(&task), kind_(Kind::Step) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    // Not virtual: free-standing handles are deleted as their kind by
    // destroy(); embedded ones go with their owner.
    ~Handle() = default;

    // Prevents the callback from running. For a timer still in the heap this
    // also counts it for the loop's compaction rule.
    void cancel() noexcept;
    bool cancelled() const noexcept { return cancelled_; }
    bool is_timer() const noexcept { return is_timer_; }
    Kind kind() const noexcept { return kind_; }
    // Deadline of a timer, in loop nanoseconds (0 for other handles).
    int64_t when_ns() const noexcept;
    double when() const noexcept { return static_cast<double>(when_ns()) / 1e9; }
    uint64_t id() const noexcept { return id_; }
    // The task this handle steps, or that created it (0 if none): for traces.
    uint64_t task_id() const noexcept;

    void add_ref() const noexcept {
        if (owner_) owner_->add_ref();
        else ++refs_;
    }
    void release() const noexcept {
        if (owner_) owner_->release();
        else release_own();
    }

protected:
    Handle(Kind kind, const RefCounted* owner) noexcept : owner_(owner), kind_(kind) {}

private:
    friend class Loop;
    friend class TimerHeap;
    friend class TaskBase;

    // Deletes a free-standing handle as its real kind (loop.cpp).
    static void destroy(Handle* handle) noexcept;
    // The release of a free-standing handle, out of line so that release()
    // inlines (a task's step handle is released after every step).
    void release_own() const noexcept;

    const RefCounted* owner_;  // embedded handles: their owner
    uint64_t id_ = 0;          // assigned by the loop, in creation order
    mutable uint32_t refs_ = 0;
    Kind kind_;
    bool cancelled_ = false;
    bool is_timer_ = false;
    bool in_heap_ = false;  // asyncio's TimerHandle._scheduled
};

// A handle that may be armed as a timer: it knows its loop (to report its
// cancellation), its deadline, and the task that created it.
class TimedHandle : public Handle {
public:
    Loop& loop() const noexcept { return *loop_; }

protected:
    TimedHandle(Loop& loop, Kind kind, const RefCounted* owner, uint64_t task_id) noexcept
        : Handle(kind, owner), loop_(&loop), task_id_(task_id) {}

private:
    friend class Loop;
    friend class Handle;
    Loop* loop_;
    int64_t when_ns_ = 0;
    uint64_t task_id_;
};

// A handle that runs a callable (call_soon, call_later, call_at).
class CallbackHandle final : public TimedHandle {
public:
    CallbackHandle(Loop& loop, Fn fn, uint64_t task_id) noexcept
        : TimedHandle(loop, Kind::Callback, nullptr, task_id), fn_(std::move(fn)) {}

private:
    friend class Loop;
    friend class Handle;
    Fn fn_;
};

// A handle embedded in the future `owner` that runs run(owner), e.g. a
// sleep's timer. (The loop relies on the owner being a future: it looks at
// the future's waiters ahead of time, loop.cpp.)
class EmbeddedHandle final : public TimedHandle {
public:
    using RunFn = void (*)(const RefCounted& owner);
    template <class Owner>
    EmbeddedHandle(Loop& loop, const Owner& owner, RunFn run, uint64_t task_id) noexcept
        : TimedHandle(loop, Kind::Embedded, &owner, task_id), run_(run) {
        static_assert(std::is_base_of_v<FutureBase, Owner>, "an embedded handle's owner is a future");
    }

private:
    friend class Loop;
    RunFn run_;
};

using HandleRef = Ref<Handle>;

}  // namespace corio
