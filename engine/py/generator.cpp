// generator.cpp — resuming generator frames, their Python methods, the
// async-generator awaitables, and the engine's coroutine step.
#include "py/generator.hpp"

#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/function.hpp"
#include "py/never_awaited.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/traceback.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm_ops.hpp"

namespace corio::py {

Generator::Generator(Type* type, Frame* f, GenKind k) noexcept
    : Object(type), frame(f), kind(k), name(f->code->name),
      qualname(f->func ? f->func->qualname : f->code->qualname) {
    f->gen = this;
}

Generator::~Generator() { free_frame(frame); }

void Generator::trace(Tracer& tracer) {
    if (frame) frame->trace(tracer);
    tracer.visit(name);
    tracer.visit(qualname);
    tracer.visit(exc_state.value);
}

Generator* make_generator(Interp& interp, Frame* frame) {
    VmTypes& t = vm_of(interp).types;
    const uint32_t flags = frame->code->flags;
    if (flags & kCoCoroutine) {
        Generator* coro = interp.heap.make<Generator>(t.coroutine, frame, GenKind::Coroutine);
        watch_coroutine(interp, coro);
        return coro;
    }
    if (flags & kCoAsyncGenerator)
        return interp.heap.make<Generator>(t.async_generator, frame, GenKind::AsyncGenerator);
    return interp.heap.make<Generator>(t.generator, frame, GenKind::Generator);
}

bool is_generator(Interp& interp, Value v) noexcept { return as_generator(interp, v) != nullptr; }

Generator* as_generator(Interp& interp, Value v) noexcept {
    if (!v.is_object()) return nullptr;
    Type* t = v.as_object()->type();
    const VmTypes& vt = vm_of(interp).types;
    if (t == vt.generator || t == vt.coroutine || t == vt.async_generator)
        return static_cast<Generator*>(v.as_object());
    return nullptr;
}

namespace {

const char* kind_name(const Generator* g) {
    switch (g->kind) {
        case GenKind::Coroutine: return "coroutine";
        case GenKind::AsyncGenerator: return "async generator";
        case GenKind::Generator: break;
    }
    return "generator";
}

[[noreturn]] void raise_running(Interp& interp, const Generator* g) {
    raise_value_error(interp, std::string(kind_name(g)) + " already executing");
}

void link_exc_state(Vm& vm, Generator* g) noexcept {
    g->exc_state.previous = vm.exc_info;
    vm.exc_info = &g->exc_state;
}

void unlink_exc_state(Vm& vm, Generator* g) noexcept {
    vm.exc_info = g->exc_state.previous;
    g->exc_state.previous = nullptr;
}

// Links a suspended generator's frame above `awaiter` as a delegate, with
// the awaiter positioned at its SEND's YIELD_VALUE (so the delegate's
// yields and return flow back through the SEND).
void link_as_delegate(Vm& vm, Generator* g, Frame* awaiter) {
    Frame* f = g->frame;
    ++vm.depth;
    f->back = awaiter;
    vm.current = f;
    f->flags |= kFrameDelegate;
    link_exc_state(vm, g);
    g->state = GenState::Running;
}

}  // namespace

Value gen_yield_from(Generator* gen) noexcept {
    Frame* f = gen->frame;
    if (!f || gen->state != GenState::Suspended || f->ip < 2 || f->sp == 0) return Value();
    const uint32_t* w = f->code->words;
    if (word_op(w[f->ip - 1]) != Op::YIELD_VALUE || word_op(w[f->ip - 2]) != Op::SEND) return Value();
    return f->stack()[f->sp - 1];
}

// Called by the dispatch loop (vm.cpp) for frames it runs inline.
void gen_frame_finished(Vm& vm, Generator* g) noexcept {
    Frame* f = g->frame;
    unlink_exc_state(vm, g);
    g->exc_state.value = Value();
    leave_frame(vm, f);
    g->state = GenState::Closed;
    g->frame = nullptr;
    free_frame(f);
}

void gen_frame_suspended(Vm& vm, Generator* g) noexcept {
    unlink_exc_state(vm, g);
    leave_frame(vm, g->frame);
    g->frame->flags &= static_cast<uint8_t>(~(kFrameDelegate | kFrameEntry));
    g->state = GenState::Suspended;
}

bool gen_link_delegate(Vm& vm, Generator* g, Frame* awaiter, Value send) {
    Interp& interp = vm.interp;
    if (g->state == GenState::Running) raise_running(interp, g);
    if (g->state == GenState::Closed) {
        if (g->kind == GenKind::Coroutine) raise_runtime_error(interp, "cannot reuse already awaited coroutine");
        return false;
    }
    if (g->state == GenState::Created && send != interp.none)
        raise_type_error(interp, std::string("can't send non-None value to a just-started ") + kind_name(g));
    if (vm.depth >= interp.recursion_limit) throw PyException{recursion_error(interp, "")};
    Frame* f = g->frame;
    if (g->state == GenState::Suspended) f->stack()[f->sp++] = send;
    link_as_delegate(vm, g, awaiter);
    return true;
}

namespace {

// What ends a resumption: the frame yielded (suspend it) or finished.
RunResult finish_resume(Interp& interp, Vm& vm, Generator* g, RunResult r) {
    if (r.exit == Exit::Suspended) return r;  // still running, frames linked
    if (r.exit == Exit::Yielded) {
        gen_frame_suspended(vm, g);
        return r;
    }
    if (r.exit == Exit::Raised) {
        // PEP 479: StopIteration escaping a generator is a RuntimeError.
        const char* what = kind_name(g);
        std::string msg;
        if (exception_matches(interp, r.value, interp.exc.StopIteration))
            msg = std::string(what) + " raised StopIteration";
        else if (g->kind == GenKind::AsyncGenerator &&
                 exception_matches(interp, r.value, interp.exc.StopAsyncIteration))
            msg = std::string(what) + " raised StopAsyncIteration";
        if (!msg.empty()) {
            ExceptionObject* err = new_exception(interp, interp.exc.RuntimeError, msg);
            err->cause = r.value;
            err->context = r.value;
            r.value = err;
        }
    }
    gen_frame_finished(vm, g);
    return r;
}

void link_entry(Vm& vm, Generator* g) noexcept {
    Frame* entry = g->frame;
    ++vm.depth;
    entry->back = vm.current;
    vm.current = entry;
    entry->flags |= kFrameEntry;
    link_exc_state(vm, g);
    g->state = GenState::Running;
}

}  // namespace

RunResult gen_resume(Interp& interp, Generator* g, Value send, Value throw_exc) {
    Vm& vm = vm_of(interp);
    if (g->state == GenState::Running) raise_running(interp, g);
    if (g->state == GenState::Closed) {
        if (throw_exc) return {Exit::Raised, throw_exc};
        if (g->kind == GenKind::Coroutine) raise_runtime_error(interp, "cannot reuse already awaited coroutine");
        return {Exit::Returned, interp.none};
    }
    if (g->state == GenState::Created && !throw_exc && send != interp.none)
        raise_type_error(interp, std::string("can't send non-None value to a just-started ") + kind_name(g));
    if (vm.depth >= interp.recursion_limit) throw PyException{recursion_error(interp, "")};
    if (!throw_exc) {
        // The common case: send a value (or start).
        Frame* entry = g->frame;
        if (g->state == GenState::Suspended) entry->stack()[entry->sp++] = send;
        link_entry(vm, g);
        return finish_resume(interp, vm, g, run_frame(vm, entry, entry, Value()));
    }

    // A throw goes to the innermost frame of the `yield from` / `await`
    // chain (CPython's _gen_throw recursion, done by linking the chain).
    std::vector<Generator*> chain{g};  // the `yield from` / `await` chain
    Value yielded_by_foreign;   // the foreign iterator's throw() yielded this
    Value returned_by_foreign;  // ... or returned this
    bool foreign_returned = false;
    {
        for (;;) {
            Value yf = gen_yield_from(chain.back());
            if (!yf) break;
            Generator* sub = as_generator(interp, yf);
            if (sub && sub->kind != GenKind::AsyncGenerator && sub->state == GenState::Suspended) {
                chain.push_back(sub);
                continue;
            }
            if (sub && sub->state == GenState::Running) raise_running(interp, sub);
            if (sub) break;  // created or closed: raise in the awaiting frame
            // A foreign iterator: close it for GeneratorExit, else throw into it.
            try {
                if (exception_matches(interp, throw_exc, interp.exc.GeneratorExit)) {
                    Value close = getattr_opt(interp, yf, interp.intern("close"));
                    if (close) py::call(interp, close, nullptr, 0);
                } else if (AmSendFn am_send = interp.type_of(yf)->slots.am_send) {
                    Value out;
                    if (am_send(interp, yf, interp.none, throw_exc, out)) {
                        yielded_by_foreign = out;
                    } else {
                        returned_by_foreign = out;
                        foreign_returned = true;
                    }
                } else {
                    Value thrower = getattr_opt(interp, yf, interp.intern("throw"));
                    if (thrower) {
                        Value arg = throw_exc;
                        yielded_by_foreign = py::call(interp, thrower, &arg, 1);
                    }
                }
            } catch (const PyException& e) {
                if (exception_matches(interp, e.exc, interp.exc.StopIteration)) {
                    Value v = static_cast<ExceptionObject*>(e.exc.as_object())->fields[0];
                    returned_by_foreign = v ? v : interp.none;
                    foreign_returned = true;
                } else {
                    throw_exc = e.exc;
                }
            }
            if (yielded_by_foreign || foreign_returned) throw_exc = Value();
            break;
        }
    }

    // Link the chain: the outermost is the loop's entry frame.
    Frame* entry = g->frame;
    link_entry(vm, g);
    for (std::size_t i = 1; i < chain.size(); ++i) {
        Frame* awaiter = chain[i - 1]->frame;
        awaiter->ip -= 1;  // back to the YIELD_VALUE after its SEND
        link_as_delegate(vm, chain[i], awaiter);
    }
    Frame* start = chain.back()->frame;
    if (yielded_by_foreign) {
        start->stack()[start->sp++] = yielded_by_foreign;
        start->ip -= 1;  // yield it again from the YIELD_VALUE
    } else if (foreign_returned) {
        start->stack()[start->sp - 1] = returned_by_foreign;  // replaces the iterator
        start->ip = start->code->full_arg(start->ip - 2);     // SEND's exit
    }
    return finish_resume(interp, vm, g, run_frame(vm, entry, start, throw_exc));
}

namespace {

// C++ code (a builtin, a slot) resuming a generator: a nested loop.
class NestedResume {
public:
    explicit NestedResume(Vm& vm) : vm_(vm) {
        if (vm.native_depth >= kMaxNativeDepth)
            throw PyException{recursion_error(vm.interp, " while calling a Python object")};
        ++vm.native_depth;
        ++vm.nogc;
    }
    ~NestedResume() {
        --vm_.native_depth;
        --vm_.nogc;
    }
    NestedResume(const NestedResume&) = delete;
    NestedResume& operator=(const NestedResume&) = delete;

private:
    Vm& vm_;
};

RunResult resume_nested(Interp& interp, Generator* g, Value send, Value throw_exc) {
    NestedResume guard(vm_of(interp));
    return gen_resume(interp, g, send, throw_exc);
}

}  // namespace

Value gen_send(Interp& interp, Generator* gen, Value v) {
    RunResult r = resume_nested(interp, gen, v, Value());
    if (r.exit == Exit::Yielded) return r.value;
    if (r.exit == Exit::Raised) throw PyException{r.value};
    raise_stop_iteration(interp, r.value == interp.none ? Value() : r.value);
}

Value gen_throw(Interp& interp, Generator* gen, Value exc) {
    RunResult r = resume_nested(interp, gen, interp.none, exc);
    if (r.exit == Exit::Yielded) return r.value;
    if (r.exit == Exit::Raised) throw PyException{r.value};
    raise_stop_iteration(interp, r.value == interp.none ? Value() : r.value);
}

void gen_close(Interp& interp, Generator* gen) {
    if (gen->state == GenState::Created || gen->state == GenState::Closed) {
        gen->state = GenState::Closed;
        free_frame(gen->frame);
        gen->frame = nullptr;
        return;
    }
    Value exit = new_exception(interp, interp.exc.GeneratorExit, std::initializer_list<Value>{});
    RunResult r = resume_nested(interp, gen, interp.none, exit);
    if (r.exit == Exit::Yielded)
        raise_runtime_error(interp, std::string(kind_name(gen)) + " ignored GeneratorExit");
    if (r.exit == Exit::Raised && !exception_matches(interp, r.value, interp.exc.GeneratorExit) &&
        !exception_matches(interp, r.value, interp.exc.StopIteration))
        throw PyException{r.value};
}

// ------------------------------------------------------------ engine step

namespace {

CoroutineStep step_of(Interp& interp, const RunResult& r) {
    switch (r.exit) {
        case Exit::Yielded:
            if (r.value == interp.none) return {StepResult::Kind::Yielded, r.value};
            return {StepResult::Kind::Blocked, r.value};
        case Exit::Returned: return {StepResult::Kind::Returned, r.value};
        case Exit::Suspended: return {StepResult::Kind::Suspended, Value()};
        case Exit::Raised: break;
    }
    return {StepResult::Kind::Raised, r.value};
}

// Runs one step (start) or the rest of a suspended one (!start). The
// native depth counts the step's dispatch loop until the step ends.
CoroutineStep run_step(Interp& interp, Value coro, Value throw_in, bool start) {
    Vm& vm = vm_of(interp);
    try {
        Generator* g = as_generator(interp, coro);
        if (!g && start) {
            // A native awaitable run as a task (create_task(queue.get())):
            // it never runs Python code itself, so it cannot suspend.
            if (AmSendFn am_send = interp.type_of(coro)->slots.am_send) {
                Value out;
                if (!am_send(interp, coro, interp.none, throw_in, out)) return {StepResult::Kind::Returned, out};
                return step_of(interp, {Exit::Yielded, out});
            }
        }
        if (!g || g->kind == GenKind::AsyncGenerator)
            raise_type_error(interp, "a coroutine was expected, got " + repr_utf8(interp, coro));
        if (start) {
            if (vm.native_depth >= kMaxNativeDepth)
                throw PyException{recursion_error(interp, " while calling a Python object")};
            ++vm.native_depth;
        }
        RunResult r;
        try {
            r = start ? gen_resume(interp, g, interp.none, throw_in)
                      : finish_resume(interp, vm, g, run_frame(vm, g->frame, vm.current, throw_in));
        } catch (...) {
            --vm.native_depth;
            throw;
        }
        if (r.exit != Exit::Suspended) --vm.native_depth;
        return step_of(interp, r);
    } catch (const PyException& e) {
        return {StepResult::Kind::Raised, e.exc};
    } catch (...) {
        return {StepResult::Kind::Raised, exception_from_current(interp)};
    }
}

}  // namespace

CoroutineStep coroutine_step(Interp& interp, Value coro, Value throw_in) {
    return run_step(interp, coro, throw_in, true);
}

CoroutineStep coroutine_continue(Interp& interp, Value coro, Value throw_in) {
    return run_step(interp, coro, throw_in, false);
}

StepResult coroutine_step(Interp& interp, Value coro, std::exception_ptr throw_in,
                          FutureBase* (*as_future)(Interp&, Value), Value& returned,
                          std::exception_ptr& error) {
    Value exc;
    if (throw_in) {
        try {
            std::rethrow_exception(throw_in);
        } catch (const PyException& e) {
            exc = e.exc;
        } catch (const std::exception& e) {
            exc = new_exception(interp, interp.exc.RuntimeError, e.what());
        } catch (...) {
            exc = exception_from_current(interp);
        }
    }
    CoroutineStep s = coroutine_step(interp, coro, exc);
    switch (s.kind) {
        case StepResult::Kind::Blocked: {
            FutureBase* f = as_future ? as_future(interp, s.value) : nullptr;
            if (f) return StepResult::blocked(*f);
            error = std::make_exception_ptr(PyException{new_exception(
                interp, interp.exc.RuntimeError, "Task got bad yield: " + repr_utf8(interp, s.value))});
            return {StepResult::Kind::BadYield, nullptr, &error};
        }
        case StepResult::Kind::Yielded: return StepResult::yielded();
        case StepResult::Kind::Suspended: return {StepResult::Kind::Suspended, nullptr, nullptr};
        case StepResult::Kind::Returned:
            returned = s.value;
            return StepResult::returned();
        default:
            error = std::make_exception_ptr(PyException{s.value});
            return StepResult::raised(error);
    }
}

// ---------------------------------------------------- the Python methods

namespace {

Generator* self_gen(Interp& interp, const CallArgs& a, const char* method) {
    Generator* g = a.nargs ? as_generator(interp, a[0]) : nullptr;
    if (!g) raise_type_error(interp, std::string("descriptor '") + method + "' requires a generator");
    return g;
}

// throw(typ[, val[, tb]]) / throw(exc): the exception instance.
Value throw_argument(Interp& interp, const CallArgs& a, std::size_t first) {
    check_no_kwargs(interp, a, "throw");
    if (a.nargs <= first || a.nargs > first + 3)
        raise_type_error(interp, "throw expected at least 1 argument, got 0");
    Value typ = a[first];
    Value val = a.nargs > first + 1 ? a[first + 1] : Value();
    Value tb = a.nargs > first + 2 ? a[first + 2] : Value();
    if (tb == interp.none) tb = Value();
    if (tb && !(tb.is_object() && tb.as_object()->type() == vm_of(interp).types.traceback))
        raise_type_error(interp, "throw() third argument must be a traceback object");
    Value exc;
    if (is_exception_type(interp, typ)) {
        if (val && is_exception(interp, val) && isinstance(interp, val, typ)) {
            exc = val;
        } else if (!val || val == interp.none) {
            exc = py::call(interp, typ, nullptr, 0);
        } else if (is_tuple(interp, val)) {
            auto* t = static_cast<Tuple*>(val.as_object());
            exc = py::call(interp, typ, t->items(), t->size());
        } else {
            exc = py::call(interp, typ, &val, 1);
        }
    } else if (is_exception(interp, typ)) {
        if (val && val != interp.none)
            raise_type_error(interp, "instance exception may not have a separate value");
        exc = typ;
    } else {
        raise_type_error(interp, "exceptions must be classes or instances deriving from BaseException, not " +
                                     std::string(type_name(interp, typ)));
    }
    if (tb) static_cast<ExceptionObject*>(exc.as_object())->traceback = tb;
    return exc;
}

Value m_send(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "send", 2, 2);
    return gen_send(interp, self_gen(interp, a, "send"), a[1]);
}
Value m_throw(Interp& interp, const CallArgs& a) {
    Generator* g = self_gen(interp, a, "throw");
    return gen_throw(interp, g, throw_argument(interp, a, 1));
}
Value m_close(Interp& interp, const CallArgs& a) {
    gen_close(interp, self_gen(interp, a, "close"));
    return interp.none;
}

Value gen_next_slot(Interp& interp, Value self) {
    RunResult r = resume_nested(interp, static_cast<Generator*>(self.as_object()), interp.none, Value());
    if (r.exit == Exit::Yielded) return r.value;
    if (r.exit == Exit::Raised) throw PyException{r.value};
    return Value();  // exhausted (a return value other than None is dropped here)
}
Value gen_iter_slot(Interp&, Value self) { return self; }

Value gen_repr(Interp& interp, Value self) {
    auto* g = static_cast<Generator*>(self.as_object());
    const char* what = g->kind == GenKind::Coroutine        ? "coroutine"
                       : g->kind == GenKind::AsyncGenerator ? "async_generator"
                                                            : "generator";
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(g));
    return make_str(interp, std::string("<") + what + " object " + std::string(g->qualname->view()) +
                                " at " + addr + ">");
}

