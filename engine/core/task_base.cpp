// task_base.cpp — Task.__step and Task.__wakeup, step for step as CPython's.
#include "core/task_base.hpp"

#include <cassert>
#include <cstdint>

namespace corio {

namespace {
int64_t g_live_tasks = 0;  // diagnostics only: counted for leak tests

std::exception_ptr runtime_error(const std::string& message) {
    return std::make_exception_ptr(RuntimeError(message));
}
}  // namespace

StepResult StepResult::bad_yield(std::exception_ptr& storage, const std::string& message) {
    storage = runtime_error(message);
    return {Kind::BadYield, nullptr, &storage};
}

TaskBase::TaskBase(Loop& loop)
    : FutureBase(loop, trace::WaitKind::Task),
      step_handle_(*this) {
    set_number(loop.next_task_number());
    start(loop, {});
}

TaskBase::TaskBase(Loop& loop, std::string name, std::string_view coroutine)
    : FutureBase(loop, trace::WaitKind::Task),
      step_handle_(*this) {
    if (name.empty()) set_number(loop.next_task_number());
    else rare().name = std::move(name);
    start(loop, coroutine);
}

void TaskBase::set_number(uint64_t number) {
    if (number <= UINT32_MAX) [[likely]] number_ = static_cast<uint32_t>(number);
    else rare().name = default_name(number);
}

std::string TaskBase::default_name(uint64_t number) {
    std::string name = "Task-";
    name += std::to_string(number);
    return name;
}

void TaskBase::start(Loop& loop, std::string_view coroutine) {
    ++g_live_tasks;
    if (loop.tracing()) [[unlikely]] {
        std::string text = this->name();
        if (!coroutine.empty()) text.append("\t").append(coroutine);
        loop.emit({trace::EventKind::TaskCreated, {}, 0, 0, id(), 0, 0, text});
    }
    // asyncio: call_soon(self.__step), then _register_task(self).
    loop.call_soon(step_handle_);
    loop.link_task(*this);
    registered_ = true;
}

TaskBase::~TaskBase() {
    if (registered_) loop().unlink_task(*this);
    --g_live_tasks;
}

int64_t TaskBase::live_count() noexcept { return g_live_tasks; }

void TaskBase::detach_from_waiter() noexcept {
    if (!fut_waiter_) return;
    fut_waiter_->forget_waiter(*this);
    fut_waiter_ = nullptr;
}

TaskBase::Rare& TaskBase::rare() const {
    if (!rare_) rare_ = std::make_unique<Rare>();
    return *rare_;
}

const std::string& TaskBase::name() const {
    if (number_) {
        rare().name = default_name(number_);
        number_ = 0;
    }
    return rare().name;
}

int TaskBase::uncancel() noexcept {
    if (!rare_) return 0;
    if (rare_->num_cancels_requested > 0) --rare_->num_cancels_requested;
    return rare_->num_cancels_requested;
}

bool TaskBase::cancel(std::optional<std::string> message) {
    mark_retrieved();
    if (done()) return false;
    ++rare().num_cancels_requested;
    if (fut_waiter_ && fut_waiter_->cancel(message)) {
        // Leave fut_waiter_: it may be a task that ignores the cancellation.
        return true;
    }
    // The step is already scheduled: it will throw CancelledError.
    must_cancel_ = true;
    rare_->pending_cancel_message = std::move(message);
    return true;
}

void TaskBase::schedule_step(std::exception_ptr&& error) {
    if (error) rare().step_error = std::move(error);
    loop().call_soon(step_handle_);
}

void TaskBase::schedule_wakeup(FutureBase& future) {
    assert(&future == fut_waiter_.get());  // the only future a task waits on
    (void)future;
    wake_pending_ = true;
    loop().call_soon(step_handle_);
}

void TaskBase::prefetch_step() const noexcept {
    if (wake_pending_) {
        // The wake-up reads the future's state and error.
        const char* future = reinterpret_cast<const char*>(fut_waiter_.get());
        __builtin_prefetch(future);
        __builtin_prefetch(future + 64);
    }
    prefetch_resume();
}

void TaskBase::wakeup() {
    wake_pending_ = false;
    Ref<FutureBase> future = std::move(fut_waiter_);  // referenced until the step ends
    std::exception_ptr error;
    if (future->cancelled()) error = future->make_cancelled_error();
    else error = future->stored_error();
    future->mark_retrieved();
    step(std::move(error));
}

// A task switch is step and end_step in one function (end_step is inlined):
// a function call with its registers saved and restored is a sizable
// share of a switch.
void TaskBase::step(std::exception_ptr&& error) {
    // (The loop's reference to the step handle keeps this task alive.)
    if (done()) [[unlikely]] throw InvalidStateError("_step(): already done");
    if (must_cancel_) [[unlikely]] {
        if (!is_cancellation(error))
            error = std::make_exception_ptr(CancelledError(pending_message()));
        must_cancel_ = false;
    }
    if (fut_waiter_) fut_waiter_.reset();
    Loop& lp = loop();
    lp.enter_task(*this);
    if (lp.tracing()) [[unlikely]] emit_step_begin();
    StepResult result = resume(std::move(error));
    end_step(result);
}

void TaskBase::continue_step() {
    StepResult result = resume_suspended();
    end_step(result);
}

inline void TaskBase::end_step(StepResult& result) {
    Loop& lp = loop();
    if (result.kind == StepResult::Kind::Yielded) [[likely]] {
        // The common task switch: no step error is pending, and the
        // handle's reference is this task's own.
        step_handle_.cancelled_ = false;
        add_ref();
        lp.schedule_adopted(step_handle_);
    } else if (result.kind == StepResult::Kind::Suspended) [[unlikely]] {
        lp.suspend_step(*this);  // still the current task
        return;
    } else {
        try {
            finish_step(result);
        } catch (...) {
            lp.leave_task(*this);
            throw;
        }
    }
    lp.leave_task(*this);
    if (lp.tracing()) [[unlikely]] emit_step_end(result.kind);
    if (done()) after_done();
    if (lp.break_after_step_) [[unlikely]] lp.interrupted_ = true;
}

void TaskBase::emit_step_begin() {
    loop().emit({trace::EventKind::TaskStepBegin, {}, 0, 0, id(), 0, 0, {}});
}

void TaskBase::emit_step_end(StepResult::Kind kind) {
    trace::WaitKind wait = trace::WaitKind::Nothing;
    int64_t on = 0;
    if (fut_waiter_) {
        wait = fut_waiter_->wait_kind();
        on = static_cast<int64_t>(fut_waiter_->owner_id() ? fut_waiter_->owner_id()
                                                          : fut_waiter_->id());
    } else if (kind == StepResult::Kind::Yielded) {
        wait = trace::WaitKind::Yield;
    }
    loop().emit({trace::EventKind::TaskStepEnd, wait, 0, 0, id(), on, 0, {}});
}

void TaskBase::finish_step(StepResult& result) {
    switch (result.kind) {
        case StepResult::Kind::Returned:
            if (must_cancel_) {
                // Cancelled right before the coroutine returned.
                must_cancel_ = false;
                FutureBase::cancel(pending_message());
            } else {
                on_returned();
            }
            return;
        case StepResult::Kind::Raised: {
            std::exception_ptr error = std::move(*result.error);
            if (is_cancellation(error)) {
                // Keep the original exception so result() raises it again.
                set_cancelled_exc(error);
                FutureBase::cancel();
            } else if (is_fatal(error)) {
                set_exception(error);
                std::rethrow_exception(error);
            } else {
                set_exception(std::move(error));
            }
            return;
        }
        case StepResult::Kind::Blocked: {
            FutureBase& awaited = *result.awaited;
            if (&awaited.loop() != &loop()) {
                schedule_step(runtime_error("Task " + name() + " got Future attached to a different loop"));
            } else if (&awaited == this) {
                schedule_step(runtime_error("Task cannot await on itself: " + name()));
            } else {
                awaited.add_waiter(*this);
                fut_waiter_ = Ref<FutureBase>(&awaited);
                if (must_cancel_ && fut_waiter_->cancel(pending_message()))
                    must_cancel_ = false;
            }
            return;
        }
        case StepResult::Kind::Yielded:
            loop().call_soon(step_handle_);
            return;
        case StepResult::Kind::BadYield:
            schedule_step(std::move(*result.error));
            return;
        case StepResult::Kind::Suspended: return;  // handled by end_step
    }
}

void TaskBase::after_done() {
    // The task stays in the loop's list until it is destroyed (all_tasks
    // skips done tasks, as asyncio's does): unlinking touches the tasks
    // created just before and after this one, which, when many tasks finish
    // in an order unrelated to their creation, costs two cache misses per
    // task; at destruction they are usually at hand.
    Loop& lp = loop();
    if (lp.tracing()) {
        if (cancelled()) {
            lp.emit({trace::EventKind::TaskCancelled, {}, 0, 0, id(), 0, 0, {}});
        } else if (stored_error()) {
            std::string what = describe(stored_error());
            lp.emit({trace::EventKind::TaskFailed, {}, 0, 0, id(), 0, 0, what});
        } else {
            lp.emit({trace::EventKind::TaskDone, {}, 0, 0, id(), 0, 0, {}});
        }
    }
    on_done();
}

}  // namespace corio
