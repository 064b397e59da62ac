// sleep.cpp — the timer-completed future behind asyncio.sleep.
#include "core/sleep.hpp"

namespace corio {

SleepWait start_sleep(Loop& loop, double delay_s, uint64_t task_id) {
    SleepWait wait{make_future<void>(loop, trace::WaitKind::Timer), {}};
    // asyncio's futures._set_result_unless_cancelled.
    wait.timer = loop.call_later(
        delay_s,
        [f = wait.future] {
            if (!f->cancelled()) f->set_result();
        },
        task_id);
    wait.future->set_wait_kind(trace::WaitKind::Timer, wait.timer->id());
    return wait;
}

}  // namespace corio
