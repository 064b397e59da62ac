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
    // Inline (in ScheduledTask::resume): it is most of a task switch.
    StepResult run(std::exception_ptr&& error) {
        if (error || injected_) [[unlikely]] {
            if (!inject(std::move(error))) return StepResult::raised(outcome_);
        }
        for (;;) {
            Frame top = stack_.back();
            reason_ = Reason::None;
            top.promise->started = true;
            top.handle.resume();
            if (top.handle.done()) [[unlikely]] {
                if (pop_finished(top)) continue;  // the parent's await_resume takes the outcome
                if (top.promise->error) return StepResult::raised(outcome_);
                return StepResult::returned();
            }
            switch (reason_) {
                case Reason::Yielded: return StepResult::yielded();
                case Reason::Blocked: return StepResult::blocked(*awaited_);
                case Reason::Pushed: continue;
                case Reason::None: break;
            }
            return foreign_suspension();
        }
    }

    // Prefetches the frame the next step resumes (its start and the
    // coroutine's state, which follow the promise).
    void prefetch() const noexcept {
        if (stack_.empty()) return;
        const char* frame = static_cast<const char*>(stack_.back().handle.address());
        __builtin_prefetch(frame, 1);
        __builtin_prefetch(frame + 64, 1);
    }

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
    enum class Reason : uint8_t { None, Pushed, Blocked, Yielded };
    struct Frame {
        std::coroutine_handle<> handle;
        PromiseBase* promise;
    };

    [[noreturn]] void rethrow_injected_slow();
    // The start of a step that throws an error in: false if the coroutine
    // ends at once with it (outcome_), never having run.
    bool inject(std::exception_ptr&& error);
    // Pops the finished coroutine `top`; false if it was the root (then a
    // Raised outcome is in outcome_).
    bool pop_finished(const Frame& top);
    // The innermost coroutine suspended on something the engine does not own.
    StepResult foreign_suspension();

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
