// vm.hpp — the virtual machine: its state (the frame chain, the handled
// exceptions, the depth counters, its types) and the dispatch loop.
//
// The dispatch loop (vm.cpp, run_frame) is the one big function. It runs a
// chain of heap frames: a Python-to-Python call pushes a frame and carries
// on in the same loop, a return pops it; so does a generator or coroutine
// awaited or delegated to with `yield from` (linked as a delegate of the
// awaiting frame). The loop returns — with a marker: returned, yielded or
// raised — only when the frame it was entered with ends or suspends. C++
// code calling Python (a builtin calling a key function, a type calling
// __init__) runs a nested loop; those are counted and limited separately
// (kMaxNativeDepth) so the C++ stack never overflows.
//
// Garbage collection happens only at the loop's safe points (backward
// jumps and calls) when no C++ code holding unrooted values is on the
// stack: `nogc` counts such code (the nested loops entered from C++). The
// Vm is an ExternalRoot: it traces the frame chain and the handled
// exceptions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "py/frame.hpp"
#include "py/interp.hpp"
#include "py/object.hpp"
#include "py/type.hpp"

namespace corio::py {

class Generator;
class NeverAwaited;
class Function;
class Tuple;

// Nested dispatch loops (C++ calling Python calling C++ ...) beyond this
// raise RecursionError: it bounds the C++ stack, natively and in wasm.
inline constexpr int kMaxNativeDepth = 400;

// The VM's own types (the runtime's are in Interp::types).
struct VmTypes {
    Type* code = nullptr;
    Type* function = nullptr;
    Type* generator = nullptr;
    Type* coroutine = nullptr;
    Type* async_generator = nullptr;
    Type* coroutine_wrapper = nullptr;       // what coroutine.__await__() returns
    Type* async_generator_asend = nullptr;   // __anext__() / asend() awaitables
    Type* async_generator_athrow = nullptr;  // athrow() / aclose() awaitables
    Type* async_generator_wrapped_value = nullptr;
    Type* traceback = nullptr;
    Type* frame = nullptr;
};

// One level of the handled-exception stack (sys.exc_info()): the thread's
// base level, and one per running generator (CPython's _PyErr_StackItem).
struct ExcState {
    Value value;  // the exception being handled, or null
    ExcState* previous = nullptr;
};

// How a run of the dispatch loop ended. Suspended: stopped part-way with
// every frame still linked (see Suspension below); only a loop entered at
// the Vm's suspend_depth ends so.
enum class Exit : uint8_t { Returned, Yielded, Raised, Suspended };

// Suspension: a run driven in slices (session.hpp) lets the dispatch loop
// stop between two instructions and hand control back to its embedder,
// which later continues it exactly there — no Python code sees it. Only the
// loop the embedder entered itself can stop so (native_depth ==
// suspend_depth): a loop nested under C++ code cannot unwind that code.
//   Preempted: the step budget ran out and the embedder wants control
//              back (the browser must see its events; stop must work);
//   Blocked:   time.sleep(block_ns) — the embedder lets the time pass;
//   RunLoop:   loop.run_until_complete(future) — the embedder runs the
//              event loop until `future` is done, then continues.
enum class SuspendKind : uint8_t { None, Preempted, Blocked, RunLoop };
struct SuspendRequest {
    SuspendKind kind = SuspendKind::None;
    int64_t block_ns = 0;
    Value future;  // RunLoop: the future (rooted by the Vm)
};

// Safe points (backward jumps, calls) between two checks of should_yield.
inline constexpr int64_t kSafePointsPerCheck = 4096;
struct RunResult {
    Exit exit;
    Value value;  // the return value, the yielded value or the exception
};

class Vm final : public ExternalRoot {
public:
    explicit Vm(Interp& interp);  // installs itself as interp.vm
    ~Vm() override;
    void trace(Tracer& tracer) override;

