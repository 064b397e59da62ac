// mod_asyncio.cpp — the engine-backed core of `asyncio` (see mod_asyncio.hpp).
//
// Objects: a Python Future is a PyFuture, a Python Task a PyTask; each is at
// once a heap Object (the collector frees it) and an engine future (the
// engine counts references to it). RefCounted::destroy is a no-op for them:
// the collector owns the memory, and the module state (an ExternalRoot)
// keeps every future the engine still references (ref_count() > 0: a task
// in the ready queue, a future a task waits on, a handle running a done
// callback) and every pending task alive. Python values the engine cannot
// see (results, exceptions, done callbacks, the coroutine) live in traced
// fields of the object. A cycle made only of engine references (a task
// blocked forever on a future nobody else knows) is kept, not collected.
//
// Errors: a Python exception reaches the engine as PyException, or, for an
// asyncio.CancelledError instance, as PyCancelled (a corio::CancelledError,
// so is_cancellation sees it); engine errors thrown into a coroutine become
// the Python classes (CancelledError(msg), TimeoutError, InvalidStateError).
#include "py/mod_asyncio.hpp"
#include "py/mod_asyncio_op.hpp"
#include "py/mod_asyncio_state.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/future.hpp"
#include "core/loop.hpp"
#include "core/task_base.hpp"
#include "py/builtin_function.hpp"
#include "py/code.hpp"
#include "py/frame.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/frozen_modules.hpp"
#include "py/generator.hpp"
#include "py/int.hpp"
#include "py/interp.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/never_awaited.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/traceback.hpp"
#include "py/tuple.hpp"
#include "py/vm.hpp"
#include "py/vm_source.hpp"

namespace corio::py {

namespace {

// A Python asyncio.CancelledError travelling through the engine.
class PyCancelled : public corio::CancelledError {
public:
    PyCancelled(std::optional<std::string> message, Value exc)
        : corio::CancelledError(std::move(message)), exc_(exc) {}
    Value exc() const noexcept { return exc_; }

private:
    Value exc_;
};

}  // namespace

// What a PyFuture and a PyTask share: the Python side of the future. Kept
// small: a task carries one per suspended task.
struct PyFutData {
    AsyncioState* st = nullptr;
    // One slot for what the collector must see of this future's outcome:
    // the result, once finished with one; else the Python exception the
    // engine's exception_ptrs carry (the one it finished with, or the one
    // thrown into the task's step; an exception_ptr is invisible to the
    // collector). A future finishes once, so the two never overlap; a step's
    // thrown exception is consumed by the time the task returns.
    Value held;
    // Python done callbacks registered and not run yet, which only the
    // engine's callbacks reference: the callable itself while there is one
    // (most futures have one, e.g. gather's), a List once a second comes.
    Value callbacks;
    // The module's list of live futures, or of live tasks
    // (AsyncioState::live_futures / live_tasks: which list tells the type).
    PyFutData* prev_live = nullptr;
    PyFutData* next_live = nullptr;

