// loop.cpp — the iteration (_run_once), scheduling and the task registry.
#include "core/loop.hpp"

#include <cmath>

#include "core/errors.hpp"
#include "core/future.hpp"
#include "core/task_base.hpp"

namespace corio {

namespace {
// Prefetching in long iterations. When thousands of handles are ready at
// once (timers that came due together, a gather's children finishing),
// their tasks and futures are scattered over more memory than the caches
// hold, and running them one by one waits for one cache miss after
// another. The ready queue says which objects come next, so the loop asks
// for them a few handles ahead: first the handle (stage 1), then, with the
// handle at hand, what running it touches first (stage 2), then what
// those objects point to: a task's coroutine frame and the future it wakes
// from, a future's waiting task (stage 3). Short iterations
// (a few hundred handles, whose objects stay cached between iterations)
// skip it: there it would only cost instructions.
constexpr std::size_t kPrefetchMinBatch = 512;
constexpr std::size_t kPrefetchAhead = 8;  // stage 3; stage 2 twice, stage 1 3x as far

inline void prefetch_lines(const void* p, std::size_t bytes) noexcept {
    const char* c = static_cast<const char*>(p);
    for (std::size_t off = 0; off < bytes; off += 64) __builtin_prefetch(c + off, 1);
}
}  // namespace

Loop::Loop(Host& host) : host_(&host) {}

Loop::~Loop() {
    // Tasks still alive must not touch the loop's list once it is gone.
    for (TaskBase* t = tasks_head_; t;) {
        TaskBase* next = t->next_task_;
        t->registered_ = false;
        t->prev_task_ = t->next_task_ = nullptr;
        t = next;
    }
    tasks_head_ = tasks_tail_ = nullptr;
    // Break the references the queues hold (tasks embed handles).
    ready_.clear();
    while (!timers_.empty()) timers_.pop();
}

void Loop::emit(trace::Event event) {
    event.seq = ++event_seq_;
    event.time_ns = time_ns();
    listener_->on_event(event);
}

void Handle::cancel() noexcept {
    if (cancelled_) return;
    cancelled_ = true;
    if (is_timer_) static_cast<TimedHandle*>(this)->loop_->timer_cancelled(*this);
    // asyncio drops the callback (and what it references) at once.
    if (kind_ == Kind::Callback) static_cast<CallbackHandle*>(this)->fn_.reset();
    else if (kind_ == Kind::Done) static_cast<DoneHandle*>(this)->drop();
}

int64_t Handle::when_ns() const noexcept {
    if (kind_ == Kind::Callback || kind_ == Kind::Embedded)
        return static_cast<const TimedHandle*>(this)->when_ns_;
    return 0;
}

uint64_t Handle::task_id() const noexcept {
    switch (kind_) {
        case Kind::Step: return static_cast<const TaskBase*>(owner_)->id();
        case Kind::Callback:
        case Kind::Embedded: return static_cast<const TimedHandle*>(this)->task_id_;
        case Kind::Done: return 0;
    }
    return 0;
}

void Handle::release_own() const noexcept {
    if (--refs_ == 0) destroy(const_cast<Handle*>(this));
}

void Handle::destroy(Handle* handle) noexcept {
    switch (handle->kind_) {
        case Kind::Callback: delete static_cast<CallbackHandle*>(handle); return;
        case Kind::Done: delete static_cast<DoneHandle*>(handle); return;
        case Kind::Step:
        case Kind::Embedded: return;  // part of their owner: never free-standing
    }
}

void Loop::timer_cancelled(Handle& handle) {
    // Cancelling a timer that already fired changes nothing (asyncio counts
    // only timers still scheduled), so it is not a scheduling fact either.
    if (!handle.in_heap_) return;
    timers_.note_cancelled();
    if (listener_) [[unlikely]]
        emit({trace::EventKind::TimerCancelled, {}, 0, 0, handle.id_, 0, 0, {}});
}

void Loop::emit_scheduled(const Handle& handle) {
    emit({trace::EventKind::HandleScheduled, {}, 0, 0, handle.id_,
          static_cast<int64_t>(handle.task_id()), 0, {}});
}

HandleRef Loop::call_soon(Handle::Fn fn, uint64_t task_id) {
    HandleRef handle(new CallbackHandle(*this, std::move(fn), task_id));
    schedule(*handle);
    return handle;
}


HandleRef Loop::call_later(double delay_s, Handle::Fn fn, uint64_t task_id) {
    // asyncio: call_at(self.time() + delay), in floating point.
    return call_at(time() + delay_s, std::move(fn), task_id);
}

int64_t Loop::deadline_ns(double when_s) noexcept {
    double ns = std::nearbyint(when_s * 1e9);
    constexpr double kLimit = 9.2e18;
    return ns >= kLimit ? static_cast<int64_t>(kLimit)
           : ns <= -kLimit ? -static_cast<int64_t>(kLimit)
                           : static_cast<int64_t>(ns);
}

HandleRef Loop::call_at(double when_s, Handle::Fn fn, uint64_t task_id) {
    return call_at_ns(deadline_ns(when_s), std::move(fn), task_id);
}

HandleRef Loop::call_at_ns(int64_t when_ns, Handle::Fn fn, uint64_t task_id) {
    auto* timer = new CallbackHandle(*this, std::move(fn), task_id);
    HandleRef ref(timer);
    call_at_ns(*timer, when_ns);
    return ref;
}

void Loop::call_at_ns(TimedHandle& timer, int64_t when_ns) {
    timer.is_timer_ = true;
    timer.in_heap_ = true;
    timer.cancelled_ = false;
    timer.when_ns_ = when_ns;
    timer.id_ = next_id();
    timers_.push(HandleRef(&timer), when_ns);
    if (listener_) [[unlikely]]
        emit({trace::EventKind::TimerArmed, {}, 0, 0, timer.id_, when_ns,
              static_cast<int64_t>(timer.task_id()), {}});
}

int64_t Loop::next_timeout_ns() {
    timers_.drop_cancelled();
    if (!ready_.empty() || stopping_) return 0;
    if (timers_.empty()) return Host::kForever;
    int64_t wait = timers_.top_when_ns() - time_ns();
    if (wait < 0) return 0;
    return wait < kMaxWaitNs ? wait : kMaxWaitNs;
}

void Loop::run_once() {
    ++iteration_;
    if (listener_) [[unlikely]]
        emit({trace::EventKind::IterationBegin, {}, 0, 0, iteration_,
              static_cast<int64_t>(ready_.size()), 0, {}});
    int64_t timeout = next_timeout_ns();
    stalled_ = timeout == Host::kForever && !host_->io_pending();
    if (!stalled_) host_->poll(*this, timeout);

    // Timers due now join the ready queue in (deadline, creation) order,
    // after the callbacks that were already there. asyncio's end_time is
    // time() + clock resolution (1 ns): due means when <= now.
    if (!timers_.empty()) {
        std::size_t fired = timers_.pop_due(time_ns(), ready_);
        if (fired && listener_) [[unlikely]]
            for (std::size_t i = ready_.size() - fired; i < ready_.size(); ++i)
                emit({trace::EventKind::TimerFired, {}, 0, 0, ready_[i]->id_, 0, 0, {}});
    }

    // Run exactly the handles that are ready now; what they schedule waits
    // for the next iteration.
    todo_ = ready_.size();
    ran_ = 0;
    prefetch_ = todo_ >= kPrefetchMinBatch;
    in_iteration_ = true;
    run_todo();
}

void Loop::prefetch_handle(const Handle& handle) noexcept {
    switch (handle.kind_) {
        case Handle::Kind::Step:
            // The task: its header, the step state around the handle, and
            // the coroutine side (C++ tasks keep their driver right after).
            prefetch_lines(handle.owner_, 320);
            break;
        case Handle::Kind::Embedded:
            // The owner up to the end of the handle inside it.
            prefetch_lines(handle.owner_,
                           static_cast<std::size_t>(reinterpret_cast<const char*>(&handle) -
                                                    reinterpret_cast<const char*>(handle.owner_)) +
                               sizeof(EmbeddedHandle));
            break;
        case Handle::Kind::Done:
            prefetch_lines(static_cast<const DoneHandle&>(handle).future(), 128);
            break;
        case Handle::Kind::Callback:
            __builtin_prefetch(reinterpret_cast<const char*>(&handle) + 64, 1);
            break;
    }
}

void Loop::prefetch_handle_deep(const Handle& handle) noexcept {
    switch (handle.kind_) {
        case Handle::Kind::Step:
            static_cast<const TaskBase*>(handle.owner_)->prefetch_step();
            break;
        case Handle::Kind::Embedded:
            // Embedded timers belong to futures (EmbeddedHandle's constructor).
            static_cast<const FutureBase*>(handle.owner_)->prefetch_callbacks();
            break;
        case Handle::Kind::Done:
        case Handle::Kind::Callback:
            break;
    }
}

// Inlined into run_todo: one call less per handle on the task-switch path.
inline void Loop::run_handle(Handle& handle) {
    if (listener_) [[unlikely]]
        emit({trace::EventKind::HandleRun, {}, 0, 0, handle.id_,
              static_cast<int64_t>(handle.task_id()), 0, {}});
    try {
        switch (handle.kind_) {
            case Handle::Kind::Step:
                static_cast<TaskBase*>(const_cast<RefCounted*>(handle.owner_))->run_pending_step();
                break;
            case Handle::Kind::Callback: {
                // Move the callback out: it is dropped once run, as in asyncio.
                Handle::Fn fn = std::move(static_cast<CallbackHandle&>(handle).fn_);
                fn();
                break;
            }
            case Handle::Kind::Done:
                static_cast<DoneHandle&>(handle).run();
                break;
            case Handle::Kind::Embedded:
                static_cast<EmbeddedHandle&>(handle).run_(*handle.owner_);
                break;
        }
    } catch (const FatalError&) {
        throw;
    } catch (...) {
        call_exception_handler({"Exception in callback", std::current_exception(), nullptr,
                                &handle});
    }
}

void Loop::run_todo() {
    try {
        while (todo_ > 0) {
            if (prefetch_ && todo_ > 3 * kPrefetchAhead) [[unlikely]] {
                __builtin_prefetch(ready_[3 * kPrefetchAhead].get(), 1);
                prefetch_handle(*ready_[2 * kPrefetchAhead]);
                prefetch_handle_deep(*ready_[kPrefetchAhead]);
            }
            --todo_;
            HandleRef handle = ready_.pop_front();
            if (handle->cancelled_) continue;
            run_handle(*handle);
            ++ran_;
            if (interrupted_) [[unlikely]]
                return;
        }
    } catch (...) {
        // An exception leaving the loop ends the iteration; the handles not
        // run stay in the ready queue, as in asyncio.
        todo_ = 0;
        in_iteration_ = false;
        throw;
    }
    end_iteration();
}

void Loop::end_iteration() {
    in_iteration_ = false;
    if (listener_) [[unlikely]]
        emit({trace::EventKind::IterationEnd, {}, 0, 0, iteration_, static_cast<int64_t>(ran_),
              0, {}});
}

void Loop::suspend_step(TaskBase& task) {
    suspended_task_ = Ref<TaskBase>(&task);
    interrupted_ = true;
}

void Loop::continue_iteration() {
    if (!in_iteration_) return;
    interrupted_ = false;
    if (suspended_task_) {
        Ref<TaskBase> task = std::move(suspended_task_);
        try {
            task->continue_step();
        } catch (const FatalError&) {
            todo_ = 0;
            in_iteration_ = false;
            throw;
        } catch (...) {
            call_exception_handler({"Exception in callback", std::current_exception(), nullptr,
                                    &task->step_handle_});
        }
        if (interrupted_) return;
    }
    run_todo();
}

void Loop::enter_run() {
    if (closed_) throw RuntimeError("Event loop is closed");
    if (running_) throw RuntimeError("This event loop is already running");
    running_ = true;
}

void Loop::run_forever() {
    enter_run();
    struct Reset {
        Loop& loop;
        ~Reset() { loop.exit_run(); }
    } reset{*this};
    // Two calls of run_once, not one: Binaryen (emcc's wasm-opt) inlines a
    // function called from one place whatever its size, and would put the
    // iterations inside this one long call (see run_once in loop.hpp).
    run_once();
    while (!stopping_ && !stalled_) run_once();
}

void Loop::run_until_complete(FutureBase& future) {
    Ref<FutureBase> keep(&future);
    if (!future.done()) {
        // asyncio's _run_until_complete_cb: stop once the future is done.
        future.add_done_callback([](FutureBase& f) { f.loop().stop(); }, this);
        try {
            run_forever();
        } catch (...) {
            future.remove_done_callback(this);
            throw;
        }
        future.remove_done_callback(this);
    }
    if (!future.done()) {
        if (stalled_)
            throw RuntimeError(
                "Event loop stopped before Future completed: nothing is left that could "
                "complete it (every task waits for something that cannot happen)");
        throw RuntimeError("Event loop stopped before Future completed.");
    }
}

void Loop::close() {
    if (running_) throw RuntimeError("Cannot close a running event loop");
    closed_ = true;
    ready_.clear();
    while (!timers_.empty()) timers_.pop();
}

void Loop::call_exception_handler(const ErrorContext& context) {
    if (handler_) {
        try {
            handler_(*this, context);
            return;
        } catch (const FatalError&) {
            throw;
        } catch (...) {
            // asyncio: an error in the handler goes to the default handler.
        }
    }
    ErrorContext kept = context;
    kept.future = nullptr;
    kept.handle = nullptr;
    errors_.push_back(std::move(kept));
}

void Loop::enter_task_conflict(TaskBase& task) {
    throw RuntimeError("Cannot enter into task " + task.name() + " while another task " +
                           current_->name() + " is being executed.");
}

void Loop::link_task(TaskBase& task) noexcept {
    task.prev_task_ = tasks_tail_;
    task.next_task_ = nullptr;
    if (tasks_tail_) tasks_tail_->next_task_ = &task;
    else tasks_head_ = &task;
    tasks_tail_ = &task;
}

void Loop::unlink_task(TaskBase& task) noexcept {
    if (task.prev_task_) task.prev_task_->next_task_ = task.next_task_;
    else if (tasks_head_ == &task) tasks_head_ = task.next_task_;
    if (task.next_task_) task.next_task_->prev_task_ = task.prev_task_;
    else if (tasks_tail_ == &task) tasks_tail_ = task.prev_task_;
    task.prev_task_ = task.next_task_ = nullptr;
}

std::vector<TaskBase*> Loop::all_tasks() const {
    std::vector<TaskBase*> tasks;
    for (TaskBase* t = tasks_head_; t; t = t->next_task_)
        if (!t->done()) tasks.push_back(t);
    return tasks;
}

}  // namespace corio
