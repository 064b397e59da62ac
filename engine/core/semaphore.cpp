// semaphore.cpp — Semaphore.acquire / release / _wake_up_next, step for step
// as CPython 3.11.7's locks.py (the version without _wakeup_scheduled).
#include "core/semaphore.hpp"

namespace corio {

Semaphore::Semaphore(Loop& loop, int64_t value) : loop_(&loop), id_(loop.next_id()), value_(value) {
    if (value < 0) throw ValueError("Semaphore initial value must be >= 0");
}

bool Semaphore::locked() const noexcept {
    if (value_ == 0) return true;
    for (std::size_t i = 0; i < waiters_.size(); ++i) {
        if (!waiters_[i]->cancelled()) return true;
    }
    return false;
}

Wait Semaphore::AcquireOp::begin() {
    Semaphore& s = *sem_;
    if (!s.locked()) {
        --s.value_;
        return {};
    }
    fut_ = detail::make_waiter(s.loop(), {trace::WaitKind::Semaphore, s.id_});
    s.waiters_.push_back(fut_);
    return {fut_.get()};
}

Wait Semaphore::AcquireOp::finish(std::exception_ptr error) {
    Semaphore& s = *sem_;
    detail::remove_waiter(s.waiters_, fut_.get());  // finally: (before except)
    if (error) {
        // Woken (a unit was reserved for us) but cancelled: hand it on.
        if (is_cancellation(error) && !fut_->cancelled()) {
            ++s.value_;
            s.wake_up_next();
        }
        std::rethrow_exception(error);
    }
    if (s.value_ > 0) s.wake_up_next();
    return {};
}

void Semaphore::release() {
    ++value_;
    wake_up_next();
}

void Semaphore::wake_up_next() {
    for (std::size_t i = 0; i < waiters_.size(); ++i) {
        if (!waiters_[i]->done()) {
            --value_;
            waiters_[i]->set_result();
            return;
        }
    }
}

void BoundedSemaphore::release() {
    if (value() >= bound_) throw ValueError("BoundedSemaphore released too many times");
    Semaphore::release();
}

}  // namespace corio