enum GenField : int { kGName, kGQualname, kGRunning, kGFrame, kGCode, kGYieldFrom, kGSuspended };

Value gen_field(Interp& interp, Object* self, int index) {
    auto* g = static_cast<Generator*>(self);
    switch (index) {
        case kGName: return g->name;
        case kGQualname: return g->qualname;
        case kGRunning: return interp.boolean(g->state == GenState::Running);
        case kGSuspended: return interp.boolean(g->state == GenState::Suspended);
        case kGFrame:
            if (!g->frame || g->state == GenState::Closed) return interp.none;
            return make_frame_object(interp, g->frame);
        case kGCode: return g->frame ? Value(g->frame->code) : interp.none;
        case kGYieldFrom: {
            Value v = gen_yield_from(g);
            return v ? v : interp.none;
        }
        default: return interp.none;
    }
}

void set_gen_name(Interp& interp, Object* self, int index, Value v) {
    auto* g = static_cast<Generator*>(self);
    Str* s = v ? as_str(interp, v) : nullptr;
    if (!s) raise_type_error(interp, index == kGName ? "__name__ must be set to a string object"
                                                     : "__qualname__ must be set to a string object");
    if (index == kGName) g->name = s;
    else g->qualname = s;
}

void add_fields(Interp& interp, Type* type, const char* prefix) {
    const std::string p = prefix;
    add_member(interp, type, "__name__", gen_field, set_gen_name, kGName);
    add_member(interp, type, "__qualname__", gen_field, set_gen_name, kGQualname);
    add_member(interp, type, p + "_running", gen_field, nullptr, kGRunning);
    add_member(interp, type, p + "_frame", gen_field, nullptr, kGFrame);
    add_member(interp, type, p + "_code", gen_field, nullptr, kGCode);
    add_member(interp, type, p == "cr" ? "cr_await" : (p + "_yieldfrom"), gen_field, nullptr, kGYieldFrom);
    if (p == "cr") add_member(interp, type, "cr_suspended", gen_field, nullptr, kGSuspended);
}