    void trace_data(Tracer& tracer) {
        tracer.visit(held);
        tracer.visit(callbacks);
    }
    void link(AsyncioState* state, PyFutData*& head) noexcept {
        st = state;
        next_live = head;
        if (next_live) next_live->prev_live = this;
        head = this;
    }
    void unlink(PyFutData*& head) noexcept {
        if (prev_live) prev_live->next_live = next_live;
        else head = next_live;
        if (next_live) next_live->prev_live = prev_live;
    }
    // `callbacks` holds a List once a second callback came (a callback is
    // never exactly a list: lists are not callable).
    bool callbacks_listed() const noexcept {
        return callbacks.is_object() && callbacks.as_object()->type() == st->interp.types.list;
    }
    void remember_callback(Interp& interp, Value fn) {
        if (!callbacks) {
            callbacks = fn;
            return;
        }
        if (!callbacks_listed()) {
            List* list = make_list(interp);
            list->append(interp, callbacks);
            callbacks = list;
        }
        static_cast<List*>(callbacks.as_object())->append(interp, fn);
    }
    // Forgets the first registration of fn (it is about to run).
    void forget_callback(Value fn) noexcept {
        if (!callbacks_listed()) {
            if (callbacks == fn) callbacks = Value();
            return;
        }
        auto* list = static_cast<List*>(callbacks.as_object());
        for (std::size_t i = 0; i < list->size(); ++i)
            if ((*list)[i] == fn) {
                list->erase(i);
                return;
            }
    }
    // The registered callable whose object is `key`, or null.
    Value remembered(const void* key) const noexcept {
        auto is_key = [key](Value fn) { return fn.is_object() && fn.as_object() == key; };
        if (!callbacks_listed()) return is_key(callbacks) ? callbacks : Value();
        auto* list = static_cast<List*>(callbacks.as_object());
        for (std::size_t i = 0; i < list->size(); ++i)
            if (is_key((*list)[i])) return (*list)[i];
        return Value();
    }
    // Forgets every registration of fn (remove_done_callback).
    void forget_callbacks(Value fn) noexcept {
        if (!callbacks_listed()) {
            if (callbacks == fn) callbacks = Value();
            return;
        }
        auto* list = static_cast<List*>(callbacks.as_object());
        for (std::size_t i = list->size(); i-- > 0;)
            if ((*list)[i] == fn) list->erase(i);
    }
};

namespace {


class PyFuture : public Object, public corio::FutureBase, public PyFutData {
public:
    PyFuture(Type* type, corio::Loop& lp, AsyncioState* state) : Object(type), corio::FutureBase(lp) {
        link(state, state->live_futures);
        st->retain();
    }
    ~PyFuture() override {
        unlink(st->live_futures);
        st->release();
    }
    void trace(Tracer& tracer) override { trace_data(tracer); }
    void set_value(Value v) {
        held = v;
        finish_with_result();
    }
    // A Python subclass overriding cancel() (gather's future) gets the
    // engine's cancel requests too, as asyncio's task.cancel() calls
    // fut_waiter.cancel().
    bool cancel(std::optional<std::string> message = std::nullopt) override;

protected:
    void destroy() const noexcept override {}
};

// What a task runs, named for the trace: the coroutine's qualname.
std::string coroutine_label(Interp& interp, Value coro) {
    Generator* g = as_generator(interp, coro);
    if (g && g->qualname) return std::string(g->qualname->view());
    return repr_utf8(interp, coro);
}

class PyTask : public Object, public corio::TaskBase, public PyFutData {
public:
    PyTask(Type* type, corio::Loop& lp, AsyncioState* state, Value c, std::string name)
        : Object(type),
          corio::TaskBase(lp, std::move(name),
                          lp.tracing() ? coroutine_label(state->interp, c) : std::string()),
          coro(c) {
        link(state, state->live_tasks);
        st->retain();
    }
    ~PyTask() override {
        unlink(st->live_tasks);
        st->release();
    }
    void trace(Tracer& tracer) override {
        trace_data(tracer);
        tracer.visit(coro);
        tracer.visit(def_code);
    }

