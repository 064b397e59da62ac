// sleep.cpp — the timer-completed future behind asyncio.sleep.
#include "core/sleep.hpp"

namespace corio {

SleepFuture::SleepFuture(Loop& loop, double delay_s, uint64_t task_id)
    : Future<void>(loop, trace::WaitKind::Timer), timer_(loop, *this, &SleepFuture::fire, task_id) {
    loop.call_later(timer_, delay_s);
    set_wait_kind(trace::WaitKind::Timer, timer_.id());
}

void SleepFuture::fire(const RefCounted& self) {
    auto& future = const_cast<SleepFuture&>(static_cast<const SleepFuture&>(self));
    if (!future.cancelled()) future.set_result();
}

}  // namespace corio
