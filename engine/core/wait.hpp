// wait.hpp — asyncio.wait and asyncio.wait_for, written as C++ coroutines that
// follow tasks.py line by line (wait/_wait, wait_for/_cancel_and_wait), so
// they run inline in the awaiting task exactly as CPython's do.
#pragma once

#include <optional>
#include <vector>

#include "core/gather.hpp"
#include "core/task.hpp"

namespace corio {

enum class ReturnWhen : uint8_t { FirstCompleted, FirstException, AllCompleted };

struct WaitResult {
    std::vector<Ref<FutureBase>> done;     // in the order given (DESIGN.md rule 6)
    std::vector<Ref<FutureBase>> pending;
};

// asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED). fs must not be
// empty (ValueError). A negative timeout means none.
Task<WaitResult> wait(std::vector<Ref<FutureBase>> fs, double timeout_s = -1,
                      ReturnWhen return_when = ReturnWhen::AllCompleted);

// The part of wait_for that does not depend on the value type: waits for
// `fut` with a timeout (negative: none), cancelling it on timeout and then
// throwing TimeoutError. On return, fut is done; the caller reads its result.
Task<void> wait_for_done(Ref<FutureBase> fut, double timeout_s);

// asyncio.wait_for(task, timeout): the task's result, or TimeoutError.
template <class T>
Task<T> wait_for(Ref<ScheduledTask<T>> task, double timeout_s) {
    co_await wait_for_done(Ref<FutureBase>(task), timeout_s);
    if constexpr (std::is_void_v<T>) task->result();
    else co_return std::move(task->result());
}
template <class T>
Task<T> wait_for(Task<T> coro, double timeout_s) {
    Loop& loop = co_await get_loop();
    if constexpr (std::is_void_v<T>) co_await wait_for(create_task(loop, std::move(coro)), timeout_s);
    else co_return co_await wait_for(create_task(loop, std::move(coro)), timeout_s);
}

// asyncio.shield(fut): a future that follows `inner` but whose cancellation
// does not cancel `inner`.
Ref<Future<void>> shield_future(Ref<FutureBase> inner);

}  // namespace corio