    Value coro;
    Code* def_code = nullptr;  // the coroutine's code: where it was defined (repr once it is done)

protected:
    void destroy() const noexcept override {}
    corio::StepResult resume(std::exception_ptr&& error) override;
    corio::StepResult resume_suspended() override;
    void on_returned() override { finish_with_result(); }

private:
    corio::StepResult step_result(const CoroutineStep& s);
};

bool PyFuture::cancel(std::optional<std::string> message) {
    Type* t = type();
    if (t->is_heap_type()) {
        Interp& interp = st->interp;
        Value m = type_lookup(interp, t, interp.intern("cancel"));
        if (m && !(m.is_object() && m.as_object()->type() == interp.types.method_descriptor)) {
            Value self(static_cast<Object*>(this));
            Value args[2] = {self, message ? Value(make_str(interp, *message)) : interp.none};
            return truthy(interp, py::call(interp, m, args, 2));
        }
    }
    return corio::FutureBase::cancel(std::move(message));
}

Object* py_of(corio::FutureBase* f) noexcept { return dynamic_cast<Object*>(f); }

// Calls f(object, future, is_task) for every live PyFuture, then every
// live PyTask.
template <class F>
void for_each_live(AsyncioState* st, F&& f) {
    for (PyFutData* d = st->live_futures; d; d = d->next_live) {
        auto* fut = static_cast<PyFuture*>(d);
        f(static_cast<Object*>(fut), static_cast<corio::FutureBase*>(fut), false);
    }
    for (PyFutData* d = st->live_tasks; d; d = d->next_live) {
        auto* task = static_cast<PyTask*>(d);
        f(static_cast<Object*>(task), static_cast<corio::FutureBase*>(task), true);
    }
}

}  // namespace

void AsyncioState::trace(Tracer& tracer) {
    // The futures the engine references, and every pending task (the loop
    // holds it, as asyncio's _all_tasks and the ready queue do).
    for_each_live(this, [&](Object* o, corio::FutureBase* f, bool is_task) {
        if (f->ref_count() > 0 || (is_task && !f->done())) tracer.visit(o);
    });
    for (auto& [key, v] : calls) tracer.visit(v);
    tracer.visit(repr_hook);
    tracer.visit(op_thrown);
}

void AsyncioState::before_teardown() noexcept {
    for (PyFutData* d = live_tasks; d; d = d->next_live) static_cast<PyTask*>(d)->detach_from_waiter();
    for_each_live(this, [](Object*, corio::FutureBase* f, bool) { f->drop_callbacks(); });
    loops.clear();
}

void AsyncioState::report(const corio::ErrorContext& c) {
    std::string text = c.message + "\n";
    if (c.exception) {
        try {
            text += format_exception(interp, to_py(c.exception));
        } catch (...) {
            text += corio::describe(c.exception) + "\n";
        }
    }
    if (interp.write_stderr) interp.write_stderr(text);
}

Value AsyncioState::to_py(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const PyCancelled& x) {
        return x.exc();
    } catch (const PyException& x) {
        return x.exc;
    } catch (const corio::CancelledError& x) {
        if (x.message()) return new_exception(interp, cls("CancelledError"), *x.message());
        return new_exception(interp, cls("CancelledError"), {});
    } catch (const corio::TimeoutError&) {
        return new_exception(interp, interp.exc.TimeoutError, {});
    } catch (const corio::InvalidStateError& x) {
        return new_exception(interp, cls("InvalidStateError"), x.what());
    } catch (const corio::QueueEmpty&) {
        return new_exception(interp, cls("QueueEmpty"), {});
    } catch (const corio::QueueFull&) {
        return new_exception(interp, cls("QueueFull"), {});
    } catch (const corio::BrokenBarrierError& x) {
        return new_exception(interp, cls("BrokenBarrierError"), x.what());
    } catch (const corio::ValueError& x) {
        return new_exception(interp, interp.exc.ValueError, x.what());
    } catch (const std::exception& x) {
        return new_exception(interp, interp.exc.RuntimeError, x.what());
    } catch (...) {
        return exception_from_current(interp);
    }
}

AsyncioState* state_of(const CallArgs& a) {
    return static_cast<AsyncioState*>(const_cast<void*>(a.fn->data));
}

corio::FutureBase* fut_arg(Interp& interp, Value v) {
    auto* f = v.is_object() ? dynamic_cast<corio::FutureBase*>(v.as_object()) : nullptr;
    if (!f) raise_type_error(interp, "a Future or Task was expected, got " + repr_utf8(interp, v));
    return f;
}

std::exception_ptr AsyncioState::to_engine(Value exc, Value& keep) {
    keep = exc;
    if (isinstance(interp, exc, cls("CancelledError"))) {
        std::optional<std::string> msg;
        auto* eo = static_cast<ExceptionObject*>(exc.as_object());
        if (eo->args && eo->args->size() > 0) msg = str_utf8(interp, (*eo->args)[0]);
        return std::make_exception_ptr(PyCancelled(std::move(msg), exc));
    }
    return std::make_exception_ptr(PyException{exc});
}