// coroutine.__await__(): a coroutine_wrapper iterating the coroutine.
class CoroWrapper : public Object {
public:
    CoroWrapper(Type* type, Generator* c) noexcept : Object(type), coro(c) {}
    void trace(Tracer& tracer) override { tracer.visit(coro); }
    Generator* coro;
};

Generator* wrapped(Interp& interp, const CallArgs& a) {
    if (!a.nargs || !a[0].is_object() || a[0].as_object()->type() != vm_of(interp).types.coroutine_wrapper)
        raise_type_error(interp, "expected a coroutine_wrapper");
    return static_cast<CoroWrapper*>(a[0].as_object())->coro;
}

Value coro_await(Interp& interp, const CallArgs& a) {
    Generator* g = self_gen(interp, a, "__await__");
    return interp.heap.make<CoroWrapper>(vm_of(interp).types.coroutine_wrapper, g);
}
Value wrapper_send(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "send", 2, 2);
    return gen_send(interp, wrapped(interp, a), a[1]);
}
Value wrapper_throw(Interp& interp, const CallArgs& a) {
    Generator* g = wrapped(interp, a);
    return gen_throw(interp, g, throw_argument(interp, a, 1));
}
Value wrapper_close(Interp& interp, const CallArgs& a) {
    gen_close(interp, wrapped(interp, a));
    return interp.none;
}
Value wrapper_next(Interp& interp, Value self) {
    Generator* g = static_cast<CoroWrapper*>(self.as_object())->coro;
    return gen_send(interp, g, interp.none);
}

