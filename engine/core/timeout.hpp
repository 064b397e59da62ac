// timeout.hpp — asyncio.timeout / timeout_at (timeouts.py): when the deadline
// passes, the task inside the block is cancelled; on leaving the block that
// CancelledError becomes TimeoutError, unless someone else also cancelled the
// task (the uncancel() count tells). The object has no coroutine of its own:
// enter() and exit() never suspend, so C++ and Python drive it alike.
#pragma once

#include <exception>
#include <optional>

#include "core/task.hpp"

namespace corio {

class Timeout {
public:
    enum class State : uint8_t { Created, Entered, Expiring, Expired, Exited };

    // when: absolute loop time in seconds, or none (never expires).
    explicit Timeout(std::optional<double> when) noexcept : when_(when) {}
    Timeout(const Timeout&) = delete;
    Timeout& operator=(const Timeout&) = delete;
    ~Timeout();

    std::optional<double> when() const noexcept { return when_; }
    State state() const noexcept { return state_; }
    bool expired() const noexcept { return state_ == State::Expiring || state_ == State::Expired; }
    const char* state_name() const noexcept;  // "created", "active", ...

    // __aenter__: RuntimeError if entered twice.
    void enter(TaskBase& task);
    // reschedule(when): only while entered.
    void reschedule(std::optional<double> when);
    // __aexit__: given whether the block is left with a CancelledError,
    // returns true if that must become a TimeoutError.
    bool exit(bool leaving_with_cancelled_error);

private:
    void on_timeout();

    std::optional<double> when_;
    State state_ = State::Created;
    HandleRef handler_;
    Ref<TaskBase> task_;
    int cancelling_ = 0;
};

// `co_await corio::with_timeout(loop.time() + 1, work())`: runs the coroutine
// inline under a Timeout; TimeoutError if the deadline passes.
template <class T>
Task<T> with_timeout_at(std::optional<double> when, Task<T> coro) {
    Timeout timeout(when);
    timeout.enter(co_await this_task());
    std::exception_ptr error;
    bool cancelled = false;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await std::move(coro);
        } else {
            T value = co_await std::move(coro);
            timeout.exit(false);
            co_return value;
        }
    } catch (const CancelledError&) {
        error = std::current_exception();
        cancelled = true;
    } catch (...) {
        error = std::current_exception();
    }
    if (timeout.exit(cancelled)) throw TimeoutError();
    if (error) std::rethrow_exception(error);
    if constexpr (!std::is_void_v<T>) throw RuntimeError("unreachable");
}

template <class T>
Task<T> with_timeout(double delay_s, Task<T> coro) {
    Loop& loop = co_await get_loop();
    if constexpr (std::is_void_v<T>) co_await with_timeout_at(loop.time() + delay_s, std::move(coro));
    else co_return co_await with_timeout_at(loop.time() + delay_s, std::move(coro));
}

}  // namespace corio