namespace {

FutureBase* as_future(Interp& interp, Value v) {
    if (!v.is_object()) return nullptr;
    (void)interp;
    return dynamic_cast<corio::FutureBase*>(v.as_object());
}

corio::StepResult PyTask::resume(std::exception_ptr&& error) {
    Interp& interp = st->interp;
    Value throw_in;
    if (error) {
        throw_in = st->to_py(error);
        held = throw_in;
    }
    Vm& vm = vm_of(interp);
    // A step started by a session driving the loop may suspend (vm.hpp).
    const bool suspendable = vm.native_depth == vm.task_step_depth;
    if (suspendable) vm.suspend_depth = vm.native_depth + 1;
    CoroutineStep s = coroutine_step(interp, coro, throw_in);
    if (suspendable && s.kind != corio::StepResult::Kind::Suspended) vm.suspend_depth = -1;
    return step_result(s);
}

corio::StepResult PyTask::resume_suspended() {
    Interp& interp = st->interp;
    Vm& vm = vm_of(interp);
    CoroutineStep s = coroutine_continue(interp, coro, vm.suspend_throw);
    vm.suspend_throw = Value();
    if (s.kind != corio::StepResult::Kind::Suspended) vm.suspend_depth = -1;
    return step_result(s);
}

// Trace: where the task's innermost coroutine of the program waits
// (LineReached); frames of frozen modules (<frozen asyncio>) are the
// library's, not the program's.
void emit_line(corio::Loop& lp, uint64_t task_id, Interp& interp, Value coro) {
    auto is_program = [](const Generator* g) {
        const Str* file = g->frame->code->filename;
        return !file || file->view().empty() || file->view()[0] != '<';
    };
    Generator* g = as_generator(interp, coro);
    if (!g || !g->frame) return;
    for (;;) {
        Value inner = gen_yield_from(g);
        Generator* sub = inner ? as_generator(interp, inner) : nullptr;
        if (!sub || !sub->frame || !is_program(sub)) break;
        g = sub;
    }
    const Frame* f = g->frame;
    int line = f->code->line_of(f->ip ? f->ip - 1 : 0);
    std::string_view where = g->qualname ? g->qualname->view() : std::string_view();
    lp.emit({corio::trace::EventKind::LineReached, {}, 0, 0, task_id, line, 0, where});
}

corio::StepResult PyTask::step_result(const CoroutineStep& s) {
    Interp& interp = st->interp;
    if (loop().tracing() && (s.kind == corio::StepResult::Kind::Blocked ||
                             s.kind == corio::StepResult::Kind::Yielded)) [[unlikely]]
        emit_line(loop(), id(), interp, coro);
    switch (s.kind) {
        case corio::StepResult::Kind::Blocked: {
            if (FutureBase* f = as_future(interp, s.value)) return corio::StepResult::blocked(*f);
            // An engine-backed operation (queue.get()) run as the task itself.
            if (OpCoroutine* op = as_op_coroutine(s.value))
                if (corio::FutureBase* f = op->waiting()) return corio::StepResult::blocked(*f);
            Value exc = new_exception(interp, interp.exc.RuntimeError,
                                      "Task got bad yield: " + repr_utf8(interp, s.value));
            st->step_error = st->to_engine(exc, held);
            return {corio::StepResult::Kind::BadYield, nullptr, &st->step_error};
        }
        case corio::StepResult::Kind::Yielded: return corio::StepResult::yielded();
        case corio::StepResult::Kind::Suspended: return {corio::StepResult::Kind::Suspended, nullptr, nullptr};
        case corio::StepResult::Kind::Returned:
            held = s.value;
            return corio::StepResult::returned();
        default:
            st->step_error = st->to_engine(s.value, held);
            return corio::StepResult::raised(st->step_error);
    }
}

// ------------------------------------------------------------ helpers

PyFutData* data_of(corio::FutureBase* f) {
    auto* d = dynamic_cast<PyFutData*>(f);
    if (!d) std::abort();  // every Python-visible future is a PyFuture or a PyTask
    return d;
}

[[noreturn]] void raise_engine(AsyncioState* st, const std::exception_ptr& e) {
    throw PyException{st->to_py(e)};
}

std::optional<std::string> opt_msg(Interp& interp, Value v) {
    if (!v || v == interp.none) return std::nullopt;
    return str_utf8(interp, v);
}

[[noreturn]] void invalid_state(AsyncioState* st) {
    throw PyException{new_exception(st->interp, st->cls("InvalidStateError"), "invalid state")};
}

// ------------------------------------------------------------ Future methods

Value future_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    Value holder = type_lookup(interp, cls, interp.intern("_state_holder"));
    auto* b = static_cast<BuiltinFunction*>(holder.as_object());
    auto* st = static_cast<AsyncioState*>(const_cast<void*>(b->data));
    return make_instance<PyFuture>(interp, cls, st->loop(), st);
}

