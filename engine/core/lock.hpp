// lock.hpp — asyncio.Lock (CPython 3.11 locks.py): a FIFO lock owned by no
// task. acquire() takes it at once if it is free and no waiter is still
// pending, else queues a waiter future; release() wakes the first waiter,
// which takes the lock when its task runs. The begin/finish protocol of the
// acquire operation is described in blocking_op.hpp.
#pragma once

#include <cstdint>

#include "core/blocking_op.hpp"

namespace corio {

class Lock {
public:
    explicit Lock(Loop& loop) : Lock(loop, {trace::WaitKind::Lock, 0}) {}
    // A lock whose waiters show in the trace as `tag` (0 id: the lock's own).
    Lock(Loop& loop, WaitTag tag);
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

    // `await lock.acquire()`: returns true once the lock is held.
    class AcquireOp {
    public:
        explicit AcquireOp(Lock& lock) noexcept : lock_(&lock) {}
        Wait begin();
        Wait finish(std::exception_ptr error);
        bool result() const noexcept { return true; }

    private:
        Lock* lock_;
        Ref<Future<void>> fut_;
    };

    OpAwaiter<AcquireOp> acquire() { return OpAwaiter<AcquireOp>(AcquireOp(*this)); }
    AcquireOp acquire_op() noexcept { return AcquireOp(*this); }
    // Throws RuntimeError("Lock is not acquired.") if the lock is free.
    void release();
    bool locked() const noexcept { return locked_; }

    // Moves the primitive to `loop` (Python creates asyncio objects before the
    // loop that uses them, and binds them at first use); only while no waiter
    // is pending.
    void bind_loop(Loop& loop) noexcept { loop_ = &loop; }
    Loop& loop() const noexcept { return *loop_; }
    uint64_t id() const noexcept { return id_; }
    // Futures queued in acquire(), first first (for the loop view).
    const Waiters& waiters() const noexcept { return waiters_; }

private:
    void wake_up_first();

    Loop* loop_;
    uint64_t id_;
    WaitTag tag_;
    Waiters waiters_;
    bool locked_ = false;
};

}  // namespace corio
