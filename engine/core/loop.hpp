// loop.hpp — the event loop, a copy of CPython 3.11's BaseEventLoop
// scheduling: a FIFO ready queue, a timer heap ordered by (deadline,
// creation), and run_once() doing exactly what _run_once does. Every wake-up
// in the engine goes through call_soon. The loop owns no clock and never
// blocks itself: its Host tells the time and does the waiting.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <string>

#include "core/handle.hpp"
#include "core/host.hpp"
#include "core/ring_queue.hpp"
#include "core/timer_heap.hpp"
#include "trace/event.hpp"

namespace corio {

class FutureBase;
class TaskBase;

// What call_exception_handler receives (asyncio's context dict).
struct ErrorContext {
    std::string message;
    std::exception_ptr exception;
    // The future or task, or the handle, concerned: valid only during the
    // handler call (errors() keeps copies with these cleared).
    FutureBase* future = nullptr;
    const Handle* handle = nullptr;
};

class Loop {
public:
    // asyncio's MAXIMUM_SELECT_TIMEOUT: the longest single wait.
    static constexpr int64_t kMaxWaitNs = int64_t{24} * 3600 * 1'000'000'000;

    using ExceptionHandler = std::function<void(Loop&, const ErrorContext&)>;

    explicit Loop(Host& host);
    ~Loop();
    Loop(const Loop&) = delete;
    Loop& operator=(const Loop&) = delete;

    Host& host() const noexcept { return *host_; }
    int64_t time_ns() const { return host_->now_ns(); }
    double time() const { return static_cast<double>(time_ns()) / 1e9; }

    // Scheduling (all FIFO through the ready queue, or through timers).
    HandleRef call_soon(Handle::Fn fn, uint64_t task_id = 0);
    // Schedules a handle that already exists (a task's embedded step handle).
    void call_soon(Handle& handle) {
        handle.cancelled_ = false;
        schedule(handle);
    }
    HandleRef call_later(double delay_s, Handle::Fn fn, uint64_t task_id = 0);
    HandleRef call_at(double when_s, Handle::Fn fn, uint64_t task_id = 0);
    HandleRef call_at_ns(int64_t when_ns, Handle::Fn fn, uint64_t task_id = 0);
    // Arms an existing (embedded) handle as a timer.
    void call_at_ns(TimedHandle& timer, int64_t when_ns);
    void call_later(TimedHandle& timer, double delay_s) {
        call_at_ns(timer, deadline_ns(time() + delay_s));
    }
    // A loop time in seconds on the clock's nanosecond grid (asyncio rounds
    // half to even, as Python's round()).
    static int64_t deadline_ns(double when_s) noexcept;

    // One iteration, as asyncio's _run_once. Kept a function of its own,
    // never inlined into run_forever: V8 moves a WebAssembly function to
    // optimized code when it is next called, never in the middle of a call,
    // so iterations run inside one long call (run_until_complete) would stay
    // in baseline code (the switch benchmark ran 20% slower in node).
    [[gnu::noinline]] void run_once();
    void run_forever();
    // Marks the loop running (run_forever's entry and exit), for embedders
    // that drive it one iteration at a time (py::Session).
    void enter_run();
    void exit_run() noexcept {
        stopping_ = false;
        running_ = false;
    }
    bool stopping() const noexcept { return stopping_; }

    // An iteration can stop part-way and continue later, with nothing else
    // running in between: when a task's step is suspended by its coroutine
    // side (the VM preempted on its budget, or blocked in time.sleep), or
    // after every task step while break_after_step is set (single-stepping).
    // run_once then returns early; continue_iteration() resumes the
    // suspended step and runs the rest of the iteration's handles.
    bool iteration_interrupted() const noexcept { return in_iteration_; }
    void continue_iteration();
    void set_break_after_step(bool on) noexcept { break_after_step_ = on; }
    TaskBase* suspended_task() const noexcept { return suspended_task_.get(); }
    // Runs until `future` is done; returns normally even if it failed (the
    // caller reads the outcome from the future). Throws RuntimeError if the
    // loop stopped first, or stalled with nothing left that could finish it.
    void run_until_complete(FutureBase& future);
    void stop() noexcept { stopping_ = true; }
    bool is_running() const noexcept { return running_; }
    bool is_closed() const noexcept { return closed_; }
    void close();
    // True if the last iteration found nothing ready, no timer and no I/O:
    // nothing can ever happen again (asyncio would block forever).
    bool stalled() const noexcept { return stalled_; }

