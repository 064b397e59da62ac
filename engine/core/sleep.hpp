// sleep.hpp — asyncio.sleep: sleep(0) is one bare yield (the task runs again
// in the next iteration); sleep(d > 0) waits on a future that a timer
// completes, and cancels the timer however the wait ends. The timer is
// embedded in the future: one allocation per sleep.
#pragma once

#include "core/task.hpp"

namespace corio {

// The future asyncio.sleep(delay) awaits, with its timer: for embedders (the
// Python layer) that drive their own coroutines.
class SleepFuture final : public Future<void> {
public:
    SleepFuture(Loop& loop, double delay_s, uint64_t task_id);
    // asyncio's `finally: h.cancel()` once the wait is over.
    void cancel_timer() noexcept { timer_.cancel(); }
    const EmbeddedHandle& timer() const noexcept { return timer_; }

private:
    // asyncio's futures._set_result_unless_cancelled.
    static void fire(const RefCounted& self);
    EmbeddedHandle timer_;
};

inline Ref<SleepFuture> start_sleep(Loop& loop, double delay_s, uint64_t task_id = 0) {
    return Ref<SleepFuture>(new SleepFuture(loop, delay_s, task_id));
}

class SleepAwaiter {
public:
    explicit SleepAwaiter(double delay_s) noexcept : delay_(delay_s) {}

    bool await_ready() const noexcept { return false; }
    template <class P>
    void await_suspend(std::coroutine_handle<P> h) {
        driver_ = &detail::driver_of(h);
        if (delay_ <= 0) {
            driver_->yield_now();
            return;
        }
        future_ = start_sleep(driver_->loop(), delay_, driver_->task().id());
        driver_->block_on(*future_);
    }
    void await_resume() {
        if (future_) future_->cancel_timer();
        driver_->rethrow_injected();
    }

private:
    double delay_;
    detail::Driver* driver_ = nullptr;
    Ref<SleepFuture> future_;
};

// `co_await corio::sleep(0.5);`
inline SleepAwaiter sleep(double delay_s) noexcept { return SleepAwaiter(delay_s); }

}  // namespace corio
