// condition.hpp — asyncio.Condition (CPython 3.11 locks.py): a Lock (its own
// or a shared one) plus a deque of waiter futures. wait() releases the lock,
// waits to be notified, then re-acquires the lock even if it was cancelled
// meanwhile (raising CancelledError afterwards); notify(n) completes the
// first n pending waiters. The begin/finish protocol of wait and wait_for is
// described in blocking_op.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "core/blocking_op.hpp"
#include "core/lock.hpp"

namespace corio {

class Condition {
public:
    // A condition with its own lock.
    explicit Condition(Loop& loop) : Condition(loop, WaitTag{trace::WaitKind::Condition, 0}) {}
    // A condition on `lock` (asyncio.Condition(lock)); `lock` must outlive it.
    explicit Condition(Lock& lock);
    // A condition with its own lock, whose waits (the lock's included) show
    // in the trace as `tag` (0 id: the condition's own).
    Condition(Loop& loop, WaitTag tag);
    Condition(const Condition&) = delete;
    Condition& operator=(const Condition&) = delete;

    // `await cond.wait()`: releases the lock, waits for a notify, re-acquires
    // the lock; returns true. Throws RuntimeError if the lock is not held.
    class WaitOp {
    public:
        explicit WaitOp(Condition& cond) noexcept : cond_(&cond) {}
        Wait begin();
        Wait finish(std::exception_ptr error);
        bool result() const noexcept { return true; }

    private:
        Wait reacquire();
        Wait end();

        Condition* cond_;
        Ref<Future<void>> fut_;
        std::optional<Lock::AcquireOp> acquire_;  // set while re-acquiring
        std::exception_ptr wait_error_;           // what the wait raised
        bool cancelled_ = false;                  // re-acquire was cancelled
    };

    // `await cond.wait_for(predicate)`: waits until predicate() is true.
    // (The Python layer, whose predicate returns any object, loops on
    // WaitOp itself as CPython's wait_for does.)
    class WaitForOp {
    public:
        WaitForOp(Condition& cond, std::function<bool()> predicate)
            : cond_(&cond), predicate_(std::move(predicate)) {}
        Wait begin();
        Wait finish(std::exception_ptr error);
        bool result() const noexcept { return true; }

    private:
        Wait wait_again();

        Condition* cond_;
        std::function<bool()> predicate_;
        std::optional<WaitOp> wait_;
    };

    OpAwaiter<Lock::AcquireOp> acquire() { return lock_->acquire(); }
    void release() { lock_->release(); }
    bool locked() const noexcept { return lock_->locked(); }

    OpAwaiter<WaitOp> wait() { return OpAwaiter<WaitOp>(WaitOp(*this)); }
    OpAwaiter<WaitForOp> wait_for(std::function<bool()> predicate) {
        return OpAwaiter<WaitForOp>(WaitForOp(*this, std::move(predicate)));
    }
    WaitOp wait_op() noexcept { return WaitOp(*this); }
    WaitForOp wait_for_op(std::function<bool()> predicate) { return WaitForOp(*this, std::move(predicate)); }

    // Wake up at most n waiters (RuntimeError if the lock is not held).
    void notify(std::size_t n = 1);
    void notify_all() { notify(waiters_.size()); }

    Lock& lock() const noexcept { return *lock_; }
    // Moves the primitive to `loop` (see Event::bind_loop).
    void bind_loop(Loop& loop) noexcept { lock_->bind_loop(loop); }
    Loop& loop() const noexcept { return lock_->loop(); }
    uint64_t id() const noexcept { return id_; }
    const Waiters& waiters() const noexcept { return waiters_; }

private:
    std::optional<Lock> own_lock_;
    Lock* lock_;
    uint64_t id_;
    WaitTag tag_;
    Waiters waiters_;
};

}  // namespace corio