Value fut_result(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "result", 1, 1);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    PyFutData* d = data_of(f);
    if (f->cancelled()) {
        raise_engine(d->st, f->make_cancelled_error());
    }
    if (!f->done()) throw PyException{new_exception(interp, d->st->cls("InvalidStateError"), "Result is not set.")};
    f->mark_retrieved();
    if (f->stored_error()) raise_engine(d->st, f->stored_error());
    return d->held ? d->held : interp.none;
}

Value fut_exception(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "exception", 1, 1);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    PyFutData* d = data_of(f);
    if (f->cancelled()) raise_engine(d->st, f->make_cancelled_error());
    if (!f->done()) throw PyException{new_exception(interp, d->st->cls("InvalidStateError"), "Exception is not set.")};
    f->mark_retrieved();
    if (f->stored_error()) return d->st->to_py(f->stored_error());
    return interp.none;
}

Value fut_set_result(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "set_result", 2, 2);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    auto* pf = dynamic_cast<PyFuture*>(f);
    if (!pf) raise_runtime_error(interp, "Task does not support set_result operation");
    if (f->done()) invalid_state(pf->st);
    pf->set_value(a[1]);
    return interp.none;
}

Value fut_set_exception(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "set_exception", 2, 2);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    auto* pf = dynamic_cast<PyFuture*>(f);
    if (!pf) raise_runtime_error(interp, "Task does not support set_exception operation");
    if (f->done()) invalid_state(pf->st);
    Value exc = a[1];
    if (is_exception_type(interp, exc)) exc = py::call(interp, exc, nullptr, 0);
    if (!is_exception(interp, exc)) raise_type_error(interp, "invalid exception object");
    if (exception_matches(interp, exc, interp.exc.StopIteration))
        raise_type_error(interp, "StopIteration interacts badly with generators and cannot be raised into a Future");
    pf->held = exc;
    f->set_exception(std::make_exception_ptr(PyException{exc}));
    return interp.none;
}

Value fut_done(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "done", 1, 1);
    return interp.boolean(fut_arg(interp, a[0])->done());
}

Value fut_cancelled(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "cancelled", 1, 1);
    return interp.boolean(fut_arg(interp, a[0])->cancelled());
}

Value fut_cancel(Interp& interp, const CallArgs& a) {
    Value args[1];
    CallArgs rest{a.args + 1, a.nargs ? a.nargs - 1 : 0, a.kwnames, a.fn};
    parse_args(interp, rest, {"cancel", {"msg"}, 0, 1}, args);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    if (auto* pf = dynamic_cast<PyFuture*>(f)) return interp.boolean(pf->corio::FutureBase::cancel(opt_msg(interp, args[0])));
    return interp.boolean(f->cancel(opt_msg(interp, args[0])));
}

Value fut_add_done_callback(Interp& interp, const CallArgs& a) {
    Value args[2];
    CallArgs rest{a.args + 1, a.nargs ? a.nargs - 1 : 0, a.kwnames, a.fn};
    parse_args(interp, rest, {"add_done_callback", {"fn", "context"}, 1, 1}, args);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    PyFutData* d = data_of(f);
    Object* fn = args[0].is_object() ? args[0].as_object() : nullptr;
    if (!fn) raise_type_error(interp, "callback is not callable");
    d->remember_callback(interp, args[0]);
    AsyncioState* st = d->st;
    f->add_done_callback(
        [st, fn](corio::FutureBase& fut) {
            Value fnv(fn);
            data_of(&fut)->forget_callback(fnv);
            Value arg(py_of(&fut));
            py::call(st->interp, fnv, &arg, 1);
        },
        fn);
    return interp.none;
}

