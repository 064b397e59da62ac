// mod_asyncio_loop.cpp — the event loop as the asyncio prelude drives it
// (mod_asyncio_prelude.cpp builds asyncio's loop object on these): making,
// running, stopping and closing the module's current loop, its clock, and
// call_soon / call_later / call_at with their TimerHandle objects; plus how
// the trace shows a task waiting on a timer or a gather (_wait_kind).
#include <string>
#include <utility>

#include "core/loop.hpp"
#include "core/task_base.hpp"
#include "py/builtin_function.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/mod_asyncio_state.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm.hpp"

namespace corio::py {

namespace {

Value mod_new_loop(Interp& interp, const CallArgs& a) {
    state_of(a)->new_loop();
    return interp.none;
}

Value mod_close_loop(Interp& interp, const CallArgs& a) {
    state_of(a)->loop().close();
    return interp.none;
}

Value mod_loop_running(Interp& interp, const CallArgs& a) {
    AsyncioState* st = state_of(a);
    return interp.boolean(!st->loops.empty() && st->loop().is_running());
}

Value mod_loop_closed(Interp& interp, const CallArgs& a) {
    AsyncioState* st = state_of(a);
    return interp.boolean(st->loops.empty() || st->loop().is_closed());
}

Value mod_run_until_complete(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_run_until_complete", 1, 1);
    AsyncioState* st = state_of(a);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    Vm& vm = vm_of(interp);
    if (vm.may_suspend(static_cast<const Object*>(a.fn)) && !f->done()) {
        // The session runs the loop until f is done (asyncio's
        // run_until_complete), then continues the caller.
        corio::Loop& lp = st->loop();
        if (lp.is_closed()) raise_runtime_error(interp, "Event loop is closed");
        if (lp.is_running()) raise_runtime_error(interp, "This event loop is already running");
        vm.suspend.kind = SuspendKind::RunLoop;
        vm.suspend.future = a[0];
        return interp.none;
    }
    AllowCollection allow(interp);
    try {
        st->loop().run_until_complete(*f);
    } catch (const PyException&) {
        throw;
    } catch (const corio::RuntimeError& e) {
        raise_runtime_error(interp, e.what());
    }
    return interp.none;
}

Value mod_run_once(Interp& interp, const CallArgs& a) {
    AsyncioState* st = state_of(a);
    AllowCollection allow(interp);
    st->loop().run_once();
    return interp.none;
}

Value mod_stop(Interp& interp, const CallArgs& a) {
    state_of(a)->loop().stop();
    return interp.none;
}

Value mod_time(Interp& interp, const CallArgs& a) {
    return make_float(interp, state_of(a)->loop().time());
}

// An asyncio Handle (call_soon) or TimerHandle (call_later, call_at).
class TimerHandleObj final : public Object {
public:
    explicit TimerHandleObj(Type* type) noexcept : Object(type) {}
    void trace(Tracer& tracer) override { tracer.visit(call); }
    corio::HandleRef handle;
    AsyncioState* st = nullptr;
    uint64_t key = 0;
    double when = 0;
    Value call;  // (fn, args), until cancelled (asyncio keeps it after the call for the repr)
};

// _call(delay_or_None, when_or_None, fn, args): a handle object.
Value mod_call(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_call", 4, 4);
    AsyncioState* st = state_of(a);
    corio::Loop& lp = st->loop();
    uint64_t key = ++st->next_call;
    const bool timer = a[0] != interp.none || a[1] != interp.none;
    auto* h = interp.heap.make<TimerHandleObj>(timer ? st->timer_handle_type : st->handle_type);
    h->st = st;
    h->key = key;
    h->call = make_tuple(interp, {a[2], a[3]});
    st->calls[key] = h;
    auto fn = [st, key]() {
        auto it = st->calls.find(key);
        if (it == st->calls.end()) return;
        auto* t = static_cast<Tuple*>(static_cast<TimerHandleObj*>(it->second.as_object())->call.as_object());
        st->calls.erase(it);  // the tuple stays alive on the handle
        auto* args = static_cast<Tuple*>((*t)[1].as_object());
        py::call(st->interp, (*t)[0], args->items(), args->size());
    };
    // The trace shows whose timer it is (TimerArmed b).
    const uint64_t task = lp.current_task() ? lp.current_task()->id() : 0;
    if (a[0] != interp.none) {
        h->handle = lp.call_later(to_double(interp, a[0]), std::move(fn), task);
        h->when = h->handle->when();
    } else if (a[1] != interp.none) {
        h->handle = lp.call_at(to_double(interp, a[1]), std::move(fn), task);
        h->when = h->handle->when();
    } else {
        h->handle = lp.call_soon(std::move(fn));
    }
    return h;
}

// _wait_kind(future, kind, on): how the trace shows a task waiting on this
// future — kind "timer" (on: the timer handle asyncio.sleep armed) or
// "gather" — instead of a plain future.
Value mod_wait_kind(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_wait_kind", 3, 3);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    std::string kind = str_utf8(interp, a[1]);
    if (kind == "timer") {
        auto* h = a[2].is_object() ? dynamic_cast<TimerHandleObj*>(a[2].as_object()) : nullptr;
        if (h && h->handle) f->set_wait_kind(corio::trace::WaitKind::Timer, h->handle->id());
    } else if (kind == "gather") {
        f->set_wait_kind(corio::trace::WaitKind::Gather, f->id());
    }
    return interp.none;
}

Value handle_cancel(Interp& interp, const CallArgs& a) {
    auto* h = static_cast<TimerHandleObj*>(a[0].as_object());
    if (h->handle) h->handle->cancel();
    h->st->calls.erase(h->key);
    h->call = Value();
    return interp.none;
}

// The prelude's repr (AsyncioState::repr_hook), as for futures.
Value handle_repr(Interp& interp, Value self) {
    auto* h = static_cast<TimerHandleObj*>(self.as_object());
    return py::call(interp, h->st->repr_hook, &self, 1);
}

// (fn, args) or None once cancelled: what the prelude's repr shows.
Value handle_call_info(Interp& interp, const CallArgs& a) {
    auto* h = static_cast<TimerHandleObj*>(a[0].as_object());
    return h->call ? h->call : interp.none;
}

Value handle_cancelled(Interp& interp, const CallArgs& a) {
    auto* h = static_cast<TimerHandleObj*>(a[0].as_object());
    return interp.boolean(h->handle && h->handle->cancelled());
}

Value handle_when(Interp& interp, const CallArgs& a) {
    auto* h = static_cast<TimerHandleObj*>(a[0].as_object());
    return make_float(interp, h->when);
}

}  // namespace

void add_loop_functions(Interp& interp, AsyncioState* st, Dict* module_dict) {
    // Handle and TimerHandle (their methods reach the state through the handle)
    Type* handle = new_builtin_type(interp, "Handle", nullptr, 0);
    handle->slots.repr = handle_repr;
    add_method(interp, handle, "cancel", handle_cancel);
    add_method(interp, handle, "cancelled", handle_cancelled);
    add_method(interp, handle, "_call_info", handle_call_info);
    finish_builtin_type(interp, handle);
    Type* timer_handle = new_builtin_type(interp, "TimerHandle", handle, 0);
    timer_handle->slots.repr = handle_repr;
    add_method(interp, timer_handle, "when", handle_when);
    finish_builtin_type(interp, timer_handle);
    st->handle_type = handle;
    st->timer_handle_type = timer_handle;
    module_dict->set_str(interp, "Handle", handle);
    module_dict->set_str(interp, "TimerHandle", timer_handle);

    add_functions(interp, st, module_dict, {
        {"_new_loop", mod_new_loop}, {"_close_loop", mod_close_loop}, {"_loop_running", mod_loop_running},
        {"_loop_closed", mod_loop_closed}, {"_run_until_complete", mod_run_until_complete},
        {"_run_once", mod_run_once}, {"_stop", mod_stop}, {"_time", mod_time}, {"_call", mod_call},
        {"_wait_kind", mod_wait_kind},
    });
}

}  // namespace corio::py
