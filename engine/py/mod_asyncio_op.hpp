// mod_asyncio_op.hpp — the coroutine objects of asyncio's engine-backed
// primitives. `queue.get()`, `event.wait()`, `lock.acquire()` ... return an
// OpCoroutine: a native object that drives the engine's blocking operation
// (core/blocking_op.hpp) exactly where CPython runs the method's coroutine:
//
//   * nothing happens until it is awaited (or run as a task), as with a
//     coroutine; it can be awaited once;
//   * the first send runs begin(): the fast path completes at once (`await`
//     does not suspend), else the waiter future is registered;
//   * while a Wait is pending it yields itself; the task that awaits it
//     (PyTask::step_result) blocks on the engine future inside, as on
//     `await fut`; resumed, it runs finish(), or finish(exc) for a throw;
//   * the result comes back without a StopIteration (TypeSlots::am_send);
//   * a Wait may be a bare yield instead (sleep(0)): it yields None.
//
// Python sees a `coroutine` named after the method (`Queue.get`), which
// never runs Python code: it cannot suspend the VM, and a task may run it
// directly (create_task(queue.get())).
#pragma once

#include <exception>
#include <utility>

#include "core/blocking_op.hpp"
#include "py/mod_asyncio_state.hpp"

namespace corio::py {

class OpCoroutine : public Object {
public:
    enum class State : uint8_t { Created, Waiting, Done };

    // `owner` is the primitive (kept alive while the operation is); `arg` a
    // value the operation holds (the item of put), traced for it.
    OpCoroutine(Type* type, AsyncioState* module_state, Value primitive, Value held, const char* name) noexcept
        : Object(type), st(module_state), owner(primitive), arg(held), qualname(name) {
        st->retain();
    }
    // Never started: CPython's "coroutine 'Queue.get' was never awaited"
    // (reported by an expression statement already, or now).
    ~OpCoroutine() override;
    void trace(Tracer& tracer) override;

    // The engine future the operation waits on; null unless it waits.
    corio::FutureBase* waiting() const noexcept { return state == State::Waiting ? waiting_on : nullptr; }

    virtual corio::Wait begin() = 0;
    virtual corio::Wait finish(std::exception_ptr error) = 0;
    virtual Value result(Interp& interp) = 0;

    AsyncioState* st;
    Value owner;
    Value arg;
    corio::FutureBase* waiting_on = nullptr;
    const char* qualname;
    State state = State::Created;
    bool unawaited_reported = false;
};

// The operation Op (one of the engine's *Op classes); Result turns its
// result into a Python value: Value(Interp&, Op&).
template <class Op, class Result>
class OpCoroutineOf final : public OpCoroutine {
public:
    OpCoroutineOf(Type* type, AsyncioState* module_state, Value primitive, Value held, const char* name, Op op,
                  Result to_value)
        : OpCoroutine(type, module_state, primitive, held, name), op_(std::move(op)), result_(std::move(to_value)) {}
    corio::Wait begin() override { return op_.begin(); }
    corio::Wait finish(std::exception_ptr error) override { return op_.finish(std::move(error)); }
    Value result(Interp& interp) override { return result_(interp, op_); }

private:
    Op op_;
    [[no_unique_address]] Result result_;  // most are captureless lambdas
};

// The `coroutine` type of operations; made once per module.
Type* make_op_coroutine_type(Interp& interp);

template <class Op, class Result>
Value make_op_coroutine(AsyncioState* st, Type* type, Value owner, Value arg, const char* qualname, Op op,
                        Result result) {
    return st->interp.heap.make<OpCoroutineOf<Op, Result>>(type, st, owner, arg, qualname, std::move(op),
                                                           std::move(result));
}

// The operation if v is one, else null.
OpCoroutine* as_op_coroutine(Value v) noexcept;

}  // namespace corio::py
