// task.hpp — C++ coroutines on the engine, for C++ users.
//
//   corio::Task<int> answer() { co_await corio::sleep(0.1); co_return 42; }
//   auto t = corio::create_task(loop, answer());   // a scheduled task
//   int v = co_await t;                            // awaits it (a future)
//   int w = co_await answer();                     // runs it inline
//
// A Task<T> is a lazy coroutine, like a Python coroutine object: awaiting it
// runs it inline in the awaiting task (through the Driver, never nested on
// the C++ stack); create_task wraps it in a ScheduledTask, asyncio's Task,
// whose first step runs in a later loop iteration.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "core/coro.hpp"
#include "core/driver.hpp"
#include "core/future.hpp"
#include "core/task_base.hpp"

namespace corio {

template <class T = void>
class Task;

namespace detail {

// The initial suspension: records that the body has started.
struct InitialAwaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    void await_resume() const noexcept {}
};

template <class T>
struct Promise : PromiseBase {
    std::optional<T> value;
    Task<T> get_return_object() noexcept;
    InitialAwaiter initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <class U>
    void return_value(U&& v) { value.emplace(std::forward<U>(v)); }
    void unhandled_exception() noexcept { error = std::current_exception(); }
};

template <>
struct Promise<void> : PromiseBase {
    Task<void> get_return_object() noexcept;
    InitialAwaiter initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { error = std::current_exception(); }
};

// `co_await task()`: runs the child inline, on the awaiting task's driver.
template <class T>
struct InlineAwaiter {
    std::coroutine_handle<Promise<T>> child;

    bool await_ready() const noexcept { return false; }
    template <class P>
    void await_suspend(std::coroutine_handle<P> parent) {
        driver_of(parent).push(child, child.promise());
    }
    T await_resume() {
        if (child.promise().error) std::rethrow_exception(child.promise().error);
        if constexpr (!std::is_void_v<T>) return std::move(*child.promise().value);
    }
};

// `co_await future`: suspends the task until the future is done, unless it
// is done already (asyncio: no suspension then).
template <class F>
struct FutureAwaiter {
    F* future;
    Driver* driver = nullptr;

    bool await_ready() const noexcept { return future->done(); }
    template <class P>
    void await_suspend(std::coroutine_handle<P> h) noexcept {
        driver = &driver_of(h);
        driver->block_on(*future);
    }
    decltype(auto) await_resume() {
        if (driver) driver->rethrow_injected();
        return future->result();
    }
};

}  // namespace detail

template <class T>
class [[nodiscard]] Task {
public:
    using promise_type = detail::Promise<T>;
    using Handle = std::coroutine_handle<promise_type>;

    Task() noexcept = default;
    explicit Task(Handle h) noexcept : h_(h) {}
    Task(Task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
    Task& operator=(Task&& o) noexcept {
        if (this != &o) {
            if (h_) h_.destroy();
            h_ = std::exchange(o.h_, {});
        }
        return *this;
    }
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;
    ~Task() {
        if (h_) h_.destroy();
    }

    Handle handle() const noexcept { return h_; }
    explicit operator bool() const noexcept { return bool(h_); }

    detail::InlineAwaiter<T> operator co_await() && noexcept { return {h_}; }

private:
    Handle h_;
};

namespace detail {
template <class T>
Task<T> Promise<T>::get_return_object() noexcept {
    return Task<T>(std::coroutine_handle<Promise<T>>::from_promise(*this));
}
inline Task<void> Promise<void>::get_return_object() noexcept {
    return Task<void>(std::coroutine_handle<Promise<void>>::from_promise(*this));
}
}  // namespace detail

// asyncio's Task around a C++ coroutine.
template <class T>
class ScheduledTask final : public TaskBase {
public:
    ScheduledTask(Loop& loop, Task<T> coro, std::string name)
        : TaskBase(loop, std::move(name)), coro_(std::move(coro)), driver_(*this) {
        driver_.start(coro_.handle(), coro_.handle().promise());
    }
    ScheduledTask(Loop& loop, Task<T> coro)
        : TaskBase(loop), coro_(std::move(coro)), driver_(*this) {
        driver_.start(coro_.handle(), coro_.handle().promise());
    }

