// task_base.hpp — asyncio's Task: a future that drives a coroutine one step
// at a time (Task.__step / __wakeup in CPython's tasks.py). What a coroutine
// is stays abstract: a subclass implements resume(), the C++ coroutines of
// task.hpp or the Python interpreter's coroutine frames.
#pragma once

#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "core/future.hpp"
#include "core/handle.hpp"

namespace corio {

// How a coroutine step ended (the engine's step protocol). Trivially
// destructible on purpose: a task switch handles no exception_ptr. For
// Raised and BadYield, `error` points at storage the coroutine side owns
// until its next step; the task moves the error out.
struct StepResult {
    enum class Kind : uint8_t {
        Blocked,   // awaits `awaited` (asyncio: yielded a future, blocking)
        Yielded,   // bare yield: run again in the next iteration
        Returned,  // finished; the subclass has the value (on_returned)
        Raised,    // finished with *error
        BadYield,  // yielded something a task cannot wait on: *error is
                   // the RuntimeError the next step throws into it
        Suspended, // stopped part-way (a preempted or blocked VM): the
                   // loop's iteration stops too; continue_step() goes on
    };
    Kind kind;
    FutureBase* awaited = nullptr;
    std::exception_ptr* error = nullptr;

    static StepResult blocked(FutureBase& f) { return {Kind::Blocked, &f, nullptr}; }
    static StepResult yielded() { return {Kind::Yielded, nullptr, nullptr}; }
    static StepResult returned() { return {Kind::Returned, nullptr, nullptr}; }
    static StepResult raised(std::exception_ptr& e) { return {Kind::Raised, nullptr, &e}; }
    // `storage` receives the RuntimeError(message).
    static StepResult bad_yield(std::exception_ptr& storage, const std::string& message);
};

class TaskBase : public FutureBase {
public:
    // Registers the task and schedules its first step (asyncio: create_task
    // never runs the coroutine at once). An empty name means "Task-N".
    // `coroutine` names what it runs, for the trace (TaskCreated).
    TaskBase(Loop& loop, std::string name, std::string_view coroutine = {});
    // Named "Task-N": no string is built or moved (spawning many tasks).
    explicit TaskBase(Loop& loop);
    ~TaskBase() override;

    bool cancel(std::optional<std::string> message = std::nullopt) override;
    // Number of pending cancellation requests (asyncio's cancelling()).
    int cancelling() const noexcept { return rare_ ? rare_->num_cancels_requested : 0; }
    int uncancel() noexcept;

    // "Task-N" unless named; the default name is formatted when first asked.
    const std::string& name() const;
    void set_name(std::string name) {
        rare().name = std::move(name);
        number_ = 0;
    }
    // The future this task waits on now, if any.
    FutureBase* awaiting() const noexcept { return fut_waiter_.get(); }
    // Stops waiting on it: the future forgets this task's registration and
    // the task its reference, both released while both are alive. For an
    // embedder about to free tasks and futures in no particular order (the
    // interpreter's teardown); the task never wakes from that wait.
    void detach_from_waiter() noexcept;
    bool is_task() const noexcept override { return true; }

    // Schedules __wakeup(future) through the embedded handle.
    void schedule_wakeup(FutureBase& future);

    // Counts live tasks, for the leak tests.
    static int64_t live_count() noexcept;

    // Asks the CPU for the memory the pending step will touch beyond the
    // task itself (the loop does this a few handles ahead, loop.cpp).
    void prefetch_step() const noexcept;

protected:
    // Runs the coroutine until it suspends or ends. `error` (may be null) is
    // thrown into it at its suspension point (coro.throw), else it gets None.
    // Must not throw: a coroutine's exception is a Raised result.
    virtual StepResult resume(std::exception_ptr&& error) = 0;
    // Stores the coroutine's return value (calls set_result).
    virtual void on_returned() = 0;
    // Called once the task is done (result, exception or cancelled).
    virtual void on_done() {}
    // Goes on with a step resume() left Suspended. Only coroutine sides
    // that suspend implement it.
    virtual StepResult resume_suspended() { return StepResult::yielded(); }
    // Prefetches what resume() will touch first (a coroutine frame).
    virtual void prefetch_resume() const noexcept {}

private:
    friend class Loop;

    // Runs what schedule_step / schedule_wakeup left (the step handle).
    // Inline in the loop's dispatch: one call less per task switch, and no
    // exception_ptr built or destroyed on the way to a plain step (libc++,
    // the WebAssembly build's library, destroys one out of line).
    void run_pending_step() {
        if (wake_pending_) wakeup();
        else step(take_step_error());  // __step(exc)
    }
    // __wakeup(fut_waiter_): the step with what the future raises, if any.
    void wakeup();
    void step(std::exception_ptr&& error);
    void end_step(StepResult& result);
    void continue_step();
    void emit_step_begin();
    void emit_step_end(StepResult::Kind kind);
    void finish_step(StepResult& result);
    void schedule_step(std::exception_ptr&& error);
    void after_done();
    // The rest of construction: trace, first step, registration.
    void start(Loop& loop, std::string_view coroutine);
    void set_number(uint64_t number);
    static std::string default_name(uint64_t number);  // "Task-N"

    // What most tasks never need, in one block allocated on first use (a
    // suspended task is this much smaller): the name once given or
    // formatted, the cancellation requests, and the exception the pending
    // step throws in (a step scheduled with one: cancellation, bad yields).
    struct Rare : pool::Pooled {
        std::exception_ptr step_error;
        std::string name;
        std::optional<std::string> pending_cancel_message;
        int num_cancels_requested = 0;
    };
    Rare& rare() const;
    std::exception_ptr take_step_error() noexcept {
        return rare_ ? std::exchange(rare_->step_error, nullptr) : std::exception_ptr();
    }
    std::optional<std::string> pending_message() const {
        if (rare_) return rare_->pending_cancel_message;
        return std::nullopt;
    }

    Handle step_handle_;
    // The future the task waits on (asyncio's _fut_waiter); the pending
    // step is __wakeup(fut_waiter_) if wake_pending_ (only that future
    // wakes the task: its waiter callback is the task's one registration).
    Ref<FutureBase> fut_waiter_;
    mutable std::unique_ptr<Rare> rare_;
    // N of the default name "Task-N" until the name is formatted or given
    // (0 then). A number beyond 32 bits is formatted at once.
    mutable uint32_t number_ = 0;
    bool wake_pending_ = false;
    bool must_cancel_ = false;
    bool registered_ = false;
    TaskBase* prev_task_ = nullptr;  // the loop's list of live tasks
    TaskBase* next_task_ = nullptr;
};

}  // namespace corio
