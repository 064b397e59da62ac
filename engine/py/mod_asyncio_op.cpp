// mod_asyncio_op.cpp — the `coroutine` objects of engine-backed operations
// (see mod_asyncio_op.hpp): their send/throw/close protocol and repr.
#include "py/mod_asyncio_op.hpp"

#include <cstdio>
#include <string>

#include "py/builtin_function.hpp"
#include "py/exceptions.hpp"
#include "py/never_awaited.hpp"
#include "py/protocols.hpp"
#include "py/vm_ops.hpp"
#include "py/str.hpp"

namespace corio::py {

OpCoroutine::~OpCoroutine() {
    if (state == State::Created && !unawaited_reported) warn_never_awaited(st->interp, qualname);
    st->release();
}

void OpCoroutine::trace(Tracer& tracer) {
    tracer.visit(owner);
    tracer.visit(arg);
}

namespace {

// Keeps the exception thrown into an operation reachable while the engine
// carries it as an exception_ptr (invisible to the collector), for the
// length of one send: the module state's slot, restored after (an
// operation's finish may run Python code that sends into another).
class ThrownKeeper {
public:
    explicit ThrownKeeper(AsyncioState* st) noexcept : st_(st), saved_(st->op_thrown) {}
    ~ThrownKeeper() { st_->op_thrown = saved_; }
    ThrownKeeper(const ThrownKeeper&) = delete;
    ThrownKeeper& operator=(const ThrownKeeper&) = delete;
    std::exception_ptr carry(Value exc) { return st_->to_engine(exc, st_->op_thrown); }

private:
    AsyncioState* st_;
    Value saved_;
};

// One step (TypeSlots::am_send): begin on the first send, finish after each
// wait; yields itself while it waits.
bool op_send(Interp& interp, Value self, Value value, Value throw_exc, Value& out) {
    auto* c = static_cast<OpCoroutine*>(self.as_object());
    ThrownKeeper keeper(c->st);
    corio::Wait wait;
    try {
        switch (c->state) {
            case OpCoroutine::State::Created:
                if (throw_exc) throw PyException{throw_exc};  // raised where the body would start
                if (value != interp.none)
                    raise_type_error(interp, "can't send non-None value to a just-started coroutine");
                c->state = OpCoroutine::State::Waiting;
                wait = c->begin();
                break;
            case OpCoroutine::State::Waiting:
                wait = c->finish(throw_exc ? keeper.carry(throw_exc) : std::exception_ptr());
                break;
            case OpCoroutine::State::Done: raise_runtime_error(interp, "cannot reuse already awaited coroutine");
        }
    } catch (const PyException&) {
        c->state = OpCoroutine::State::Done;
        throw;
    } catch (...) {
        c->state = OpCoroutine::State::Done;
        throw PyException{c->st->to_py(std::current_exception())};
    }
    if (wait) {
        c->waiting_on = wait.future;
        out = wait.bare_yield ? interp.none : self;
        return true;
    }
    c->state = OpCoroutine::State::Done;
    c->waiting_on = nullptr;
    out = c->result(interp);
    return false;
}

OpCoroutine* self_op(Interp& interp, const CallArgs& a, const char* method) {
    OpCoroutine* c = a.nargs ? as_op_coroutine(a[0]) : nullptr;
    if (!c) raise_type_error(interp, std::string("descriptor '") + method + "' requires a 'coroutine' object");
    return c;
}

Value op_step_or_stop(Interp& interp, Value self, Value value, Value throw_exc) {
    Value out;
    if (op_send(interp, self, value, throw_exc, out)) return out;
    raise_stop_iteration(interp, out == interp.none ? Value() : out);
}

Value m_send(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "send", 2, 2);
    self_op(interp, a, "send");
    return op_step_or_stop(interp, a[0], a[1], Value());
}

// throw(exc) / throw(type[, value[, tb]]): the instance, as `raise` makes it.
Value m_throw(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "throw");
    self_op(interp, a, "throw");
    if (a.nargs < 2 || a.nargs > 4) raise_type_error(interp, "throw expected at least 1 argument, got 0");
    Value exc = a.nargs > 2 && a[2] != interp.none ? py::call(interp, a[1], &a.args[2], 1) : a[1];
    return op_step_or_stop(interp, a[0], interp.none, make_raise(interp, exc, Value(), false));
}

// close(): GeneratorExit where the operation waits (its clean-up runs: the
// waiter is cancelled and removed), nothing if it never started.
Value m_close(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "close", 1, 1);
    OpCoroutine* c = self_op(interp, a, "close");
    if (c->state != OpCoroutine::State::Waiting) {
        c->state = OpCoroutine::State::Done;
        return interp.none;
    }
    Value exit = new_exception(interp, interp.exc.GeneratorExit, std::initializer_list<Value>{});
    try {
        Value out;
        if (op_send(interp, a[0], interp.none, exit, out)) raise_runtime_error(interp, "coroutine ignored GeneratorExit");
    } catch (const PyException& e) {
        if (!exception_matches(interp, e.exc, interp.exc.GeneratorExit)) throw;
    }
    return interp.none;
}

Value m_await(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__await__", 1, 1);
    self_op(interp, a, "__await__");
    return a[0];
}

Value next_slot(Interp& interp, Value self) {
    Value out;
    if (op_send(interp, self, interp.none, Value(), out)) return out;
    if (out == interp.none) return Value();
    raise_stop_iteration(interp, out);
}

Value repr_slot(Interp& interp, Value self) {
    auto* c = static_cast<OpCoroutine*>(self.as_object());
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(self.bits()));
    return make_str(interp, std::string("<coroutine object ") + c->qualname + " at " + buf + ">");
}

}  // namespace

OpCoroutine* as_op_coroutine(Value v) noexcept {
    if (!v.is_object()) return nullptr;
    Object* o = v.as_object();
    return o->type()->slots.am_send == op_send ? static_cast<OpCoroutine*>(o) : nullptr;
}

namespace {

std::string_view take_unawaited(Object* obj) {
    auto* c = static_cast<OpCoroutine*>(obj);
    if (c->state != OpCoroutine::State::Created || c->unawaited_reported) return {};
    c->unawaited_reported = true;
    return c->qualname;
}

}  // namespace

Type* make_op_coroutine_type(Interp& interp) {
    Type* t = new_builtin_type(interp, "coroutine", nullptr, 0);
    t->slots.am_send = op_send;
    t->slots.next = next_slot;
    t->slots.repr = repr_slot;
    add_method(interp, t, "send", m_send);
    add_method(interp, t, "throw", m_throw);
    add_method(interp, t, "close", m_close);
    add_method(interp, t, "__await__", m_await);
    finish_builtin_type(interp, t);
    report_dropped_instances(interp, t, take_unawaited);
    return t;
}

}  // namespace corio::py
