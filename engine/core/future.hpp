// future.hpp — asyncio's Future: pending, then finished (with a result or an
// exception) or cancelled, once. Done callbacks are scheduled with call_soon,
// in registration order, never called inline. FutureBase holds everything
// but the value; Future<T> adds it. Errors are std::exception_ptr.
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "core/loop.hpp"
#include "core/ref.hpp"
#include "core/small_function.hpp"
#include "trace/event.hpp"

namespace corio {

class DoneHandle;
class TaskBase;

enum class FutureState : uint8_t { Pending, Cancelled, Finished };
const char* state_name(FutureState state) noexcept;  // "PENDING", ...

class FutureBase : public RefCounted {
public:
    // Small enough that a handle can carry it with the future's reference.
    using DoneFn = SmallFunction<void(FutureBase&), 16>;

    explicit FutureBase(Loop& loop, trace::WaitKind kind = trace::WaitKind::Future);
    ~FutureBase() override;

    Loop& loop() const noexcept { return *loop_; }
    FutureState state() const noexcept { return state_; }
    bool done() const noexcept { return state_ != FutureState::Pending; }
    bool cancelled() const noexcept { return state_ == FutureState::Cancelled; }

    // asyncio's cancel(msg): false if already done. Tasks and gathering
    // futures override it.
    virtual bool cancel(std::optional<std::string> message = std::nullopt);
    void set_exception(std::exception_ptr error);

    // Throws what result() would throw: the stored exception, the
    // CancelledError, or InvalidStateError if pending. Marks it retrieved.
    void check_result() const;
    void result() const { check_result(); }  // for untyped awaits
    // asyncio's exception(): the stored error or null; throws CancelledError
    // if cancelled, InvalidStateError if pending.
    std::exception_ptr exception() const;
    // The error without the checks (null when none), for C++ helpers.
    const std::exception_ptr& stored_error() const noexcept { return rare_ ? rare_->error : kNoError; }

    // Registers fn(future), scheduled with call_soon once done (at once if
    // done already). `key` lets remove_done_callback find it again.
    void add_done_callback(DoneFn fn, const void* key = nullptr);
    std::size_t remove_done_callback(const void* key);
    // True if the done callback registered last (and not yet scheduled)
    // has this key.
    bool last_callback_has_key(const void* key) const noexcept;
    // Wakes `task` when done (a cheaper done callback for Task.__wakeup).
    void add_waiter(TaskBase& task);
    // The done callbacks not yet scheduled, in order: the task each wakes
    // (add_waiter), else null and the key add_done_callback was given.
    struct CallbackView {
        const TaskBase* waiter;
        const void* key;
    };
    std::vector<CallbackView> callback_views() const;
    // Drops the registrations add_waiter made for `task`.
    void forget_waiter(const TaskBase& task) noexcept;
    // Drops every done callback, scheduling none (a teardown).
    void drop_callbacks() noexcept;
    // Asks the CPU for the memory of the task that completing this future
    // wakes first (the loop does this a few handles ahead, loop.cpp).
    void prefetch_callbacks() const noexcept;

    // asyncio's _make_cancelled_error.
    std::exception_ptr make_cancelled_error();
    std::optional<std::string> cancel_message() const {
        if (rare_ && rare_->has_cancel_message) return rare_->cancel_message;
        return std::nullopt;
    }

    // True while an exception has been set but nobody has looked at it:
    // asyncio logs "exception was never retrieved" for such futures.
    bool exception_unretrieved() const noexcept { return log_traceback_; }
    void mark_retrieved() const noexcept { log_traceback_ = false; }

    // What a task awaiting this future is waiting for (for the trace), and
    // the id of the object it belongs to (a queue, a lock, ...).
    trace::WaitKind wait_kind() const noexcept { return wait_kind_; }
    void set_wait_kind(trace::WaitKind kind, uint64_t owner_id = 0) noexcept {
        wait_kind_ = kind;
        owner_id_ = owner_id;
    }
    uint64_t owner_id() const noexcept { return owner_id_; }
    uint64_t id() const noexcept { return id_; }
    virtual bool is_task() const noexcept { return false; }