    Interp& interp;
    VmTypes types;
    Frame* current = nullptr;  // the running frame; its `back` chain is every live frame
    int depth = 0;             // Python frames on the chain
    int native_depth = 0;      // dispatch loops on the C++ stack
    int nogc = 0;              // >0: no collection (C++ holds unrooted values)
    ExcState base_exc;
    ExcState* exc_info = &base_exc;
    // Source texts by file name, for tracebacks (traceback.hpp).
    std::unordered_map<std::string, std::string> sources;
    // Suspension (see SuspendKind). `direct_callee` is the builtin the
    // dispatch loop is calling right now: a builtin may ask to suspend only
    // when called by the loop itself, not through other C++ code.
    int suspend_depth = -1;
    // The native depth at which a session runs the event loop itself: task
    // steps started there may suspend (not callbacks, not nested loops).
    int task_step_depth = -1;
    SuspendRequest suspend;
    // Raised where a suspended task step goes on (a session's interrupt).
    Value suspend_throw;
    const void* direct_callee = nullptr;
    int64_t budget = kSafePointsPerCheck;
    int64_t budget_refill = kSafePointsPerCheck;
    // Asked when the budget runs out, at a point where the loop may stop:
    // true preempts. Null: never.
    bool (*should_yield)(void* context) = nullptr;
    void* yield_context = nullptr;
    // True if the builtin `fn`, running now, may suspend its caller.
    bool may_suspend(const void* fn) const noexcept {
        return native_depth == suspend_depth && direct_callee == fn;
    }
    // Where `import NAME` finds NAME.py (the main script's folder), or empty.
    std::string module_dir;
    // super's __new__ before the VM wrapped it (the zero-argument form).
    NewFn super_new = nullptr;
    // The runtime's next(), dir() and vars(), which the VM's versions fall back on.
    Value builtin_next;
    Value builtin_dir;
    Value builtin_vars;
    // The awaitable an await_now hook gives (BuiltinFunction::await_now) for
    // "yield once, then the await's value is None": `await asyncio.sleep(0)`
    // (set by the asyncio module; null until then).
    Value yield_once;
    // Coroutines not started yet, for "never awaited" (never_awaited.hpp).
    std::unique_ptr<NeverAwaited> never_awaited;

    // The exception being handled (topmost non-empty level), or null.
    Value handled_exception() const noexcept;
};

inline Vm& vm_of(Interp& interp) noexcept { return *static_cast<Vm*>(interp.vm); }

// The dispatch loop. Runs from frame `start`, whose `back` chain up to
// `entry` is linked, until `entry` returns, yields or raises. With
// `throw_exc`, first raises it in `start` at its current instruction.
// Precondition: entry is linked into the chain (enter_frame).
RunResult run_frame(Vm& vm, Frame* entry, Frame* start, Value throw_exc);

// Links a frame as the new top of the chain (checks the recursion limit:
// RecursionError thrown as PyException), and unlinks it.
void enter_frame(Vm& vm, Frame* frame);
void leave_frame(Vm& vm, Frame* frame) noexcept;

// Calls a Python function from C++: a nested dispatch loop. Throws
// PyException if the call raises. (The function type's call slot.)
Value call_function(Interp& interp, Function* fn, const Value* args, std::size_t nargs,
                    Tuple* kwnames);

// Runs module-level code: globals is also the locals mapping. Throws
// PyException on an uncaught exception.
Value run_module_code(Interp& interp, Code* code, Dict* globals);

// A C++ scope that holds Values only in rooted places (ExternalRoots,
// frames): collections may happen in Python code it calls (asyncio's
// run loop stepping coroutines). Undoes the nested-call guard below it.
class AllowCollection {
public:
    explicit AllowCollection(Interp& interp) noexcept;
    ~AllowCollection();
    AllowCollection(const AllowCollection&) = delete;
    AllowCollection& operator=(const AllowCollection&) = delete;

private:
    Vm* vm_;
    int saved_;
};

// Sets exc.__context__ to the exception being handled, as raising does
// (breaking cycles like CPython's _PyErr_SetObject).
void set_exception_context(Vm& vm, Value exc);
// A new RecursionError ("maximum recursion depth exceeded" + detail).
Value recursion_error(Interp& interp, const char* detail);

}  // namespace corio::py
