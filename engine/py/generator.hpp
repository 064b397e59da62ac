// generator.hpp — generators, coroutines and async generators: objects that
// own a suspended frame (STYLE.md 7: suspension is a return from the
// dispatch loop). Resuming re-enters the loop on the frame; the loop returns
// when the frame yields, returns or raises. States are an explicit enum,
// guarded against re-entry ("generator already executing").
//
// `yield from` and `await` of a generator or coroutine do not resume it
// through C++: the dispatch loop links its frame above the awaiting frame as
// a delegate and runs it in the same loop, so an await chain of any depth
// costs no C++ stack; when the innermost frame yields, the value passes up
// the chain (each awaiting frame yields it in turn) and the loop returns.
//
// Python-visible protocol: send/throw/close/__next__/__iter__ (generators),
// send/throw/close/__await__ (coroutines; __await__ gives a
// coroutine_wrapper), __aiter__/__anext__/asend/athrow/aclose (async
// generators; the awaitables are AsyncGenAwaitable objects).
//
// The engine's step protocol is coroutine_step: one step of a coroutine run
// as an asyncio task.
//
// A coroutine dropped before it started is reported as CPython reports it
// ("coroutine 'f' was never awaited"): every coroutine is watched from its
// creation (never_awaited.hpp says where and when the warning appears).
#pragma once

#include <cstdint>
#include <exception>

#include "core/task_base.hpp"
#include "py/frame.hpp"
#include "py/interp.hpp"
#include "py/object.hpp"
#include "py/vm.hpp"

namespace corio::py {

enum class GenKind : uint8_t { Generator, Coroutine, AsyncGenerator };
enum class GenState : uint8_t { Created, Suspended, Running, Closed };

class Generator : public Object {
public:
    Generator(Type* type, Frame* f, GenKind k) noexcept;
    ~Generator() override;
    void trace(Tracer& tracer) override;

    Frame* frame;  // null once finished
    GenKind kind;
    GenState state = GenState::Created;
    bool awaited = false;          // a coroutine: already awaited by someone
    bool async_running = false;    // an async generator: an asend/athrow is in progress
    bool hooks_called = false;
    bool unawaited_reported = false;  // "never awaited" was printed (never_awaited.hpp)
    Str* name;
    Str* qualname;
    ExcState exc_state;            // the handled exception inside the frame
};

// What a resumption produced.
RunResult gen_resume(Interp& interp, Generator* gen, Value send, Value throw_exc);
// gen.send(v) / gen.throw(exc) as Python sees them: the yielded value, or
// PyException (StopIteration(value) when it returns, or what it raised).
Value gen_send(Interp& interp, Generator* gen, Value v);
Value gen_throw(Interp& interp, Generator* gen, Value exc);
void gen_close(Interp& interp, Generator* gen);
// What `yield from` / `await` in the frame is delegating to, or null.
Value gen_yield_from(Generator* gen) noexcept;

bool is_generator(Interp& interp, Value v) noexcept;  // any of the three kinds
Generator* as_generator(Interp& interp, Value v) noexcept;

// A generator, coroutine or async generator for a frame whose arguments are bound.
Generator* make_generator(Interp& interp, Frame* frame);

// ---------------------------------------------------------- engine step

// One step of a coroutine run as a task: sends None into it, or throws
// `throw_in` (an exception instance). kind:
//   Blocked  — it yielded `value`, not None (a future-like object: the
//              asyncio layer decides whether it can wait on it);
//   Yielded  — a bare yield (value None): run again next iteration;
//   Returned — finished with `value`;
//   Raised   — finished with the exception `value`.
// Collections may happen while it runs: the caller keeps its Values rooted.
struct CoroutineStep {
    StepResult::Kind kind;
    Value value;
};
//   Suspended — stopped part-way (Exit::Suspended, vm.hpp): its frames
//              stay linked; coroutine_continue goes on with the step.
CoroutineStep coroutine_step(Interp& interp, Value coro, Value throw_in);
// Goes on with a step that ended Suspended, from where it stopped, or
// raises `throw_in` there if given.
CoroutineStep coroutine_continue(Interp& interp, Value coro, Value throw_in);

// The same, as the engine's StepResult: `as_future` maps a yielded object
// to the engine future it stands for (null: BadYield, with a Python
// RuntimeError "Task got bad yield: ..." in `error` for the next step to
// throw in); a raised exception goes to `error` as a PyException.
// `returned` receives the return value.
StepResult coroutine_step(Interp& interp, Value coro, std::exception_ptr throw_in,
                          FutureBase* (*as_future)(Interp&, Value), Value& returned,
                          std::exception_ptr& error);

void init_generator_types(Interp& interp, VmTypes& types);

}  // namespace corio::py