    // Counts live futures (tasks included), for the leak tests.
    static int64_t live_count() noexcept;

protected:
    // Subclasses store their value, then call this.
    void finish_with_result();
    void set_cancelled_exc(std::exception_ptr error) { rare().cancelled_exc = std::move(error); }
    void throw_if_done(const char* what) const;

private:
    // A registered done callback in one word: a task to wake (add_waiter;
    // the TaskBase* is its key and holds a reference, as asyncio's callback
    // keeps a waiting task alive), or, with the low bit set, the DoneHandle
    // that will run fn (built at registration: completing the future queues
    // it as it is, and a pending future's callback costs one word here).
    using Callback = uintptr_t;
    static bool is_waiter(Callback c) noexcept { return (c & 1) == 0; }
    static TaskBase* waiter_of(Callback c) noexcept { return reinterpret_cast<TaskBase*>(c); }
    static DoneHandle* handle_of(Callback c) noexcept { return reinterpret_cast<DoneHandle*>(c & ~Callback{1}); }
    static const void* key_of(Callback c) noexcept;
    // Drops a callback never scheduled (its reference, its handle).
    static void discard(Callback c) noexcept;
    // Drops (discards) the callbacks `matches`, keeping the others' order.
    template <class Pred>
    std::size_t remove_callbacks_if(Pred matches) noexcept;
    void schedule_callbacks();
    void add_callback(Callback callback);
    void schedule(Callback callback);

    // The small fields first: they share a word with the reference count.
    FutureState state_ = FutureState::Pending;
    trace::WaitKind wait_kind_;
    mutable bool log_traceback_ = false;
    Loop* loop_;
    // Done callbacks in registration order: the first inline (most futures
    // have exactly one; 0: none), the others in rare_.
    Callback first_callback_ = 0;
    // What most futures never need, in one block allocated on first use (a
    // suspended task's waiter future is this small): the done callbacks
    // after the first, the exception, the cancellation's message and
    // asyncio's _cancelled_exc.
    struct Rare : pool::Pooled {
        std::vector<Callback> more_callbacks;
        std::exception_ptr error;
        std::string cancel_message;
        bool has_cancel_message = false;
        std::exception_ptr cancelled_exc;
    };
    Rare& rare();
    std::unique_ptr<Rare> rare_;
    static const std::exception_ptr kNoError;  // stored_error() without rare_
    uint64_t id_;
    uint64_t owner_id_ = 0;
};

// The handle that calls one done callback of a future (no callable is
// wrapped around the callback to schedule it). Built when the callback is
// registered; it refers to its future only once queued (the future owns it
// until then: no cycle).
class DoneHandle final : public Handle {
public:
    DoneHandle(FutureBase::DoneFn&& fn, const void* key) noexcept
        : Handle(Kind::Done, nullptr), fn_(std::move(fn)), key_(key) {}
    // The callback runs in place and is dropped after (as asyncio drops a
    // handle's callback once run): nothing else can reach a DoneHandle to
    // cancel it while it runs.
    void run() {
        Ref<FutureBase> future = std::move(future_);
        fn_(*future);
        fn_.reset();
    }
    void drop() noexcept {
        fn_.reset();
        future_.reset();
    }
    const FutureBase* future() const noexcept { return future_.get(); }
    const void* key() const noexcept { return key_; }

private:
    friend class FutureBase;
    FutureBase::DoneFn fn_;
    const void* key_;
    Ref<FutureBase> future_;  // set when queued
};

// A future with a value of type T (void: no value).
template <class T>
class Future : public FutureBase {
public:
    using FutureBase::FutureBase;

    void set_result(T value) {
        throw_if_done("set_result");
        value_.emplace(std::move(value));
        finish_with_result();
    }
    // asyncio's result(): the value, or throws (see check_result).
    T& result() {
        check_result();
        return *value_;
    }

private:
    std::optional<T> value_;
};

template <>
class Future<void> : public FutureBase {
public:
    using FutureBase::FutureBase;
    void set_result() {
        throw_if_done("set_result");
        finish_with_result();
    }
    void result() const { check_result(); }
};

template <class T>
Ref<Future<T>> make_future(Loop& loop, trace::WaitKind kind = trace::WaitKind::Future) {
    return Ref<Future<T>>(new Future<T>(loop, kind));
}

}  // namespace corio
