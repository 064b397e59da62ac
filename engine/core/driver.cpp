// driver.cpp — the trampoline that resumes a task's coroutine stack.
#include "core/driver.hpp"

namespace corio::detail {

void Driver::start(std::coroutine_handle<> root, PromiseBase& promise) {
    promise.driver = this;
    stack_.push_back({root, &promise});
}

void Driver::push(std::coroutine_handle<> child, PromiseBase& promise) {
    promise.driver = this;
    stack_.push_back({child, &promise});
    reason_ = Reason::Pushed;
}

void Driver::block_on(FutureBase& future) noexcept {
    awaited_ = &future;
    reason_ = Reason::Blocked;
}

void Driver::rethrow_injected_slow() {
    std::rethrow_exception(std::exchange(injected_, nullptr));
}

bool Driver::inject(std::exception_ptr&& error) {
    if (error) injected_ = std::move(error);
    if (!stack_.back().promise->started) {
        // coro.throw() into a coroutine that never ran: it ends with the
        // error at once, without running any of its body (only the root
        // can be in that state at the start of a step).
        stack_.pop_back();
        outcome_ = std::exchange(injected_, nullptr);
        return false;
    }
    return true;
}

bool Driver::pop_finished(const Frame& top) {
    stack_.pop_back();
    if (!stack_.empty()) return true;
    if (top.promise->error) outcome_ = top.promise->error;
    return false;
}

StepResult Driver::foreign_suspension() {
    return StepResult::bad_yield(outcome_,
        "a corio task suspended on an awaitable the engine does not own");
}

}  // namespace corio::detail
