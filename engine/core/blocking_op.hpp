// blocking_op.hpp — the begin/finish protocol that every blocking operation
// of the synchronization primitives and queues follows (Lock.acquire,
// Queue.get, Condition.wait, Barrier.wait, ...), and the C++ awaiter that
// drives one from a corio::Task. The primitives themselves live in lock.hpp,
// event.hpp, semaphore.hpp, condition.hpp, barrier.hpp and queue.hpp.
//
// An operation is an object, created by the primitive (`lock.acquire_op()`,
// `queue.get_op()`, ...), that runs CPython's coroutine body step by step:
//
//   Wait begin();                          // once, where the coroutine starts
//   Wait finish(std::exception_ptr error); // after each wait has ended
//   R    result();                         // once no Wait is left
//
// A Wait names the future to wait on; an empty Wait means the operation is
// over (take result()). `begin` runs the fast path or registers a waiter
// future; `finish` runs what follows `await fut` in CPython: its `except` /
// `finally` clean-up, taking the item, re-acquiring a lock. `error` is what
// `await fut` raised when the task resumed (the future's CancelledError, or
// the CancelledError of task.cancel() if the future was already done), null
// if the await returned normally. Both throw what the CPython method raises.
// `finish` may return another Wait: Queue.get loops while the queue is
// empty, Condition.wait re-acquires its lock, Barrier.wait is several waits.
//
// The Python layer drives an operation from its own coroutine object: on the
// first send, call begin(); while a Wait is returned, yield its future to the
// task (the task blocks on it exactly as on `await fut`) and, when the task
// resumes the coroutine with send(None) or throw(exc), call finish(null) or
// finish(exc). The operation holds a pointer to its primitive: the primitive
// must outlive it. Wake-ups go through future completion, hence call_soon.
#pragma once

#include <exception>
#include <type_traits>
#include <utility>

#include "core/ring_queue.hpp"
#include "core/task.hpp"

namespace corio {

// What a blocking operation waits for next; empty when it is over.
// `bare_yield`: no future, one bare yield instead (asyncio.sleep(0)): the
// task runs again in the next iteration.
struct Wait {
    FutureBase* future = nullptr;
    bool bare_yield = false;
    explicit operator bool() const noexcept { return future != nullptr || bare_yield; }
};

// How a primitive's waiter futures appear in the trace: the wait kind and
// the id of the object waited on. Primitives built on others (a Barrier's
// Condition, a Queue's Event) pass their own tag down.
struct WaitTag {
    trace::WaitKind kind;
    uint64_t id;
};

// A deque of waiter futures, as the `_waiters` of locks.py and queues.py.
using Waiters = RingQueue<Ref<Future<void>>>;

namespace detail {

// A new waiter future, tagged for the trace.
inline Ref<Future<void>> make_waiter(Loop& loop, WaitTag tag) {
    auto fut = make_future<void>(loop, tag.kind);
    fut->set_wait_kind(tag.kind, tag.id);
    return fut;
}

// deque.remove(fut): removes the first occurrence; false if absent.
inline bool remove_waiter(Waiters& waiters, const FutureBase* fut) {
    for (std::size_t i = 0; i < waiters.size(); ++i) {
        if (waiters[i].get() == fut) {
            waiters.erase(i);
            return true;
        }
    }
    return false;
}

// The waits of an operation after its first, run as a child coroutine of the
// awaiting task (so in the same step, and without growing the C++ stack).
template <class Op>
Task<void> drive(Op& op, Wait wait) {
    while (wait) wait = op.finish(co_await settled(*wait.future));
}

}  // namespace detail

// `co_await lock.acquire()`: runs an operation in the awaiting task. The fast
// path (begin() needs no wait) completes without suspending and without
// allocating; otherwise the waits run in a child coroutine.
template <class Op>
class [[nodiscard]] OpAwaiter {
public:
    explicit OpAwaiter(Op op) noexcept(std::is_nothrow_move_constructible_v<Op>)
        : op_(std::move(op)) {}

    bool await_ready() {
        first_ = op_.begin();
        return !first_;
    }
    template <class P>
    void await_suspend(std::coroutine_handle<P> h) {
        waits_ = detail::drive(op_, first_);
        auto child = waits_.handle();
        detail::driver_of(h).push(child, child.promise());
    }
    decltype(auto) await_resume() {
        if (waits_ && waits_.handle().promise().error)
            std::rethrow_exception(waits_.handle().promise().error);
        return op_.result();
    }

private:
    Op op_;
    Wait first_;
    Task<void> waits_;
};

}  // namespace corio
