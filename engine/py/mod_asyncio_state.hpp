// mod_asyncio_state.hpp — what the parts of the `asyncio` module share: the
// module state (its loops, its live futures, the Python classes it raises)
// and the mapping between Python exceptions and the engine's C++ errors.
// mod_asyncio.cpp defines it; mod_asyncio_op.cpp and mod_asyncio_sync.cpp
// (the engine-backed Event, Lock and Queue) use it.
#pragma once

#include <cstdint>
#include <exception>
#include <initializer_list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/loop.hpp"
#include "core/virtual_host.hpp"
#include "py/dict.hpp"
#include "py/heap.hpp"
#include "py/interp.hpp"
#include "py/type.hpp"

namespace corio::py {

// The Python types of the engine-backed primitives (mod_asyncio_sync.cpp).
struct AsyncioSyncTypes {
    Type* op = nullptr;  // the `coroutine` of operations (mod_asyncio_op.hpp)
    Type* lock = nullptr;
    Type* event = nullptr;
    Type* semaphore = nullptr;
    Type* bounded_semaphore = nullptr;
    Type* condition = nullptr;
    Type* barrier = nullptr;
    Type* queue = nullptr;
    Type* priority_queue = nullptr;
    Type* lifo_queue = nullptr;
};

struct PyFutData;

class AsyncioState final : public ExternalRoot {
public:
    explicit AsyncioState(Interp& i) : ExternalRoot(i.heap), interp(i) {
        // The embedder (the CLI, the browser worker) gives the host; without
        // one, the deterministic virtual clock (engine/py knows no platform).
        if (!i.host) own_host = std::make_unique<corio::VirtualHost>();
    }
    void trace(Tracer& tracer) override;
    // The engine's references between futures and tasks go first, then the
    // loops (their queues and task lists point into tasks): the heap frees
    // its objects in no particular order.
    void before_teardown() noexcept override;

    corio::Host& host() { return interp.host ? *interp.host : *own_host; }
    corio::Loop& loop() {
        if (loops.empty()) new_loop();
        return *loops.back();
    }
    corio::Loop& new_loop() {
        loops.push_back(std::make_unique<corio::Loop>(host()));
        corio::Loop& lp = *loops.back();
        lp.share_task_counter(task_counter);
        lp.set_exception_handler([this](corio::Loop&, const corio::ErrorContext& c) { report(c); });
        lp.set_listener(interp.trace_listener);
        return lp;
    }
    void report(const corio::ErrorContext& c);
    Value to_py(const std::exception_ptr& e);
    // `keep` holds exc while the engine carries it (an exception_ptr is
    // invisible to the collector).
    std::exception_ptr to_engine(Value exc, Value& keep);
    Type* cls(const char* name) {
        Value v = module_dict->get_str(interp, name);
        return v && v.is_object() ? static_cast<Type*>(v.as_object()) : interp.exc.RuntimeError;
    }
    void retain() noexcept { ++users; }
    void release() noexcept {
        if (--users == 0) delete this;
    }

    Interp& interp;
    std::unique_ptr<corio::Host> own_host;
    uint64_t task_counter = 0;
    std::vector<std::unique_ptr<corio::Loop>> loops;  // closed ones stay (futures point at them)
    // Every live PyFuture, and every live PyTask (intrusive lists).
    PyFutData* live_futures = nullptr;
    PyFutData* live_tasks = nullptr;
    // Where a task's step leaves the exception it raised (StepResult::error):
    // the engine moves it out before any other step runs.
    std::exception_ptr step_error;
    // The exception thrown into the operation sending now (mod_asyncio_op.cpp),
    // while the engine carries it.
    Value op_thrown;
    // The handle objects of call_soon/call_later/call_at not yet run nor
    // cancelled (each holds its (fn, args)), kept while the loop holds them.
    std::unordered_map<uint64_t, Value> calls;
    uint64_t next_call = 0;
    Dict* module_dict = nullptr;
    Value repr_hook;  // the prelude's repr for futures and tasks
    Type* future_type = nullptr;
    Type* task_type = nullptr;
    Type* handle_type = nullptr;        // asyncio.Handle (call_soon)
    Type* timer_handle_type = nullptr;  // asyncio.TimerHandle (call_later, call_at)
    AsyncioSyncTypes sync_types;
    int users = 1;  // the module holder + every live future
};

class BuiltinFunction;
struct CallArgs;

// A function of the module, made with the state as its data.
struct AsyncioFn {
    const char* name;
    Value (*fn)(Interp& interp, const CallArgs& args);
};
void add_functions(Interp& interp, AsyncioState* st, Dict* module_dict, std::initializer_list<AsyncioFn> fns);

// The state of the module a native function belongs to (its data).
AsyncioState* state_of(const CallArgs& a);
// v as an engine future (a PyFuture or PyTask), else TypeError.
corio::FutureBase* fut_arg(Interp& interp, Value v);

// The parts of the module made elsewhere, added by make_asyncio_module:
// the loop's functions and TimerHandle (mod_asyncio_loop.cpp); Lock, Event,
// Semaphore, BoundedSemaphore, Condition, Barrier, Queue, PriorityQueue and
// LifoQueue (mod_asyncio_sync.cpp; `state_holder` finds the state from a
// type, its _state_holder); asyncio.sleep (mod_asyncio_sleep.cpp).
void add_loop_functions(Interp& interp, AsyncioState* st, Dict* module_dict);
void add_sync_primitives(Interp& interp, AsyncioState* st, Dict* module_dict, BuiltinFunction* state_holder);
void add_sleep(Interp& interp, AsyncioState* st, Dict* module_dict);

}  // namespace corio::py
