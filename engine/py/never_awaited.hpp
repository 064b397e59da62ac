// never_awaited.hpp — CPython's "RuntimeWarning: coroutine 'f' was never
// awaited", printed when a coroutine that never started goes away:
//
//   /path/prog.py:5: RuntimeWarning: coroutine 'f' was never awaited
//     f()
//   RuntimeWarning: Enable tracemalloc to get the object allocation traceback
//
// CPython prints it when reference counting frees the coroutine, at the
// Python frame running then (warnings.warn with the freeing frame as the
// location): the file is that frame's code's filename (the program's path,
// absolute, as in tracebacks), the line its current line, then that line
// stripped, then the tracemalloc hint. The name is the coroutine's
// __qualname__ ('C.meth', 'main.<locals>.inner'). The "default" warnings
// action shows each (text, category, line) once per module: the registry is
// the frame's globals' __warningregistry__ ({'version': 0, (text,
// RuntimeWarning, line): True}), so a loop dropping coroutines on one line
// warns once. At shutdown there is no frame: "sys:1: RuntimeWarning: ..."
// alone (no source line, no hint), once per name (sys's registry).
//
// corio traces instead of counting references, so it fixes the points where
// it knows a coroutine is gone:
//   1. An expression statement (`f()`, `asyncio.sleep(1)`, `obj.meth()`)
//      drops its value with POP_TOP_EXPR (the compiler's marker; plain
//      POP_TOP stays as cheap as before): a coroutine never started is
//      reported there and then, exactly as CPython does. Statements that
//      only read a variable, attribute or item (`c`, `self.c`, `d[k]`) keep
//      POP_TOP: the value is still referenced, and CPython says nothing.
//   2. Any other coroutine never started (kept in a list that is dropped, a
//      variable rebound) is reported when the collector frees it, at the
//      frame running when that collection happens, or at the latest when
//      the program ends (Session), as CPython's shutdown reports: "sys:1".
// Differences from CPython: in case 2 CPython reports at once, at the
// statement that dropped the last reference (`del l`); corio reports later,
// at another line or at exit. Case 1 assumes the statement held the only
// reference: a call that returns a coroutine it also stored elsewhere is
// reported by corio and not by CPython. Warnings go to the interpreter's
// stderr writer, not to a replaced sys.stderr, and no `warnings` filters
// apply (corio has no warnings module): the "default" action always.
// Starting a coroutine (await, send, throw, a task) or closing it first
// prevents the warning, as in CPython.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "py/heap.hpp"
#include "py/value.hpp"

namespace corio::py {

class Interp;
class Generator;
struct Frame;

// Prints the warning for an awaitable named `qualname` (CPython's text:
// "coroutine 'QUALNAME' was never awaited") at the running Python frame, or
// as "sys:1" when no Python code runs; once per location. Safe anywhere,
// also in a destructor the collector runs (the report then waits for the
// end of the collection). Does nothing once the Vm is gone. For native
// awaitables that stand for coroutines (asyncio's Queue.get: 'Queue.get').
void warn_never_awaited(Interp& interp, std::string_view qualname);

// Watches a new coroutine weakly: if the collector frees it while it was
// never started (nor reported), warn_never_awaited reports it.
void watch_coroutine(Interp& interp, Generator* coro);
// The coroutine is about to start (awaited, or wrapped in a task, which
// either starts it or keeps it alive to the end): it need not be watched.
// Forgets it if it is the newest watched (`create_task(f())`, `await f()`),
// so the list stays short; others are dropped when the list is compacted.
void forget_watched_coroutine(Interp& interp, Generator* coro) noexcept;

// A native awaitable type standing for coroutines (asyncio's Queue.get):
// `take` gives the qualname of an instance never started nor reported, and
// marks it reported; else empty. An expression statement dropping one
// reports it as it reports a coroutine (the type's am_send slot is set).
using TakeUnawaited = std::string_view (*)(Object* obj);
void report_dropped_instances(Interp& interp, Type* type, TakeUnawaited take);

// POP_TOP_EXPR dropped `value` (a coroutine, or an instance of a type given
// to report_dropped_instances) in `frame`, whose ip is saved: reports it
// now if it never started.
void expression_value_dropped(Interp& interp, Frame* frame, Value value);

// The program ended (Session): reports every coroutine still alive and never
// started (a walk of the heap, in creation order), as CPython reports the
// ones it frees at shutdown.
void report_never_awaited_at_exit(Interp& interp);

// The watcher's state, one per interpreter (owned by the Vm).
class NeverAwaited final : public SweepObserver {
public:
    explicit NeverAwaited(Interp& interp);

    void before_sweep() override;
    void after_collection() noexcept override;

private:
    friend void warn_never_awaited(Interp&, std::string_view);
    friend void watch_coroutine(Interp&, Generator*);
    friend void forget_watched_coroutine(Interp&, Generator*) noexcept;
    friend void report_never_awaited_at_exit(Interp&);
    friend void report_dropped_instances(Interp&, Type*, TakeUnawaited);
    friend void expression_value_dropped(Interp&, Frame*, Value);

    // Drops the watched coroutines that started, before the list grows.
    void compact();

    Interp& interp_;
    std::vector<Generator*> watched_;   // in creation order
    std::vector<std::string> pending_;  // freed by this collection: reported when it ends
    std::vector<std::pair<Type*, TakeUnawaited>> native_types_;
    bool collecting_ = false;
};

}  // namespace corio::py