    // The timeout run_once would wait now (after dropping cancelled timers):
    // 0 if work is ready, Host::kForever if there is nothing to wait for.
    int64_t next_timeout_ns();

    // Errors raised by callbacks, unretrieved task exceptions, ... The
    // default handler keeps them for the embedder (errors()).
    void set_exception_handler(ExceptionHandler handler) { handler_ = std::move(handler); }
    void call_exception_handler(const ErrorContext& context);
    const std::vector<ErrorContext>& errors() const noexcept { return errors_; }

    // Tasks: the one running now, and every task not yet done, in creation
    // order (asyncio's all_tasks, ordered as DESIGN.md rule 6 says).
    TaskBase* current_task() const noexcept { return current_; }
    void enter_task(TaskBase& task) {
        if (current_) [[unlikely]] enter_task_conflict(task);
        current_ = &task;
    }
    void leave_task(TaskBase& task) noexcept {
        if (current_ == &task) current_ = nullptr;
    }
    std::vector<TaskBase*> all_tasks() const;
    // Next number for a default "Task-N" name. CPython's counter is global
    // to the process; give several loops one counter with share_task_counter.
    uint64_t next_task_number() noexcept { return ++*task_counter_; }
    void share_task_counter(uint64_t& counter) noexcept { task_counter_ = &counter; }

    // Introspection for the loop view and the tests.
    const RingQueue<HandleRef>& ready() const noexcept { return ready_; }
    const TimerHeap& timers() const noexcept { return timers_; }
    uint64_t iteration() const noexcept { return iteration_; }
    uint64_t next_id() noexcept { return ++last_id_; }

    // Tracing: with no listener, each fact costs one branch.
    void set_listener(trace::Listener* listener) noexcept { listener_ = listener; }
    bool tracing() const noexcept { return listener_ != nullptr; }
    void emit(trace::Event event);

private:
    friend class Handle;
    friend class TaskBase;

    void schedule(Handle& handle) {
        handle.add_ref();
        schedule_adopted(handle);
    }
    // Schedules a handle whose reference the caller has already taken.
    void schedule_adopted(Handle& handle) {
        handle.id_ = next_id();
        ready_.push_back(HandleRef::adopt(&handle));
        if (listener_) [[unlikely]] emit_scheduled(handle);
    }
    void emit_scheduled(const Handle& handle);
    [[noreturn]] void enter_task_conflict(TaskBase& task);
    void run_handle(Handle& handle);
    static void prefetch_handle(const Handle& handle) noexcept;
    static void prefetch_handle_deep(const Handle& handle) noexcept;
    void run_todo();
    void end_iteration();
    void suspend_step(TaskBase& task);
    void timer_cancelled(Handle& handle);
    void link_task(TaskBase& task) noexcept;
    void unlink_task(TaskBase& task) noexcept;

    Host* host_;
    RingQueue<HandleRef> ready_;
    TimerHeap timers_;
    bool stopping_ = false;
    bool running_ = false;
    bool closed_ = false;
    bool stalled_ = false;
    // The iteration in progress (run_todo): handles left to run, handles
    // run, and why it stopped part-way.
    bool in_iteration_ = false;
    bool interrupted_ = false;
    bool break_after_step_ = false;
    bool prefetch_ = false;  // the iteration is long enough to prefetch
    std::size_t todo_ = 0;
    std::size_t ran_ = 0;
    Ref<TaskBase> suspended_task_;
    uint64_t iteration_ = 0;
    uint64_t last_id_ = 0;
    uint64_t event_seq_ = 0;
    uint64_t own_task_counter_ = 0;
    uint64_t* task_counter_ = &own_task_counter_;
    TaskBase* current_ = nullptr;
    TaskBase* tasks_head_ = nullptr;  // intrusive list of live tasks, done or not
    TaskBase* tasks_tail_ = nullptr;
    ExceptionHandler handler_;
    std::vector<ErrorContext> errors_;
    trace::Listener* listener_ = nullptr;
};

}  // namespace corio
