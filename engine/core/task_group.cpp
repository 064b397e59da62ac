// task_group.cpp — TaskGroup's __aenter__, __aexit__ and _on_task_done.
#include "core/task_group.hpp"

#include <algorithm>

#include "core/gather.hpp"

namespace corio {

void TaskGroup::enter(TaskBase& parent) {
    if (entered_) throw RuntimeError("TaskGroup has been already entered");
    entered_ = true;
    parent_ = Ref<TaskBase>(&parent);
}

void TaskGroup::check_can_create() const {
    if (!entered_) throw RuntimeError("TaskGroup has not been entered");
    if (exiting_ && tasks_.empty()) throw RuntimeError("TaskGroup is finished");
    if (aborting_) throw RuntimeError("TaskGroup is shutting down");
}

void TaskGroup::add(Ref<TaskBase> task) {
    if (task->done()) {
        on_task_done(*task);
        return;
    }
    tasks_.push_back(task);
    task->add_done_callback([this](FutureBase& f) { on_task_done(static_cast<TaskBase&>(f)); }, this);
}

void TaskGroup::abort() {
    aborting_ = true;
    for (auto& t : tasks_)
        if (!t->done()) t->cancel();
}

void TaskGroup::on_task_done(TaskBase& task) {
    std::erase_if(tasks_, [&](const Ref<TaskBase>& t) { return t.get() == &task; });
    if (on_completed_ && tasks_.empty() && !on_completed_->done()) on_completed_->set_result();
    if (task.cancelled()) return;
    std::exception_ptr error = task.exception();
    if (!error) return;
    errors_.push_back(error);
    if (is_fatal(error) && !base_error_) base_error_ = error;
    if (parent_->done()) {
        loop_->call_exception_handler({"Task has errored out but its parent task is already completed",
                                       error, &task, nullptr});
        return;
    }
    if (!aborting_ && !parent_cancel_requested_) {
        // Cancel the parent to interrupt the body of the `async with`;
        // begin_exit undoes it with uncancel().
        abort();
        parent_cancel_requested_ = true;
        parent_->cancel();
    }
}

void TaskGroup::begin_exit(std::exception_ptr error, bool error_is_fatal) {
    exiting_ = true;
    if (error && error_is_fatal && !base_error_) base_error_ = error;
    exit_error_ = error;
    exit_error_is_cancel_ = is_cancellation(error);
    if (exit_error_is_cancel_) propagate_cancellation_ = error;
    if (parent_cancel_requested_ && parent_->uncancel() == 0) {
        // No cancellation left pending: do not propagate CancelledError.
        propagate_cancellation_ = nullptr;
    }
    if (error && !aborting_) abort();
}

FutureBase* TaskGroup::wait_future() {
    on_completed_.reset();
    if (tasks_.empty()) return nullptr;
    on_completed_ = make_future<void>(*loop_);
    return on_completed_.get();
}

void TaskGroup::wait_cancelled(std::exception_ptr cancellation) {
    if (!aborting_) {
        // The parent is being cancelled while the group's tasks still run.
        propagate_cancellation_ = std::move(cancellation);
        abort();
    }
}

std::exception_ptr TaskGroup::finish_exit() {
    on_completed_.reset();
    parent_.reset();
    if (base_error_) return base_error_;
    if (propagate_cancellation_ && errors_.empty()) return propagate_cancellation_;
    if (exit_error_ && !exit_error_is_cancel_) errors_.push_back(exit_error_);
    if (errors_.empty()) return nullptr;
    auto group = std::make_exception_ptr(
        ExceptionGroup("unhandled errors in a TaskGroup", std::move(errors_)));
    errors_.clear();
    return group;
}

}  // namespace corio
