// event.hpp — the trace events: every scheduling fact the engine reports.
// The engine fills them in; the page animates them and the CLI writes them as
// a Chrome trace. This header only defines the data and the listener
// interface; it decides nothing about scheduling.
#pragma once

#include <cstdint>
#include <string_view>

namespace corio::trace {

// One table of event kinds: the enum and the names come from it.
#define CORIO_TRACE_EVENT_KINDS(X)                                             \
    X(IterationBegin)  /* a loop iteration starts; a = ready count         */ \
    X(IterationEnd)    /* a = number of handles run                        */ \
    X(HandleScheduled) /* id = handle, a = task id or 0                    */ \
    X(HandleRun)       /* id = handle, a = task id or 0                    */ \
    X(TimerArmed)      /* id = timer handle, a = deadline (ns), b = task   */ \
    X(TimerCancelled)  /* id = timer handle                                */ \
    X(TimerFired)      /* id = timer handle (moved to the ready queue)     */ \
    X(TaskCreated)     /* id = task, text = name                           */ \
    X(TaskStepBegin)   /* id = task                                        */ \
    X(TaskStepEnd)     /* id = task, wait = on what, a = awaited id/deadline */ \
    X(TaskDone)        /* id = task, finished with a result                */ \
    X(TaskCancelled)   /* id = task                                        */ \
    X(TaskFailed)      /* id = task, text = exception summary              */ \
    X(Output)          /* id = task writing (0: none), a = 1 stdout 2 stderr, text */ \
    X(LineReached)     /* id = task, a = line                              */

enum class EventKind : uint8_t {
#define X(name) name,
    CORIO_TRACE_EVENT_KINDS(X)
#undef X
};

// What a suspended task waits for (TaskStepEnd.wait); futures carry one.
#define CORIO_TRACE_WAIT_KINDS(X) \
    X(Nothing) X(Yield) X(Timer) X(Future) X(Task) X(Gather) X(Queue) X(Lock) \
    X(Event) X(Condition) X(Semaphore) X(Barrier) X(Fetch) X(Timeout)

enum class WaitKind : uint8_t {
#define X(name) name,
    CORIO_TRACE_WAIT_KINDS(X)
#undef X
};

const char* event_kind_name(EventKind kind) noexcept;
const char* wait_kind_name(WaitKind kind) noexcept;

struct Event {
    EventKind kind;
    WaitKind wait = WaitKind::Nothing;
    uint64_t seq = 0;      // set by the loop: strictly increasing
    int64_t time_ns = 0;   // loop time when it happened
    uint64_t id = 0;       // the task, handle or timer it is about
    int64_t a = 0;         // kind-specific (see the table above)
    int64_t b = 0;
    std::string_view text; // valid only during the listener call
};

// Receives events synchronously. Attach one to a Loop; with none attached,
// tracing costs one predictable branch per fact.
class Listener {
public:
    virtual ~Listener() = default;
    virtual void on_event(const Event& event) = 0;
};

}  // namespace corio::trace
