// barrier.cpp — Barrier.wait / reset / abort, step for step as CPython 3.11's
// locks.py. wait() is `async with self._cond:` around _block() (a wait_for),
// then either _release() or _wait() (another wait_for), with the count and
// the lock given back on every way out.
#include "core/barrier.hpp"

namespace corio {

const char* state_name(BarrierState state) noexcept {
    switch (state) {
        case BarrierState::Filling: return "filling";
        case BarrierState::Draining: return "draining";
        case BarrierState::Resetting: return "resetting";
        case BarrierState::Broken: return "broken";
    }
    return "?";
}

Barrier::Barrier(Loop& loop, int64_t parties)
    : id_(loop.next_id()), cond_(loop, WaitTag{trace::WaitKind::Barrier, id_}), parties_(parties) {
    if (parties < 1) throw ValueError("parties must be > 0");
}

// The last task out of the barrier refills it and wakes those waiting for
// the draining to end.
void Barrier::exit() {
    if (count_ == 0) {
        if (in_transition()) state_ = BarrierState::Filling;
        cond_.notify_all();
    }
}

Wait Barrier::WaitOp::begin() {
    acquire_.emplace(barrier_->cond_.lock());
    if (Wait w = acquire_->begin()) return w;
    return entered();
}

Wait Barrier::WaitOp::finish(std::exception_ptr error) {
    switch (phase_) {
        case Phase::Acquiring:
            acquire_->finish(std::move(error));  // raises: the `async with` never entered
            return entered();
        case Phase::Blocking:
            try {
                if (Wait w = wait_for_->finish(std::move(error))) return w;
            } catch (...) {
                fail(std::current_exception());
            }
            return blocked();
        case Phase::Waiting:
            try {
                if (Wait w = wait_for_->finish(std::move(error))) return w;
            } catch (...) {
                fail(std::current_exception());
            }
            return waited();
        case Phase::Done:
            break;
    }
    throw InvalidStateError("Barrier.wait() finished twice");
}

// Inside `async with self._cond:`, _block() waits while the barrier drains
// or resets.
Wait Barrier::WaitOp::entered() {
    Barrier& b = *barrier_;
    acquire_.reset();
    phase_ = Phase::Blocking;
    wait_for_.emplace(b.cond_, [&b] { return !b.in_transition(); });
    try {
        if (Wait w = wait_for_->begin()) return w;
    } catch (...) {
        fail(std::current_exception());
    }
    return blocked();
}

Wait Barrier::WaitOp::blocked() {
    Barrier& b = *barrier_;
    if (b.state_ == BarrierState::Broken) fail(std::make_exception_ptr(BrokenBarrierError("Barrier aborted")));
    index_ = b.count_++;
    phase_ = Phase::Waiting;  // inside the `try:` whose `finally:` decrements
    if (index_ + 1 == b.parties_) {
        b.state_ = BarrierState::Draining;  // _release()
        b.cond_.notify_all();
        return leave();
    }
    wait_for_.emplace(b.cond_, [&b] { return b.state_ != BarrierState::Filling; });
    try {
        if (Wait w = wait_for_->begin()) return w;
    } catch (...) {
        fail(std::current_exception());
    }
    return waited();
}

Wait Barrier::WaitOp::waited() {
    Barrier& b = *barrier_;
    if (b.state_ == BarrierState::Broken || b.state_ == BarrierState::Resetting)
        fail(std::make_exception_ptr(BrokenBarrierError("Abort or reset of barrier")));
    return leave();
}

Wait Barrier::WaitOp::leave() {
    Barrier& b = *barrier_;
    phase_ = Phase::Done;
    wait_for_.reset();
    --b.count_;
    b.exit();
    b.cond_.release();
    return {};
}

// An exception leaving the body of `async with self._cond:`: the `finally:`
// (once the count was taken), then __aexit__, then the exception goes on
// (unless one of those raised instead, as in Python).
void Barrier::WaitOp::fail(std::exception_ptr error) {
    Barrier& b = *barrier_;
    bool counted = phase_ == Phase::Waiting;
    phase_ = Phase::Done;
    if (counted) {
        --b.count_;
        b.exit();
    }
    b.cond_.release();
    std::rethrow_exception(error);
}

Wait Barrier::UpdateOp::begin() {
    acquire_.emplace(barrier_->cond_.lock());
    if (Wait w = acquire_->begin()) return w;
    return update();
}

Wait Barrier::UpdateOp::finish(std::exception_ptr error) {
    acquire_->finish(std::move(error));
    return update();
}

Wait Barrier::UpdateOp::update() {
    Barrier& b = *barrier_;
    acquire_.reset();
    if (abort_) {
        b.state_ = BarrierState::Broken;
    } else if (b.count_ > 0) {
        if (b.state_ != BarrierState::Resetting) b.state_ = BarrierState::Resetting;
    } else {
        b.state_ = BarrierState::Filling;
    }
    b.cond_.notify_all();
    b.cond_.release();
    return {};
}

}  // namespace corio