// ----------------------------------------------------- async generators

// The value an async generator yields (ASYNC_GEN_WRAP), told apart from
// the values its awaits yield to the event loop.
class AsyncGenWrapped : public Object {
public:
    AsyncGenWrapped(Type* type, Value v) noexcept : Object(type), value(v) {}
    void trace(Tracer& tracer) override { tracer.visit(value); }
    Value value;
};

// The awaitable of __anext__()/asend(v) (mode Send), athrow() (Throw) and
// aclose() (Close).
class AsyncGenAwaitable : public Object {
public:
    enum class Mode : uint8_t { Send, Throw, Close };
    enum class State : uint8_t { Init, Iter, Closed };
    AsyncGenAwaitable(Type* type, Generator* g, Mode m, Value v) noexcept
        : Object(type), gen(g), mode(m), value(v) {}
    void trace(Tracer& tracer) override {
        tracer.visit(gen);
        tracer.visit(value);
    }
    Generator* gen;
    Mode mode;
    State state = State::Init;
    Value value;  // Send: the value to send; Throw: the exception
};

// The outcome of one resumption of the async generator, as the awaitable's
// send() reports it: a yielded value passes through (an await inside the
// generator), a wrapped one ends the awaitable with StopIteration(value).
Value async_gen_outcome(Interp& interp, AsyncGenAwaitable* aw, RunResult r) {
    Generator* g = aw->gen;
    const VmTypes& vt = vm_of(interp).types;
    if (r.exit == Exit::Yielded) {
        if (r.value.is_object() && r.value.as_object()->type() == vt.async_generator_wrapped_value) {
            aw->state = AsyncGenAwaitable::State::Closed;
            g->async_running = false;
            if (aw->mode == AsyncGenAwaitable::Mode::Close)
                raise_runtime_error(interp, "async generator ignored GeneratorExit");
            raise_stop_iteration(interp, static_cast<AsyncGenWrapped*>(r.value.as_object())->value);
        }
        return r.value;
    }
    aw->state = AsyncGenAwaitable::State::Closed;
    g->async_running = false;
    if (r.exit == Exit::Returned) {
        if (aw->mode == AsyncGenAwaitable::Mode::Close) raise_stop_iteration(interp, Value());
        throw PyException{new_exception(interp, interp.exc.StopAsyncIteration, std::initializer_list<Value>{})};
    }
    if (aw->mode == AsyncGenAwaitable::Mode::Close &&
        (exception_matches(interp, r.value, interp.exc.GeneratorExit) ||
         exception_matches(interp, r.value, interp.exc.StopAsyncIteration)))
        raise_stop_iteration(interp, Value());
    throw PyException{r.value};
}