Value fut_remove_done_callback(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "remove_done_callback", 2, 2);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    PyFutData* d = data_of(f);
    std::size_t n = f->remove_done_callback(a[1].is_object() ? a[1].as_object() : nullptr);
    d->forget_callbacks(a[1]);
    return make_int(interp, static_cast<int64_t>(n));
}

Value fut_repr(Interp& interp, Value self) {
    corio::FutureBase* f = fut_arg(interp, self);
    AsyncioState* st = data_of(f)->st;
    if (st->repr_hook) return py::call(interp, st->repr_hook, &self, 1);
    return make_str(interp, "<Future>");
}

// The internal state for the prelude's repr: (state, result, exception repr-able).
Value fut_info(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_info", 1, 1);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    PyFutData* d = data_of(f);
    Value exc = interp.none;
    Value result = interp.none;
    if (f->done() && !f->cancelled()) {
        if (f->stored_error()) exc = d->st->to_py(f->stored_error());
        else if (d->held) result = d->held;
    }
    return make_tuple(interp, {make_str(interp, corio::state_name(f->state())), result, exc});
}

// The done callbacks for the repr (asyncio's _format_callbacks), in order:
// a task's wake-up as the str CPython shows, a Python callable as itself;
// the engine's own callbacks (run_until_complete's) are left out.
Value fut_callbacks(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_callbacks", 1, 1);
    corio::FutureBase* f = fut_arg(interp, a[0]);
    PyFutData* d = data_of(f);
    List* out = make_list(interp);
    for (const corio::FutureBase::CallbackView& c : f->callback_views()) {
        if (c.waiter) out->append(interp, make_str(interp, "Task.task_wakeup()"));
        else if (Value fn = d->remembered(c.key)) out->append(interp, fn);
    }
    return out;
}

// ------------------------------------------------------------ Task methods

PyTask* task_arg(Interp& interp, Value v) {
    auto* t = v.is_object() ? dynamic_cast<PyTask*>(v.as_object()) : nullptr;
    if (!t) raise_type_error(interp, "a Task was expected");
    return t;
}

Value task_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value holder = type_lookup(interp, cls, interp.intern("_state_holder"));
    auto* b = static_cast<BuiltinFunction*>(holder.as_object());
    auto* st = static_cast<AsyncioState*>(const_cast<void*>(b->data));
    Value out[4];
    CallArgs ca{args, nargs, kwnames, nullptr};
    parse_args(interp, ca, {"Task", {"coro", "loop", "name", "context"}, 1, 1}, out);
    Value coro = out[0];
    Generator* g = as_generator(interp, coro);
    if ((!g || g->kind != GenKind::Coroutine) && !as_op_coroutine(coro))
        raise_type_error(interp, "a coroutine was expected, got " + repr_utf8(interp, coro));
    std::string name;
    if (out[2] && out[2] != interp.none) name = str_utf8(interp, out[2]);
    Code* code = g && g->frame ? g->frame->code : nullptr;
    corio::Loop& lp = st->loop();
    auto* t = make_instance<PyTask>(interp, cls, lp, st, coro, std::move(name));
    t->def_code = code;
    if (g) forget_watched_coroutine(interp, g);  // the task starts it, or keeps it to the end
    return t;
}

Value task_get_name(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "get_name", 1, 1);
    return make_str(interp, task_arg(interp, a[0])->name());
}

Value task_set_name(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "set_name", 2, 2);
    task_arg(interp, a[0])->set_name(str_utf8(interp, a[1]));
    return interp.none;
}

Value task_get_coro(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "get_coro", 1, 1);
    return task_arg(interp, a[0])->coro;
}

Value task_cancelling(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "cancelling", 1, 1);
    return make_int(interp, task_arg(interp, a[0])->cancelling());
}

Value task_uncancel(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "uncancel", 1, 1);
    return make_int(interp, task_arg(interp, a[0])->uncancel());
}