    decltype(auto) result() {
        check_result();
        if constexpr (!std::is_void_v<T>) return (*value_);
    }

protected:
    StepResult resume(std::exception_ptr&& error) override { return driver_.run(std::move(error)); }
    void on_returned() override {
        if constexpr (!std::is_void_v<T>) value_.emplace(std::move(*coro_.handle().promise().value));
        finish_with_result();
    }
    // The frame holds references (futures, tasks): free it as soon as done.
    void on_done() override { coro_ = Task<T>(); }
    void prefetch_resume() const noexcept override { driver_.prefetch(); }

private:
    struct Empty {};
    Task<T> coro_;
    detail::Driver driver_;
    std::optional<std::conditional_t<std::is_void_v<T>, Empty, T>> value_;
};

template <class T>
Ref<ScheduledTask<T>> create_task(Loop& loop, Task<T> coro, std::string name) {
    return Ref<ScheduledTask<T>>(new ScheduledTask<T>(loop, std::move(coro), std::move(name)));
}
// Named "Task-N" (an overload rather than a default name: spawning many
// tasks then builds and moves no string).
template <class T>
Ref<ScheduledTask<T>> create_task(Loop& loop, Task<T> coro) {
    return Ref<ScheduledTask<T>>(new ScheduledTask<T>(loop, std::move(coro)));
}

// co_await on futures and tasks, by reference or through a Ref.
template <class T>
detail::FutureAwaiter<Future<T>> operator co_await(Future<T>& f) noexcept { return {&f}; }
template <class T>
detail::FutureAwaiter<Future<T>> operator co_await(const Ref<Future<T>>& f) noexcept { return {f.get()}; }
template <class T>
detail::FutureAwaiter<ScheduledTask<T>> operator co_await(ScheduledTask<T>& t) noexcept { return {&t}; }
template <class T>
detail::FutureAwaiter<ScheduledTask<T>> operator co_await(const Ref<ScheduledTask<T>>& t) noexcept {
    return {t.get()};
}

// `std::exception_ptr e = co_await corio::settled(future);` waits like
// `co_await future` but returns what that would raise (null if nothing)
// instead of throwing. (Also avoids try/catch around co_await in a loop,
// which clang 14 miscompiles for wasm at -O2: the exception escapes.)
struct settled {
    FutureBase* future;
    detail::Driver* driver = nullptr;

    explicit settled(FutureBase& f) noexcept : future(&f) {}
    bool await_ready() const noexcept { return future->done(); }
    template <class P>
    void await_suspend(std::coroutine_handle<P> h) noexcept {
        driver = &detail::driver_of(h);
        driver->block_on(*future);
    }
    std::exception_ptr await_resume() {
        if (driver) return driver->take_injected();
        if (future->cancelled()) return future->make_cancelled_error();
        future->mark_retrieved();
        return future->stored_error();
    }
};

// `Loop& loop = co_await corio::get_loop();` — the loop running this task.
struct get_loop {
    Loop* loop = nullptr;
    bool await_ready() const noexcept { return false; }
    template <class P>
    bool await_suspend(std::coroutine_handle<P> h) noexcept {
        loop = &detail::driver_of(h).loop();
        return false;  // no suspension: just looked at the driver
    }
    Loop& await_resume() const noexcept { return *loop; }
};

// `TaskBase& me = co_await corio::this_task();`
struct this_task {
    TaskBase* task = nullptr;
    bool await_ready() const noexcept { return false; }
    template <class P>
    bool await_suspend(std::coroutine_handle<P> h) noexcept {
        task = &detail::driver_of(h).task();
        return false;
    }
    TaskBase& await_resume() const noexcept { return *task; }
};

}  // namespace corio
