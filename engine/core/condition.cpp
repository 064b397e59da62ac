// condition.cpp — Condition.wait / wait_for / notify, step for step as
// CPython 3.11's locks.py. wait() is three parts: the wait for a notify,
// then the `finally:` loop that re-acquires the lock (each try an
// acquire of its own), then the outcome.
#include "core/condition.hpp"

namespace corio {

Condition::Condition(Lock& lock) : lock_(&lock), id_(lock.loop().next_id()) {
    tag_ = {trace::WaitKind::Condition, id_};
}

Condition::Condition(Loop& loop, WaitTag tag) : id_(loop.next_id()), tag_(tag) {
    if (tag_.id == 0) tag_.id = id_;
    // The lock inside a plain Condition shows as a Lock; inside a primitive
    // built on a Condition (Barrier) as that primitive.
    WaitTag lock_tag = tag.kind == trace::WaitKind::Condition ? WaitTag{trace::WaitKind::Lock, 0} : tag_;
    own_lock_.emplace(loop, lock_tag);
    lock_ = &*own_lock_;
}

void Condition::notify(std::size_t n) {
    if (!locked()) throw RuntimeError("cannot notify on un-acquired lock");
    std::size_t idx = 0;
    for (std::size_t i = 0; i < waiters_.size(); ++i) {
        if (idx >= n) break;
        if (!waiters_[i]->done()) {
            ++idx;
            waiters_[i]->set_result();
        }
    }
}

Wait Condition::WaitOp::begin() {
    Condition& c = *cond_;
    if (!c.locked()) throw RuntimeError("cannot wait on un-acquired lock");
    c.release();
    fut_ = detail::make_waiter(c.loop(), c.tag_);
    c.waiters_.push_back(fut_);
    return {fut_.get()};
}

Wait Condition::WaitOp::finish(std::exception_ptr error) {
    if (!acquire_) {
        // The wait for a notify ended: inner `finally`, then the outer one.
        detail::remove_waiter(cond_->waiters_, fut_.get());
        wait_error_ = std::move(error);
        return reacquire();
    }
    // A re-acquire ended; only CancelledError is caught (and retried).
    try {
        acquire_->finish(std::move(error));
    } catch (...) {
        std::exception_ptr e = std::current_exception();
        if (!is_cancellation(e)) throw;
        cancelled_ = true;
        return reacquire();
    }
    return end();
}

Wait Condition::WaitOp::reacquire() {
    acquire_.emplace(cond_->lock());
    if (Wait w = acquire_->begin()) return w;
    return end();
}

Wait Condition::WaitOp::end() {
    acquire_.reset();
    if (cancelled_) throw CancelledError();
    if (wait_error_) std::rethrow_exception(wait_error_);
    return {};
}

Wait Condition::WaitForOp::begin() {
    if (predicate_()) return {};
    return wait_again();
}

Wait Condition::WaitForOp::finish(std::exception_ptr error) {
    if (Wait w = wait_->finish(std::move(error))) return w;
    if (predicate_()) return {};
    return wait_again();
}

Wait Condition::WaitForOp::wait_again() {
    wait_.emplace(*cond_);
    return wait_->begin();  // always waits (or throws)
}

}  // namespace corio
