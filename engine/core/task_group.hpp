// task_group.hpp — asyncio.TaskGroup (taskgroups.py): tasks created in the
// group are awaited when the block ends; the first failure cancels the rest
// and the parent, and the errors come out together as an ExceptionGroup.
// The object is driven in three parts so that C++ and Python share it:
// enter(), add() for each task, and the exit sequence (begin_exit, then
// await wait_future() while it returns one, then finish_exit()).
#pragma once

#include <exception>
#include <vector>

#include "core/task.hpp"

namespace corio {

class TaskGroup {
public:
    explicit TaskGroup(Loop& loop) noexcept : loop_(&loop) {}
    TaskGroup(const TaskGroup&) = delete;
    TaskGroup& operator=(const TaskGroup&) = delete;

    // __aenter__.
    void enter(TaskBase& parent);
    // create_task's bookkeeping for a task just created; RuntimeError if the
    // group is not entered, finished or shutting down.
    void check_can_create() const;
    void add(Ref<TaskBase> task);

    // __aexit__, part 1: the block ended with `error` (null: normally).
    void begin_exit(std::exception_ptr error, bool error_is_fatal);
    // Part 2: the future to await while tasks remain, or null when none do.
    FutureBase* wait_future();
    // If awaiting wait_future() raised CancelledError (the parent was
    // cancelled), report it here and loop back to wait_future().
    void wait_cancelled(std::exception_ptr cancellation);
    // Part 3: the error to raise from __aexit__, or null.
    std::exception_ptr finish_exit();

    // C++ API: create a task in the group.
    template <class T>
    Ref<ScheduledTask<T>> create_task(Task<T> coro, std::string name = {}) {
        check_can_create();
        auto task = corio::create_task(*loop_, std::move(coro), std::move(name));
        add(task);
        return task;
    }

    std::size_t size() const noexcept { return tasks_.size(); }

private:
    void abort();
    void on_task_done(TaskBase& task);

    Loop* loop_;
    Ref<TaskBase> parent_;
    std::vector<Ref<TaskBase>> tasks_;  // creation order (DESIGN.md rule 6)
    std::vector<std::exception_ptr> errors_;
    std::exception_ptr base_error_;
    std::exception_ptr propagate_cancellation_;
    std::exception_ptr exit_error_;
    Ref<Future<void>> on_completed_;
    bool entered_ = false;
    bool exiting_ = false;
    bool aborting_ = false;
    bool parent_cancel_requested_ = false;
    bool exit_error_is_cancel_ = false;
};

// `co_await corio::task_group(loop, [&](TaskGroup& g) -> Task<void> {...});`
// runs the body, then waits for the group's tasks as `async with` does.
template <class Body>
Task<void> task_group(Loop& loop, Body body) {
    TaskGroup group(loop);
    group.enter(co_await this_task());
    std::exception_ptr error;
    try {
        co_await body(group);
    } catch (...) {
        error = std::current_exception();
    }
    group.begin_exit(error, is_fatal(error));
    while (FutureBase* fut = group.wait_future()) {
        std::exception_ptr raised = co_await settled(*fut);
        if (is_cancellation(raised)) group.wait_cancelled(raised);
        else if (raised) std::rethrow_exception(raised);
    }
    if (auto raised = group.finish_exit()) std::rethrow_exception(raised);
}

}  // namespace corio
