// sleep.hpp — asyncio.sleep: sleep(0) is one bare yield (the task runs again
// in the next iteration); sleep(d > 0) waits on a future that a timer
// completes, and cancels the timer however the wait ends.
#pragma once

#include "core/task.hpp"

namespace corio {

// The future asyncio.sleep(delay) awaits, and its timer: for embedders (the
// Python layer) that drive their own coroutines.
struct SleepWait {
    Ref<Future<void>> future;
    HandleRef timer;
};
SleepWait start_sleep(Loop& loop, double delay_s, uint64_t task_id = 0);

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
        wait_ = start_sleep(driver_->loop(), delay_, driver_->task().id());
        driver_->block_on(*wait_.future);
    }
    void await_resume() {
        if (wait_.timer) wait_.timer->cancel();  // asyncio: finally h.cancel()
        driver_->rethrow_injected();
    }

private:
    double delay_;
    detail::Driver* driver_ = nullptr;
    SleepWait wait_;
};

// `co_await corio::sleep(0.5);`
inline SleepAwaiter sleep(double delay_s) noexcept { return SleepAwaiter(delay_s); }

}  // namespace corio
