// wait.cpp — wait, wait_for and shield, as in CPython's tasks.py.
#include "core/wait.hpp"

namespace corio {

namespace {
// asyncio's _release_waiter.
void release_waiter(Future<void>& waiter) {
    if (!waiter.done()) waiter.set_result();
}

// asyncio's _cancel_and_wait: cancel fut and wait until it is really done.
Task<void> cancel_and_wait(Ref<FutureBase> fut) {
    auto waiter = make_future<void>(fut->loop());
    fut->add_done_callback([waiter](FutureBase&) { release_waiter(*waiter); }, waiter.get());
    fut->cancel();
    try {
        co_await waiter;
    } catch (...) {
        fut->remove_done_callback(waiter.get());
        throw;
    }
    fut->remove_done_callback(waiter.get());
}
}  // namespace

Task<WaitResult> wait(std::vector<Ref<FutureBase>> fs, double timeout_s, ReturnWhen return_when) {
    if (fs.empty()) throw ValueError("Set of Tasks/Futures is empty.");
    Loop& loop = fs.front()->loop();
    auto waiter = make_future<void>(loop);
    HandleRef timeout_handle;
    if (timeout_s >= 0) timeout_handle = loop.call_later(timeout_s, [waiter] { release_waiter(*waiter); });
    std::size_t counter = fs.size();
    auto on_completion = [waiter, &counter, &timeout_handle, return_when](FutureBase& f) {
        --counter;
        if (counter == 0 || return_when == ReturnWhen::FirstCompleted ||
            (return_when == ReturnWhen::FirstException && !f.cancelled() && f.exception())) {
            if (timeout_handle) timeout_handle->cancel();
            release_waiter(*waiter);
        }
    };
    for (auto& f : fs) f->add_done_callback(on_completion, waiter.get());
    auto cleanup = [&] {
        if (timeout_handle) timeout_handle->cancel();
        for (auto& f : fs) f->remove_done_callback(waiter.get());
    };
    try {
        co_await waiter;
    } catch (...) {
        cleanup();
        throw;
    }
    cleanup();
    WaitResult result;
    for (auto& f : fs) (f->done() ? result.done : result.pending).push_back(f);
    co_return result;
}

Task<void> wait_for_done(Ref<FutureBase> fut, double timeout_s) {
    Loop& loop = fut->loop();
    if (timeout_s < 0) {
        co_await *fut;
        co_return;
    }
    if (timeout_s == 0) {
        if (fut->done()) co_return;
        co_await cancel_and_wait(fut);
        if (fut->cancelled()) throw TimeoutError();
        co_return;
    }
    auto waiter = make_future<void>(loop, trace::WaitKind::Timeout);
    HandleRef timeout_handle = loop.call_later(timeout_s, [waiter] { release_waiter(*waiter); });
    fut->add_done_callback([waiter](FutureBase&) { release_waiter(*waiter); }, waiter.get());
    std::exception_ptr cancellation;
    try {
        co_await waiter;
    } catch (const CancelledError&) {
        cancellation = std::current_exception();
    } catch (...) {
        timeout_handle->cancel();
        throw;
    }
    if (cancellation) {
        // The wait itself was cancelled: cancel fut too, then re-raise.
        if (fut->done()) {
            timeout_handle->cancel();
            co_return;
        }
        fut->remove_done_callback(waiter.get());
        std::exception_ptr raised;
        try {
            co_await cancel_and_wait(fut);
        } catch (...) {
            raised = std::current_exception();
        }
        timeout_handle->cancel();
        std::rethrow_exception(raised ? raised : cancellation);
    }
    if (fut->done()) {
        timeout_handle->cancel();
        co_return;
    }
    fut->remove_done_callback(waiter.get());
    try {
        co_await cancel_and_wait(fut);
    } catch (...) {
        timeout_handle->cancel();
        throw;
    }
    timeout_handle->cancel();
    if (fut->cancelled()) throw TimeoutError();
}

Ref<Future<void>> shield_future(Ref<FutureBase> inner) {
    auto outer = make_future<void>(inner->loop());
    const void* key = outer.get();
    inner->add_done_callback(
        [outer](FutureBase& in) {
            if (outer->cancelled()) {
                if (!in.cancelled()) in.mark_retrieved();
                return;
            }
            if (in.cancelled()) outer->cancel();
            else if (auto error = in.exception()) outer->set_exception(error);
            else outer->set_result();
        },
        key);
    outer->add_done_callback(
        [inner, key](FutureBase&) {
            if (!inner->done()) inner->remove_done_callback(key);
        });
    return outer;
}

}  // namespace corio
