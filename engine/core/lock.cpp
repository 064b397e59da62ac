// lock.cpp — Lock.acquire / release / _wake_up_first, step for step as
// CPython 3.11's locks.py.
#include "core/lock.hpp"

namespace corio {

Lock::Lock(Loop& loop, WaitTag tag) : loop_(&loop), id_(loop.next_id()), tag_(tag) {
    if (tag_.id == 0) tag_.id = id_;
}

Wait Lock::AcquireOp::begin() {
    Lock& lk = *lock_;
    bool all_cancelled = true;
    for (std::size_t i = 0; i < lk.waiters_.size(); ++i)
        all_cancelled = all_cancelled && lk.waiters_[i]->cancelled();
    if (!lk.locked_ && all_cancelled) {
        lk.locked_ = true;
        return {};
    }
    fut_ = detail::make_waiter(lk.loop(), lk.tag_);
    lk.waiters_.push_back(fut_);
    return {fut_.get()};
}

Wait Lock::AcquireOp::finish(std::exception_ptr error) {
    Lock& lk = *lock_;
    // The `finally` runs before the `except CancelledError`, so that a
    // cancelled waiter never wakes itself.
    detail::remove_waiter(lk.waiters_, fut_.get());
    if (error) {
        if (is_cancellation(error) && !lk.locked_) lk.wake_up_first();
        std::rethrow_exception(error);
    }
    lk.locked_ = true;
    return {};
}

void Lock::release() {
    if (!locked_) throw RuntimeError("Lock is not acquired.");
    locked_ = false;
    wake_up_first();
}

void Lock::wake_up_first() {
    // A done first waiter will wake up later on and either take the lock or,
    // if it was cancelled and the lock is free, come here again.
    if (waiters_.empty()) return;
    Future<void>& fut = *waiters_.front();
    if (!fut.done()) fut.set_result();
}

}  // namespace corio
