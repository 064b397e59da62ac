// mod_asyncio_sleep.cpp — asyncio.sleep, served by the engine (core/sleep.hpp):
// a native coroutine (mod_asyncio_op.hpp) named 'sleep'. sleep(0) (any delay
// <= 0) is one bare yield, as CPython's __sleep0; a positive delay waits on
// the engine's SleepFuture, whose timer CPython's call_later would be, and
// cancels the timer however the wait ends (CPython's `finally:
// h.cancel()`). Both return `result`. `await asyncio.sleep(0)` makes no
// coroutine at all: the VM fuses the call with its await (sleep_await_now)
// and yields from the awaiting frame itself.
#include "core/sleep.hpp"
#include "py/builtin_function.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/int.hpp"
#include "py/mod_asyncio_op.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/type.hpp"
#include "py/vm.hpp"

namespace corio::py {

namespace {

struct SleepOp {
    AsyncioState* st;  // the loop is the one running when the sleep starts
    double delay_s;  // <= 0: a bare yield
    Value result;    // held by the coroutine's traced `arg` as well
    Ref<corio::SleepFuture> future;
    bool yielded = false;

    corio::Wait begin() {
        if (delay_s <= 0) {
            yielded = true;
            return {nullptr, true};
        }
        corio::Loop& loop = st->loop();
        corio::TaskBase* task = loop.current_task();
        future = corio::start_sleep(loop, delay_s, task ? task->id() : 0);
        return {future.get()};
    }
    corio::Wait finish(std::exception_ptr error) {
        if (future) future->cancel_timer();
        if (error) std::rethrow_exception(error);
        return {};
    }
};

Value sleep_result(Interp&, SleepOp& op) { return op.result; }

Value mod_sleep(Interp& interp, const CallArgs& a) {
    auto* st = static_cast<AsyncioState*>(const_cast<void*>(a.fn->data));
    Value out[2];
    parse_args(interp, a, {"sleep", {"delay", "result"}, 1, 2}, out);
    Value result = out[1] ? out[1] : interp.none;
    // `if delay <= 0` first, as CPython compares before anything else.
    const bool now = truthy(interp, compare(interp, out[0], make_int(interp, 0), CompareOp::Le));
    const double delay = now ? 0 : to_double(interp, out[0]);
    return make_op_coroutine(st, st->sync_types.op, Value(), result, "sleep",
                             SleepOp{st, delay, result, {}, false}, sleep_result);
}

// `await asyncio.sleep(0)` (BuiltinFunction::await_now): with a delay <= 0
// given as a plain int or float and no result, the VM yields None from the
// awaiting frame itself (Vm::yield_once) instead of calling sleep and
// awaiting its coroutine; anything else takes the full call.
bool sleep_await_now(Interp& interp, const CallArgs& a, Value& out) {
    if (a.nargs != 1 || a.kwnames) return false;
    Value delay = a[0];
    bool now;
    if (delay.is_small_int()) now = delay.as_small_int() <= 0;
    else if (delay.is_object() && delay.as_object()->type() == interp.types.float_) now = float_value(delay) <= 0;
    else return false;
    if (!now) return false;
    out = vm_of(interp).yield_once;
    return static_cast<bool>(out);
}

// The awaitable a fused `await asyncio.sleep(0)` leaves on the frame's
// stack while it is suspended (Vm::yield_once): resumed, SEND asks it once
// and it is done with None (sleep's result); a throw is raised back, as at
// __sleep0's bare yield. Stateless: one per interpreter.
class YieldOnce final : public Object {
public:
    using Object::Object;
};

bool yield_once_send(Interp& interp, Value, Value, Value throw_exc, Value& out) {
    if (throw_exc) throw PyException{throw_exc};
    out = interp.none;
    return false;
}

Value yield_once_repr(Interp& interp, Value) { return make_str(interp, "<coroutine object sleep>"); }

Value make_yield_once(Interp& interp) {
    Type* t = new_builtin_type(interp, "coroutine", nullptr, 0);
    t->slots.am_send = yield_once_send;
    t->slots.repr = yield_once_repr;
    finish_builtin_type(interp, t);
    Object* o = interp.heap.make<YieldOnce>(t);
    Heap::make_permanent(o);
    return o;
}

}  // namespace

void add_sleep(Interp& interp, AsyncioState* st, Dict* module_dict) {
    BuiltinFunction* b = make_builtin(interp, "sleep", mod_sleep);
    b->data = st;
    if (interp.vm) {
        Vm& vm = vm_of(interp);
        if (!vm.yield_once) vm.yield_once = make_yield_once(interp);
        b->await_now = sleep_await_now;
    }
    module_dict->set_str(interp, "sleep", Value(b));
}

}  // namespace corio::py
