// semaphore.hpp — asyncio.Semaphore and BoundedSemaphore, as CPython 3.11.7's
// locks.py: a counter that acquire() decrements, waiting while it is zero or
// while earlier waiters are still pending (so the order is FIFO), and that
// release() increments, waking the first pending waiter. The begin/finish
// protocol of the acquire operation is described in blocking_op.hpp.
#pragma once

#include <cstdint>

#include "core/blocking_op.hpp"

namespace corio {

class Semaphore {
public:
    // Throws ValueError if value < 0.
    explicit Semaphore(Loop& loop, int64_t value = 1);
    virtual ~Semaphore() = default;
    Semaphore(const Semaphore&) = delete;
    Semaphore& operator=(const Semaphore&) = delete;

    // `await sem.acquire()`: returns true once a unit is taken.
    class AcquireOp {
    public:
        explicit AcquireOp(Semaphore& sem) noexcept : sem_(&sem) {}
        Wait begin();
        Wait finish(std::exception_ptr error);
        bool result() const noexcept { return true; }

    private:
        Semaphore* sem_;
        Ref<Future<void>> fut_;
    };

    OpAwaiter<AcquireOp> acquire() { return OpAwaiter<AcquireOp>(AcquireOp(*this)); }
    AcquireOp acquire_op() noexcept { return AcquireOp(*this); }
    virtual void release();
    // True if acquire() would wait: no unit left, or a pending waiter.
    bool locked() const noexcept;

    int64_t value() const noexcept { return value_; }
    // Moves the primitive to `loop` (see Event::bind_loop).
    void bind_loop(Loop& loop) noexcept { loop_ = &loop; }
    Loop& loop() const noexcept { return *loop_; }
    uint64_t id() const noexcept { return id_; }
    const Waiters& waiters() const noexcept { return waiters_; }

private:
    void wake_up_next();

    Loop* loop_;
    uint64_t id_;
    Waiters waiters_;
    int64_t value_;
};

// A Semaphore whose release() throws ValueError("BoundedSemaphore released
// too many times") rather than go above the initial value.
class BoundedSemaphore : public Semaphore {
public:
    explicit BoundedSemaphore(Loop& loop, int64_t value = 1) : Semaphore(loop, value), bound_(value) {}
    void release() override;

private:
    int64_t bound_;
};

}  // namespace corio