// (name, def_file, def_line, running_file, running_line or 0, waiter or None)
Value task_info(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_task_info", 1, 1);
    PyTask* t = task_arg(interp, a[0]);
    Value qual = interp.none;
    Value file = t->def_code && t->def_code->filename ? Value(t->def_code->filename) : interp.none;
    const int def_line = t->def_code ? t->def_code->spec->first_line : 0;
    int line = 0;
    if (Generator* g = as_generator(interp, t->coro)) {
        qual = g->qualname ? Value(g->qualname) : interp.none;
        if (g->frame) line = g->state == GenState::Created ? def_line : g->frame->code->line_of(g->frame->lasti());
    }
    Value waiter = interp.none;
    if (corio::FutureBase* w = t->awaiting()) {
        if (Object* o = py_of(w)) {
            waiter = o;
        } else {  // a primitive's waiter, which Python never sees
            waiter = make_str(interp, std::string("<Future ") + (w->done() ? "finished" : "pending") +
                                          " cb=[Task.task_wakeup()]>");
        }
    }
    return make_tuple(interp, {qual, file, make_int(interp, def_line), make_int(interp, line), waiter});
}

// ------------------------------------------------------------ module functions

}  // namespace

void add_functions(Interp& interp, AsyncioState* st, Dict* module_dict, std::initializer_list<AsyncioFn> fns) {
    for (const AsyncioFn& f : fns) {
        BuiltinFunction* b = make_builtin(interp, f.name, f.fn);
        b->data = st;
        module_dict->set_str(interp, b->name, b);
    }
}

namespace {

Value mod_create_future(Interp& interp, const CallArgs& a) {
    AsyncioState* st = state_of(a);
    return interp.heap.make<PyFuture>(st->future_type, st->loop(), st);
}

Value mod_current_task(Interp& interp, const CallArgs& a) {
    AsyncioState* st = state_of(a);
    if (st->loops.empty()) return interp.none;
    corio::TaskBase* t = st->loop().current_task();
    Object* o = t ? py_of(t) : nullptr;
    return o ? Value(o) : interp.none;
}

Value mod_all_tasks(Interp& interp, const CallArgs& a) {
    AsyncioState* st = state_of(a);
    List* out = make_list(interp);
    if (st->loops.empty()) return out;
    for (corio::TaskBase* t : st->loop().all_tasks())
        if (Object* o = py_of(t)) out->append(interp, o);
    return out;
}

// The live futures and tasks `keep` picks, in creation order; those done
// with an exception are marked retrieved (they are reported).
template <class Keep>
Value live_in_creation_order(Interp& interp, AsyncioState* st, Keep keep) {
    std::vector<std::pair<uint64_t, Object*>> found;
    for_each_live(st, [&](Object* o, corio::FutureBase* f, bool is_task) {
        if (keep(f, is_task)) found.emplace_back(f->id(), o);
    });
    std::sort(found.begin(), found.end());
    List* out = make_list(interp);
    for (auto& p : found) {
        if (auto* f = dynamic_cast<corio::FutureBase*>(p.second)) f->mark_retrieved();
        out->append(interp, p.second);
    }
    return out;
}

bool unretrieved(const corio::FutureBase* f) { return f->done() && f->exception_unretrieved(); }

// Futures and tasks that failed and whose exception nobody retrieved (the
// prelude reports them at the end of asyncio.run).
Value mod_unretrieved(Interp& interp, const CallArgs& a) {
    return live_in_creation_order(interp, state_of(a), [](corio::FutureBase* f, bool) { return unretrieved(f); });
}

// What CPython's shutdown reports as it frees them: those unretrieved, and
// the tasks still pending (the prelude's _report_at_exit).
Value mod_left_at_exit(Interp& interp, const CallArgs& a) {
    return live_in_creation_order(interp, state_of(a), [](corio::FutureBase* f, bool is_task) {
        return unretrieved(f) || (is_task && !f->done());
    });
}

// Uses up the next Task-N number (the prelude's _numbered_task).
Value mod_skip_task_number(Interp& interp, const CallArgs& a) {
    ++state_of(a)->task_counter;
    return interp.none;
}

// _patch(type, name, value): puts a Python function into a native type's dict.
Value mod_patch(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_patch", 3, 3);
    auto* t = static_cast<Type*>(a[0].as_object());
    t->dict->set_str(interp, as_str(interp, a[1]), a[2]);
    type_modified(interp, t);
    return interp.none;
}

Value mod_set_repr_hook(Interp& interp, const CallArgs& a) {
    state_of(a)->repr_hook = a[0];
    return interp.none;
}

Value mod_is_coroutine(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "iscoroutine", 1, 1);
    Generator* g = as_generator(interp, a[0]);
    return interp.boolean((g && g->kind == GenKind::Coroutine) || as_op_coroutine(a[0]));
}