AsyncGenAwaitable* self_awaitable(Interp& interp, const CallArgs& a) {
    const VmTypes& vt = vm_of(interp).types;
    if (!a.nargs || !a[0].is_object() ||
        (a[0].as_object()->type() != vt.async_generator_asend &&
         a[0].as_object()->type() != vt.async_generator_athrow))
        raise_type_error(interp, "expected an async generator awaitable");
    return static_cast<AsyncGenAwaitable*>(a[0].as_object());
}

Value awaitable_send_value(Interp& interp, AsyncGenAwaitable* aw, Value v) {
    using S = AsyncGenAwaitable::State;
    using M = AsyncGenAwaitable::Mode;
    Generator* g = aw->gen;
    if (aw->state == S::Closed)
        raise_runtime_error(interp, aw->mode == M::Send ? "cannot reuse already awaited __anext__()/asend()"
                                                        : "cannot reuse already awaited aclose()/athrow()");
    if (aw->state == S::Init) {
        if (g->async_running)
            raise_runtime_error(interp, aw->mode == M::Send
                                            ? "anext(): asynchronous generator is already running"
                                            : "athrow(): asynchronous generator is already running");
        if (g->state == GenState::Closed || (aw->mode != M::Send && g->state == GenState::Created)) {
            aw->state = S::Closed;
            if (aw->mode == M::Close) raise_stop_iteration(interp, Value());
            if (aw->mode == M::Throw) throw PyException{aw->value};
            throw PyException{new_exception(interp, interp.exc.StopAsyncIteration, std::initializer_list<Value>{})};
        }
        aw->state = S::Iter;
        g->async_running = true;
        if (aw->mode == M::Send) {
            Value send = v == interp.none ? aw->value : v;
            return async_gen_outcome(interp, aw, resume_nested(interp, g, send ? send : interp.none, Value()));
        }
        Value exc = aw->mode == M::Close
                        ? Value(new_exception(interp, interp.exc.GeneratorExit, std::initializer_list<Value>{}))
                        : aw->value;
        return async_gen_outcome(interp, aw, resume_nested(interp, g, interp.none, exc));
    }
    return async_gen_outcome(interp, aw, resume_nested(interp, g, v, Value()));
}

