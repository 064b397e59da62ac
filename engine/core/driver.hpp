// driver.hpp — runs the C++ coroutines of one task without symmetric
// transfer. The task's coroutine sits at the bottom of a stack; awaiting a
// child corio::Task pushes the child, which the driver then resumes itself.
// A finished child is popped and its parent resumed. So an await chain of any
// length runs in constant C++ stack (clang 14 cannot tail-call for wasm, and
// g++ at -O0 does not), and every suspension returns to the driver, which
// reports it to the engine task as a StepResult.
#pragma once

#include <cstdint>
#include <exception>
#include <utility>

#include "core/coro.hpp"
#include "core/pool.hpp"
#include "core/small_vector.hpp"
#include "core/task_base.hpp"

namespace corio {
namespace detail {

class Driver;

// Shared part of every corio::Task<T> promise.
struct PromiseBase {
    // Coroutine frames come from the engine's pool too, and are counted for
    // the leak tests.
    static void* operator new(std::size_t size) {
        ++live_frames_count();
        return pool::allocate(size);
    }
    static void operator delete(void* p, std::size_t size) noexcept {
        --live_frames_count();
        pool::deallocate(p, size);
    }
    static int64_t live_frames() noexcept { return live_frames_count(); }
    static int64_t& live_frames_count() noexcept {
        static int64_t count = 0;  // diagnostics only
        return count;
    }

    Driver* driver = nullptr;
    std::exception_ptr error;
    bool started = false;
};

class Driver {
public:
    explicit Driver(TaskBase& task) noexcept : task_(&task) {}

    // Makes `root` the bottom of the stack.
    void start(std::coroutine_handle<> root, PromiseBase& promise);
    // One task step: throws `error` (if any) into the innermost coroutine,
    // then runs until a coroutine suspends on the engine or the root ends.
    StepResult run(std::exception_ptr&& error);

    Loop& loop() const noexcept { return task_->loop(); }
    TaskBase& task() const noexcept { return *task_; }

    // Called from awaiters' await_suspend: why the innermost coroutine stops.
    void push(std::coroutine_handle<> child, PromiseBase& promise);
    void block_on(FutureBase& future) noexcept;
    void yield_now() noexcept { reason_ = Reason::Yielded; }
    // Called from awaiters' await_resume: the error thrown in by the step.
    std::exception_ptr take_injected() noexcept { return std::exchange(injected_, nullptr); }
    void rethrow_injected() {
        if (injected_) [[unlikely]] rethrow_injected_slow();
    }

private:
    [[noreturn]] void rethrow_injected_slow();

    enum class Reason : uint8_t { None, Pushed, Blocked, Yielded };
    struct Frame {
        std::coroutine_handle<> handle;
        PromiseBase* promise;
    };

    TaskBase* task_;
    SmallVector<Frame, 1> stack_;
    std::exception_ptr injected_;
    std::exception_ptr outcome_;  // the error a Raised/BadYield step reports
    FutureBase* awaited_ = nullptr;
    Reason reason_ = Reason::None;
};

// Awaiter used by corio's own awaitables: gets at the driver of the
// awaiting coroutine through its promise.
template <class Promise>
Driver& driver_of(std::coroutine_handle<Promise> h) noexcept {
    return *h.promise().driver;
}

}  // namespace detail
}  // namespace corio