Value mod_is_future(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "isfuture", 1, 1);
    return interp.boolean(a[0].is_object() && dynamic_cast<corio::FutureBase*>(a[0].as_object()));
}

// Keeps the state alive as long as the module's objects are.
class StateHolder final : public Object {
public:
    StateHolder(Type* type, AsyncioState* s) noexcept : Object(type), st(s) {}
    ~StateHolder() override { st->release(); }
    AsyncioState* st;
};

}  // namespace

Module* make_asyncio_module(Interp& interp) {
    Module* m = make_module(interp, "asyncio");
    Dict* d = m->dict;
    auto* st = new AsyncioState(interp);
    st->module_dict = d;
    d->set_str(interp, "_holder", interp.heap.make<StateHolder>(interp.types.object, st));

    auto method = [&](Type* t, const char* name, NativeFn fn) {
        BuiltinFunction* b = add_method(interp, t, name, fn);
        b->data = st;
    };
    Type* fut = new_builtin_type(interp, "Future", nullptr, kTypeBaseType);
    fut->slots.new_ = future_new;
    fut->subclass_instance_dict = Subclassed<PyFuture>::dict_of;
    fut->slots.repr = fut_repr;
    method(fut, "result", fut_result);
    method(fut, "exception", fut_exception);
    method(fut, "set_result", fut_set_result);
    method(fut, "set_exception", fut_set_exception);
    method(fut, "done", fut_done);
    method(fut, "cancelled", fut_cancelled);
    method(fut, "cancel", fut_cancel);
    method(fut, "add_done_callback", fut_add_done_callback);
    method(fut, "remove_done_callback", fut_remove_done_callback);
    method(fut, "_info", fut_info);
    method(fut, "_callbacks", fut_callbacks);
    method(fut, "_state_holder", fut_done);
    finish_builtin_type(interp, fut);
    fut->module = make_str(interp, "_asyncio");
    st->future_type = fut;

    Type* task = new_builtin_type(interp, "Task", fut, kTypeBaseType);
    task->slots.new_ = task_new;
    task->subclass_instance_dict = Subclassed<PyTask>::dict_of;
    task->slots.repr = fut_repr;
    method(task, "get_name", task_get_name);
    method(task, "set_name", task_set_name);
    method(task, "get_coro", task_get_coro);
    method(task, "cancelling", task_cancelling);
    method(task, "uncancel", task_uncancel);
    method(task, "_task_info", task_info);
    finish_builtin_type(interp, task);
    task->module = make_str(interp, "_asyncio");
    st->task_type = task;

    d->set_str(interp, "Future", fut);
    d->set_str(interp, "Task", task);

    add_functions(interp, st, d, {
        {"_create_future", mod_create_future}, {"_current_task", mod_current_task},
        {"_all_tasks", mod_all_tasks}, {"_unretrieved", mod_unretrieved}, {"_left_at_exit", mod_left_at_exit},
        {"_skip_task_number", mod_skip_task_number}, {"_patch", mod_patch},
        {"_set_repr_hook", mod_set_repr_hook}, {"iscoroutine", mod_is_coroutine}, {"isfuture", mod_is_future},
    });

    add_loop_functions(interp, st, d);
    add_sync_primitives(interp, st, d, static_cast<BuiltinFunction*>(fut->dict->get_str(interp, "_state_holder").as_object()));
    add_sleep(interp, st, d);

    std::string src = std::string(asyncio_prelude_source()) + std::string(asyncio_sync_prelude_source());
    register_source(interp, "<frozen asyncio>", src);
    Code* code = load_code(interp, compile_frozen("asyncio", src));
    run_module_code(interp, code, d);
    interp.exit_hooks.push_back(d->get_str(interp, "_report_at_exit"));
    return m;
}

}  // namespace corio::py
