// mod_asyncio_sleep.cpp — asyncio.sleep, served by the engine (core/sleep.hpp):
// a native coroutine (mod_asyncio_op.hpp) named 'sleep'. sleep(0) (any delay
// <= 0) is one bare yield, as CPython's __sleep0; a positive delay waits on
// the engine's SleepFuture, whose timer CPython's call_later would be, and
// cancels the timer however the wait ends (CPython's `finally:
// h.cancel()`). Both return `result`.
#include "core/sleep.hpp"
#include "py/builtin_function.hpp"
#include "py/float.hpp"
#include "py/int.hpp"
#include "py/mod_asyncio_op.hpp"
#include "py/protocols.hpp"

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

}  // namespace

void add_sleep(Interp& interp, AsyncioState* st, Dict* module_dict) {
    BuiltinFunction* b = make_builtin(interp, "sleep", mod_sleep);
    b->data = st;
    module_dict->set_str(interp, "sleep", Value(b));
}

}  // namespace corio::py