Value aw_send(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "send", 2, 2);
    return awaitable_send_value(interp, self_awaitable(interp, a), a[1]);
}
Value aw_next(Interp& interp, Value self) {
    return awaitable_send_value(interp, static_cast<AsyncGenAwaitable*>(self.as_object()), interp.none);
}
Value aw_throw(Interp& interp, const CallArgs& a) {
    AsyncGenAwaitable* aw = self_awaitable(interp, a);
    Value exc = throw_argument(interp, a, 1);
    if (aw->state == AsyncGenAwaitable::State::Closed) raise_runtime_error(interp, "cannot reuse already awaited awaitable");
    if (aw->state == AsyncGenAwaitable::State::Init) {
        aw->state = AsyncGenAwaitable::State::Closed;
        throw PyException{exc};
    }
    return async_gen_outcome(interp, aw, resume_nested(interp, aw->gen, interp.none, exc));
}
Value aw_close(Interp& interp, const CallArgs& a) {
    self_awaitable(interp, a)->state = AsyncGenAwaitable::State::Closed;
    return interp.none;
}

Value make_awaitable(Interp& interp, Generator* g, AsyncGenAwaitable::Mode mode, Value v) {
    const VmTypes& vt = vm_of(interp).types;
    Type* t = mode == AsyncGenAwaitable::Mode::Send ? vt.async_generator_asend : vt.async_generator_athrow;
    return interp.heap.make<AsyncGenAwaitable>(t, g, mode, v);
}

