// barrier.hpp — asyncio.Barrier (CPython 3.11 locks.py): `parties` tasks
// wait() until the last one arrives; all are released together, each with a
// distinct index, and the barrier refills once they have all left. Built on
// a Condition, as in CPython: every step holds its lock. abort() breaks it
// (waiters and later callers get BrokenBarrierError), reset() refills it. The
// begin/finish protocol of wait/reset/abort is described in blocking_op.hpp.
#pragma once

#include <cstdint>
#include <optional>

#include "core/blocking_op.hpp"
#include "core/condition.hpp"

namespace corio {

enum class BarrierState : uint8_t { Filling, Draining, Resetting, Broken };
const char* state_name(BarrierState state) noexcept;  // "filling", ...

class Barrier {
public:
    // Throws ValueError("parties must be > 0") if parties < 1.
    Barrier(Loop& loop, int64_t parties);
    Barrier(const Barrier&) = delete;
    Barrier& operator=(const Barrier&) = delete;

    // `await barrier.wait()`: the index (0 to parties-1) of this arrival.
    // Throws BrokenBarrierError if the barrier is, or gets, broken or reset.
    class WaitOp {
    public:
        explicit WaitOp(Barrier& barrier) noexcept : barrier_(&barrier) {}
        Wait begin();
        Wait finish(std::exception_ptr error);
        int64_t result() const noexcept { return index_; }

    private:
        enum class Phase : uint8_t { Acquiring, Blocking, Waiting, Done };
        Wait entered();   // once the lock is held
        Wait blocked();   // after _block()'s wait_for
        Wait waited();    // after _wait()'s wait_for
        Wait leave();     // the `finally:` and `async with` exit
        [[noreturn]] void fail(std::exception_ptr error);

        Barrier* barrier_;
        Phase phase_ = Phase::Acquiring;
        std::optional<Lock::AcquireOp> acquire_;
        std::optional<Condition::WaitForOp> wait_for_;
        int64_t index_ = -1;
    };

    // `await barrier.reset()` / `await barrier.abort()`: take the lock, change
    // the state, notify all waiters, release the lock.
    class UpdateOp {
    public:
        UpdateOp(Barrier& barrier, bool abort) noexcept : barrier_(&barrier), abort_(abort) {}
        Wait begin();
        Wait finish(std::exception_ptr error);
        void result() const noexcept {}

    private:
        Wait update();

        Barrier* barrier_;
        bool abort_;
        std::optional<Lock::AcquireOp> acquire_;
    };

    OpAwaiter<WaitOp> wait() { return OpAwaiter<WaitOp>(WaitOp(*this)); }
    OpAwaiter<UpdateOp> reset() { return OpAwaiter<UpdateOp>(UpdateOp(*this, false)); }
    OpAwaiter<UpdateOp> abort() { return OpAwaiter<UpdateOp>(UpdateOp(*this, true)); }
    WaitOp wait_op() noexcept { return WaitOp(*this); }
    UpdateOp reset_op() noexcept { return UpdateOp(*this, false); }
    UpdateOp abort_op() noexcept { return UpdateOp(*this, true); }

    int64_t parties() const noexcept { return parties_; }
    // Tasks waiting for the barrier to fill (0 unless it is filling).
    int64_t n_waiting() const noexcept { return state_ == BarrierState::Filling ? count_ : 0; }
    bool broken() const noexcept { return state_ == BarrierState::Broken; }
    BarrierState state() const noexcept { return state_; }

    // Moves the primitive to `loop` (see Event::bind_loop).
    void bind_loop(Loop& loop) noexcept { cond_.bind_loop(loop); }
    Loop& loop() const noexcept { return cond_.loop(); }
    uint64_t id() const noexcept { return id_; }

private:
    // Whether the tasks in the barrier may leave: DRAINING or RESETTING.
    bool in_transition() const noexcept {
        return state_ == BarrierState::Draining || state_ == BarrierState::Resetting;
    }
    void exit();

    uint64_t id_;
    Condition cond_;
    int64_t parties_;
    int64_t count_ = 0;
    BarrierState state_ = BarrierState::Filling;
};

}  // namespace corio