Value ag_anext(Interp& interp, const CallArgs& a) {
    return make_awaitable(interp, self_gen(interp, a, "__anext__"), AsyncGenAwaitable::Mode::Send, interp.none);
}
Value ag_asend(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "asend", 2, 2);
    return make_awaitable(interp, self_gen(interp, a, "asend"), AsyncGenAwaitable::Mode::Send, a[1]);
}
Value ag_athrow(Interp& interp, const CallArgs& a) {
    Generator* g = self_gen(interp, a, "athrow");
    return make_awaitable(interp, g, AsyncGenAwaitable::Mode::Throw, throw_argument(interp, a, 1));
}
Value ag_aclose(Interp& interp, const CallArgs& a) {
    return make_awaitable(interp, self_gen(interp, a, "aclose"), AsyncGenAwaitable::Mode::Close, Value());
}
Value ag_aiter(Interp&, const CallArgs& a) { return a[0]; }

Type* new_type(Interp& interp, const char* name) {
    return new_builtin_type(interp, name, nullptr, 0);
}

}  // namespace

Value async_gen_wrap(Interp& interp, Value v) {
    return interp.heap.make<AsyncGenWrapped>(vm_of(interp).types.async_generator_wrapped_value, v);
}

Value async_gen_anext(Interp& interp, Value agen) {
    return make_awaitable(interp, static_cast<Generator*>(agen.as_object()), AsyncGenAwaitable::Mode::Send,
                          interp.none);
}

void init_generator_types(Interp& interp, VmTypes& t) {
    t.generator = new_type(interp, "generator");
    t.generator->slots.next = gen_next_slot;
    t.generator->slots.iter = gen_iter_slot;
    t.generator->slots.repr = gen_repr;
    add_method(interp, t.generator, "send", m_send);
    add_method(interp, t.generator, "throw", m_throw);
    add_method(interp, t.generator, "close", m_close);
    add_fields(interp, t.generator, "gi");
    finish_builtin_type(interp, t.generator);

    t.coroutine = new_type(interp, "coroutine");
    t.coroutine->slots.repr = gen_repr;
    add_method(interp, t.coroutine, "send", m_send);
    add_method(interp, t.coroutine, "throw", m_throw);
    add_method(interp, t.coroutine, "close", m_close);
    add_method(interp, t.coroutine, "__await__", coro_await);
    add_fields(interp, t.coroutine, "cr");
    finish_builtin_type(interp, t.coroutine);

    t.coroutine_wrapper = new_type(interp, "coroutine_wrapper");
    t.coroutine_wrapper->slots.next = wrapper_next;
    t.coroutine_wrapper->slots.iter = gen_iter_slot;
    add_method(interp, t.coroutine_wrapper, "send", wrapper_send);
    add_method(interp, t.coroutine_wrapper, "throw", wrapper_throw);
    add_method(interp, t.coroutine_wrapper, "close", wrapper_close);
    finish_builtin_type(interp, t.coroutine_wrapper);

    t.async_generator = new_type(interp, "async_generator");
    t.async_generator->slots.repr = gen_repr;
    add_method(interp, t.async_generator, "__aiter__", ag_aiter);
    add_method(interp, t.async_generator, "__anext__", ag_anext);
    add_method(interp, t.async_generator, "asend", ag_asend);
    add_method(interp, t.async_generator, "athrow", ag_athrow);
    add_method(interp, t.async_generator, "aclose", ag_aclose);
    add_fields(interp, t.async_generator, "ag");
    finish_builtin_type(interp, t.async_generator);

    for (Type** aw : {&t.async_generator_asend, &t.async_generator_athrow}) {
        *aw = new_type(interp, aw == &t.async_generator_asend ? "async_generator_asend"
                                                              : "async_generator_athrow");
        (*aw)->slots.next = aw_next;
        (*aw)->slots.iter = gen_iter_slot;
        add_method(interp, *aw, "send", aw_send);
        add_method(interp, *aw, "throw", aw_throw);
        add_method(interp, *aw, "close", aw_close);
        add_method(interp, *aw, "__await__", [](Interp&, const CallArgs& a) { return a[0]; });
        finish_builtin_type(interp, *aw);
    }
    t.async_generator_wrapped_value = new_type(interp, "async_generator_wrapped_value");
    finish_builtin_type(interp, t.async_generator_wrapped_value);
}

}  // namespace corio::py
