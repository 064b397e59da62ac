// vm.cpp — the dispatch loop (run_frame), and the VM's entry points: calls
// from C++, module execution, the frame chain and its tracing.
#include "py/vm.hpp"

#include <cstring>
#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/module.hpp"
#include "py/function.hpp"
#include "py/generator.hpp"
#include "py/int.hpp"
#include "py/iterators.hpp"
#include "py/list.hpp"
#include "py/never_awaited.hpp"
#include "py/protocols.hpp"
#include "py/range.hpp"
#include "py/set.hpp"
#include "py/slice.hpp"
#include "py/str.hpp"
#include "py/traceback.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm_caches.hpp"
#include "py/vm_ops.hpp"

namespace corio::py {

// ------------------------------------------------------------------ Vm

Vm::Vm(Interp& interp_) : ExternalRoot(interp_.heap), interp(interp_) {
    interp.vm = this;
    never_awaited = std::make_unique<NeverAwaited>(interp);
    types.code = new_builtin_type(interp, "code", nullptr, 0);
    init_code_type(interp, types.code);
    types.function = new_builtin_type(interp, "function", nullptr, kTypeMethodDescriptor);
    init_function_type(interp, types.function);
    init_generator_types(interp, types);
    init_traceback_types(interp, types);
    init_vm_builtins(interp);
}

Vm::~Vm() {
    if (interp.vm == this) interp.vm = nullptr;
}

void Vm::trace(Tracer& tracer) {
    for (Frame* f = current; f; f = f->back) f->trace(tracer);
    for (ExcState* s = exc_info; s; s = s->previous) tracer.visit(s->value);
    tracer.visit(builtin_next);
    tracer.visit(builtin_dir);
    tracer.visit(builtin_vars);
    tracer.visit(yield_once);
    tracer.visit(suspend.future);
    tracer.visit(suspend_throw);
}

namespace {

// The budget ran out at a safe point: preempt if this loop may stop and
// the embedder wants control back.
[[gnu::noinline]] bool out_of_budget(Vm& vm) {
    vm.budget = vm.budget_refill;
    if (vm.native_depth != vm.suspend_depth || !vm.should_yield) return false;
    if (!vm.should_yield(vm.yield_context)) return false;
    vm.suspend.kind = SuspendKind::Preempted;
    return true;
}

}  // namespace

Value Vm::handled_exception() const noexcept {
    for (const ExcState* s = exc_info; s; s = s->previous)
        if (s->value && s->value != interp.none) return s->value;
    return Value();
}

AllowCollection::AllowCollection(Interp& interp) noexcept : vm_(&vm_of(interp)), saved_(vm_->nogc) {
    vm_->nogc = 0;
}
AllowCollection::~AllowCollection() { vm_->nogc = saved_; }

Value recursion_error(Interp& interp, const char* detail) {
    return new_exception(interp, interp.exc.RecursionError,
                         std::string("maximum recursion depth exceeded") + detail);
}

void enter_frame(Vm& vm, Frame* frame) {
    if (vm.depth >= vm.interp.recursion_limit) throw PyException{recursion_error(vm.interp, "")};
    ++vm.depth;
    frame->back = vm.current;
    vm.current = frame;
}

void leave_frame(Vm& vm, Frame* frame) noexcept {
    --vm.depth;
    vm.current = frame->back;
    frame->back = nullptr;
}

void set_exception_context(Vm& vm, Value exc) {
    Value handled = vm.handled_exception();
    if (!handled || handled == exc || !is_exception(vm.interp, exc)) return;
    // Break a cycle exc -> ... -> exc that the new link would close.
    auto* o = static_cast<ExceptionObject*>(handled.as_object());
    for (int steps = 0; steps < 10000; ++steps) {
        Value ctx = o->context;
        if (!ctx) break;
        if (ctx == exc) {
            o->context = Value();
            break;
        }
        o = static_cast<ExceptionObject*>(ctx.as_object());
    }
    static_cast<ExceptionObject*>(exc.as_object())->context = handled;
}

namespace {

// C++ -> Python nesting: bounded (RecursionError) and closed to collection.
class NestedCall {
public:
    explicit NestedCall(Vm& vm) : vm_(vm) {
        if (vm.native_depth >= kMaxNativeDepth)
            throw PyException{recursion_error(vm.interp, " while calling a Python object")};
        ++vm.native_depth;
        ++vm.nogc;
    }
    ~NestedCall() {
        --vm_.native_depth;
        --vm_.nogc;
    }
    NestedCall(const NestedCall&) = delete;
    NestedCall& operator=(const NestedCall&) = delete;

private:
    Vm& vm_;
};

inline bool small_binary(BinaryOp op, int64_t a, int64_t b, int64_t& r) noexcept {
    int i = static_cast<int>(op);
    if (i >= kBinarySlotCount) i -= kBinarySlotCount;
    switch (static_cast<BinaryOp>(i)) {
        case BinaryOp::Add: r = a + b; break;
        case BinaryOp::Subtract: r = a - b; break;
        case BinaryOp::Multiply:
            if (__builtin_mul_overflow(a, b, &r)) return false;
            break;
        case BinaryOp::FloorDivide: {
            if (b == 0) return false;
            int64_t q = a / b;
            if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
            r = q;
            break;
        }
        case BinaryOp::Remainder: {
            if (b == 0) return false;
            int64_t m = a % b;
            if (m != 0 && ((m < 0) != (b < 0))) m += b;
            r = m;
            break;
        }
        case BinaryOp::And: r = a & b; break;
        case BinaryOp::Or: r = a | b; break;
        case BinaryOp::Xor: r = a ^ b; break;
        case BinaryOp::Lshift:
            if (b < 0 || b >= 62) return false;
            r = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
            if ((r >> b) != a) return false;
            break;
        case BinaryOp::Rshift:
            if (b < 0) return false;
            r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
            break;
        default: return false;
    }
    return Value::fits_small_int(r);
}

inline bool small_compare(CompareOp op, int64_t a, int64_t b) noexcept {
    switch (op) {
        case CompareOp::Lt: return a < b;
        case CompareOp::Le: return a <= b;
        case CompareOp::Eq: return a == b;
        case CompareOp::Ne: return a != b;
        case CompareOp::Gt: return a > b;
        case CompareOp::Ge: return a >= b;
    }
    return false;
}

inline bool is_true(Interp& interp, Value v) {
    if (v == interp.true_) return true;
    if (v == interp.false_ || v == interp.none) return false;
    if (v.is_small_int()) return v.as_small_int() != 0;
    return truthy(interp, v);
}

// A Python function called with `args`: a new frame with the arguments
// bound; or, for a generator/coroutine function, null with the new
// generator in `made`.
Frame* prepare_call(Interp& interp, Function* fn, const Value* args, std::size_t nargs,
                    Tuple* kwnames, Value& made) {
    Code* co = fn->code;
    Frame* nf = new_frame(co, fn, fn->globals, fn->builtins);
    if (!kwnames && static_cast<int>(nargs) == co->argcount &&
        !(co->flags & (kCoVarargs | kCoVarkeywords)) && co->kwonlyargcount == 0) {
        Value* locals = nf->slots();
        for (std::size_t i = 0; i < nargs; ++i) locals[i] = args[i];
    } else {
        try {
            bind_arguments(interp, fn, nf, args, nargs, kwnames);
        } catch (...) {
            free_frame(nf);
            throw;
        }
    }
    if (co->is_generator_like()) {
        made = make_generator(interp, nf);
        return nullptr;
    }
    return nf;
}

// The builtin called at `base` (CALL's [method, self] or [NULL, function])
// if it has an await_now (and a method applies to `self`, as call_builtin
// checks), else null.
inline BuiltinFunction* await_now_callee(Interp& interp, const Value* base) {
    if (!base[0]) {
        Value fn = base[1];
        if (!fn.is_object() || fn.as_object()->type() != interp.types.builtin_function) return nullptr;
        auto* bf = static_cast<BuiltinFunction*>(fn.as_object());
        return bf->await_now && !bf->self ? bf : nullptr;
    }
    Value callable = base[0];
    if (!callable.is_object() || callable.as_object()->type() != interp.types.method_descriptor) return nullptr;
    auto* bf = static_cast<BuiltinFunction*>(callable.as_object());
    if (!bf->await_now) return nullptr;
    Type* t = interp.type_of(base[1]);
    return t == bf->owner || is_subtype(t, bf->owner) ? bf : nullptr;
}

// The code at `next` (after a CALL) is `await`'s: GET_AWAITABLE,
// LOAD_CONST None, SEND, YIELD_VALUE (the compiler's shape; a SEND with an
// EXTENDED_ARG is not fused).
inline bool awaited_at_once(Interp& interp, const uint32_t* next, const Value* consts) {
    return word_op(next[1]) == Op::LOAD_CONST && consts[word_arg(next[1])] == interp.none &&
           word_op(next[2]) == Op::SEND && word_op(next[3]) == Op::YIELD_VALUE;
}

// The StopIteration escaping a generator becomes RuntimeError (PEP 479).
Value generator_exit_exception(Interp& interp, Generator* gen, Value exc) {
    const char* what = gen->kind == GenKind::Coroutine        ? "coroutine"
                       : gen->kind == GenKind::AsyncGenerator ? "async generator"
                                                              : "generator";
    std::string msg;
    if (exception_matches(interp, exc, interp.exc.StopIteration))
        msg = std::string(what) + " raised StopIteration";
    else if (gen->kind == GenKind::AsyncGenerator &&
             exception_matches(interp, exc, interp.exc.StopAsyncIteration))
        msg = std::string(what) + " raised StopAsyncIteration";
    else
        return exc;
    ExceptionObject* err = new_exception(interp, interp.exc.RuntimeError, msg);
    err->cause = exc;
    err->context = exc;
    return err;
}

}  // namespace

// The handling of a generator frame that ends (returns or raises) or
// suspends while run inline as a delegate: shared with generator.cpp.
void gen_frame_finished(Vm& vm, Generator* gen) noexcept;
void gen_frame_suspended(Vm& vm, Generator* gen) noexcept;
bool gen_link_delegate(Vm& vm, Generator* gen, Frame* awaiter, Value send);

// ------------------------------------------------------------ the loop

RunResult run_frame(Vm& vm, Frame* entry, Frame* start, Value throw_exc) {
    Interp& I = vm.interp;
    Frame* f = start;
    Code* co = nullptr;
    const uint32_t* code = nullptr;
    const uint32_t* pc = nullptr;
    Value* sp = nullptr;
    Value* locals = nullptr;
    const Value* consts = nullptr;
    Str* const* names = nullptr;
    Value exc;  // the exception being raised (error / exception_unwind)
    uint32_t word = 0;
    uint32_t arg = 0;

#define LOAD_FRAME()                      \
    do {                                  \
        co = f->code;                     \
        code = co->words;                 \
        pc = code + f->ip;                \
        locals = f->slots();              \
        sp = f->stack() + f->sp;          \
        consts = co->consts.data();       \
        names = co->names.data();         \
    } while (0)
#define SAVE_FRAME()                                        \
    do {                                                    \
        f->ip = static_cast<uint32_t>(pc - code);           \
        f->sp = static_cast<uint32_t>(sp - f->stack());     \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
#define JUMP_TO(target) (pc = code + (target))
#define SAFE_POINT()                                            \
    do {                                                        \
        if (vm.nogc == 0 && I.heap.wants_collection()) {        \
            SAVE_FRAME();                                       \
            I.collect();                                        \
        }                                                       \
        if (--vm.budget <= 0 && out_of_budget(vm)) {            \
            SAVE_FRAME();                                       \
            return {Exit::Suspended, Value()};                  \
        }                                                       \
    } while (0)

    LOAD_FRAME();
    if (throw_exc) {
        exc = throw_exc;
        goto error;
    }

resume:
    try {
        for (;;) {
            word = *pc++;
            arg = word_arg(word);
        dispatch:
            switch (word_op(word)) {
                case Op::NOP: break;
                case Op::EXTENDED_ARG: {
                    word = *pc++;
                    arg = (arg << 24) | word_arg(word);
                    goto dispatch;
                }
                case Op::POP_TOP: --sp; break;
                case Op::POP_TOP_EXPR: {
                    // An expression statement's value, freed here by CPython:
                    // a coroutine never started is reported (never_awaited.hpp).
                    Value v = POP();
                    if (v.is_object() && (v.as_object()->type() == vm.types.coroutine ||
                                          v.as_object()->type()->slots.am_send)) {
                        SAVE_FRAME();
                        expression_value_dropped(I, f, v);
                    }
                    break;
                }
                case Op::COPY: {
                    Value v = PEEK(arg);
                    PUSH(v);
                    break;
                }
                case Op::SWAP: {
                    Value t = TOP();
                    TOP() = PEEK(arg);
                    PEEK(arg) = t;
                    break;
                }
                case Op::PUSH_NULL: PUSH(Value()); break;

                // ---------------------------------------------- variables
                case Op::LOAD_CONST: PUSH(consts[arg]); break;
                case Op::LOAD_FAST: {
                    Value v = locals[arg];
                    if (!v) raise_unbound_local(I, co->varnames[arg]);
                    PUSH(v);
                    // What commonly follows, in this dispatch: a second
                    // LOAD_FAST (`a + b`) or a method found in the cache
                    // (`q.put(...)`). Anything else (an unbound local, a
                    // cache miss) is left to its own instruction.
                    const uint32_t next = *pc;
                    if (word_op(next) == Op::LOAD_FAST) {
                        if (Value w = locals[word_arg(next)]) {
                            PUSH(w);
                            ++pc;
                        }
                    } else if (word_op(next) == Op::LOAD_METHOD) {
                        if (Value m = cached_method(co, word_arg(next), v)) {
                            TOP() = m;
                            PUSH(v);
                            ++pc;
                        }
                    }
                    break;
                }
                case Op::STORE_FAST: locals[arg] = POP(); break;
                case Op::DELETE_FAST:
                    if (!locals[arg]) raise_unbound_local(I, co->varnames[arg]);
                    locals[arg] = Value();
                    break;
                case Op::MAKE_CELL: {
                    int src = co->cell_arg[arg];
                    f->cells()[arg] = make_cell(I, src >= 0 ? locals[src] : Value());
                    break;
                }
                case Op::LOAD_CLOSURE: PUSH(f->cells()[arg]); break;
                case Op::LOAD_DEREF: {
                    Value v = static_cast<Cell*>(f->cells()[arg].as_object())->contents;
                    if (!v) raise_free_var_error(I, co, arg);
                    PUSH(v);
                    break;
                }
                case Op::LOAD_CLASSDEREF: {
                    Str* name = arg < co->cellvars.size()
                                    ? co->cellvars[arg]
                                    : co->freevars[arg - co->cellvars.size()];
                    Value v;
                    if (f->locals_map()) {
                        if (is_dict(I, f->locals_map())) {
                            v = static_cast<Dict*>(f->locals_map().as_object())->get(I, name);
                        } else {
                            try {
                                v = getitem(I, f->locals_map(), name);
                            } catch (const PyException& e) {
                                if (!exception_matches(I, e.exc, I.exc.KeyError)) throw;
                            }
                        }
                    }
                    if (!v) {
                        v = static_cast<Cell*>(f->cells()[arg].as_object())->contents;
                        if (!v) raise_free_var_error(I, co, arg);
                    }
                    PUSH(v);
                    break;
                }
                case Op::STORE_DEREF:
                    static_cast<Cell*>(f->cells()[arg].as_object())->contents = POP();
                    break;
                case Op::DELETE_DEREF: {
                    auto* cell = static_cast<Cell*>(f->cells()[arg].as_object());
                    if (!cell->contents) raise_free_var_error(I, co, arg);
                    cell->contents = Value();
                    break;
                }
                case Op::COPY_FREE_VARS: {
                    Tuple* closure = f->func ? f->func->closure : nullptr;
                    Value* cells = f->cells() + co->ncells;
                    for (uint32_t i = 0; i < arg && closure && i < closure->size(); ++i)
                        cells[i] = (*closure)[i];
                    break;
                }
                case Op::LOAD_GLOBAL: {
                    Value v = hinted_get(co, arg, f->globals);
                    if (!v) {
                        v = f->builtins->get_str(names[arg]);
                        if (!v) raise_name_error(I, names[arg]);
                    }
                    PUSH(v);
                    break;
                }
                case Op::STORE_GLOBAL: hinted_set(I, co, arg, f->globals, POP()); break;
                case Op::DELETE_GLOBAL:
                    if (!f->globals->remove(I, names[arg])) raise_name_error(I, names[arg]);
                    break;
                case Op::LOAD_NAME: PUSH(load_name(I, f, names[arg])); break;
                case Op::STORE_NAME: {
                    Value v = POP();
                    store_name(I, f, names[arg], v);
                    break;
                }
                case Op::DELETE_NAME: delete_name(I, f, names[arg]); break;
                case Op::LOAD_ATTR:
                    if (Value v = module_attribute(I, co, arg, TOP())) TOP() = v;
                    else TOP() = getattr(I, TOP(), names[arg]);
                    break;
                case Op::STORE_ATTR: {
                    Value obj = POP();
                    Value v = POP();
                    setattr(I, obj, names[arg], v);
                    break;
                }
                case Op::DELETE_ATTR: delattr(I, POP(), names[arg]); break;
                case Op::LOAD_METHOD: {
                    Value obj = TOP();
                    if (Value m = cached_method(co, arg, obj)) {
                        TOP() = m;
                        PUSH(obj);
                        break;
                    }
                    if (Value v = module_attribute(I, co, arg, obj)) {  // `asyncio.sleep(...)`
                        TOP() = Value();
                        PUSH(v);
                        break;
                    }
                    Value self;
                    Value m = load_method_uncached(I, co, arg, obj, self);
                    if (self) {
                        TOP() = m;
                        PUSH(self);
                    } else {
                        TOP() = Value();
                        PUSH(m);
                    }
                    break;
                }
                case Op::LOAD_ASSERTION_ERROR: PUSH(I.exc.AssertionError); break;
                case Op::LOAD_BUILD_CLASS: {
                    Value v = f->builtins->get_str(I, "__build_class__");
                    if (!v) raise(I, I.exc.NameError, "__build_class__ not found");
                    PUSH(v);
                    break;
                }
                case Op::SETUP_ANNOTATIONS: {
                    Str* key = I.names.annotations;
                    if (f->locals_map() && is_dict(I, f->locals_map())) {
                        auto* d = static_cast<Dict*>(f->locals_map().as_object());
                        if (!d->get_str(key)) d->set_str(I, key, make_dict(I));
                    } else if (f->locals_map()) {
                        if (!contains(I, f->locals_map(), key)) setitem(I, f->locals_map(), key, make_dict(I));
                    }
                    break;
                }

                // ---------------------------------------------- operators
                case Op::UNARY_POSITIVE: TOP() = unary_op(I, TOP(), UnaryOp::Positive); break;
                case Op::UNARY_NEGATIVE: {
                    Value v = TOP();
                    if (v.is_small_int() && v.as_small_int() != Value::kMinSmallInt)
                        TOP() = Value::small_int(-v.as_small_int());
                    else
                        TOP() = unary_op(I, v, UnaryOp::Negative);
                    break;
                }
                case Op::UNARY_NOT: TOP() = I.boolean(!is_true(I, TOP())); break;
                case Op::UNARY_INVERT: TOP() = unary_op(I, TOP(), UnaryOp::Invert); break;
                case Op::BINARY_OP: {
                    Value b = POP();
                    Value a = TOP();
                    int64_t r;
                    if (a.is_small_int() && b.is_small_int() &&
                        small_binary(static_cast<BinaryOp>(arg), a.as_small_int(), b.as_small_int(), r)) {
                        // `total += x`: the STORE_FAST that follows, here.
                        if (word_op(*pc) == Op::STORE_FAST) {
                            locals[word_arg(*pc++)] = Value::small_int(r);
                            --sp;
                        } else {
                            TOP() = Value::small_int(r);
                        }
                    } else {
                        TOP() = binary_op(I, a, b, static_cast<BinaryOp>(arg));
                    }
                    break;
                }
                case Op::COMPARE_OP: {
                    Value b = POP();
                    Value a = TOP();
                    if (a.is_small_int() && b.is_small_int())
                        TOP() = I.boolean(small_compare(static_cast<CompareOp>(arg), a.as_small_int(),
                                                        b.as_small_int()));
                    else
                        TOP() = compare(I, a, b, static_cast<CompareOp>(arg));
                    break;
                }
                case Op::IS_OP: {
                    Value b = POP();
                    TOP() = I.boolean((TOP() == b) != (arg != 0));
                    break;
                }
                case Op::CONTAINS_OP: {
                    Value container = POP();
                    TOP() = I.boolean(contains(I, container, TOP()) != (arg != 0));
                    break;
                }
                case Op::BINARY_SUBSCR: {
                    Value key = POP();
                    Value obj = TOP();
                    if (key.is_small_int() && obj.is_object() && obj.as_object()->type() == I.types.list) {
                        auto* l = static_cast<List*>(obj.as_object());
                        int64_t i = key.as_small_int();
                        if (normalize_index(i, static_cast<int64_t>(l->size()))) {
                            TOP() = (*l)[static_cast<std::size_t>(i)];
                            break;
                        }
                    }
                    TOP() = getitem(I, obj, key);
                    break;
                }
                case Op::STORE_SUBSCR: {
                    Value key = POP();
                    Value obj = POP();
                    Value v = POP();
                    setitem(I, obj, key, v);
                    break;
                }
                case Op::DELETE_SUBSCR: {
                    Value key = POP();
                    Value obj = POP();
                    delitem(I, obj, key);
                    break;
                }
                case Op::BUILD_SLICE: {
                    Value step = arg == 3 ? POP() : I.none;
                    Value stop = POP();
                    TOP() = make_slice(I, TOP(), stop, step);
                    break;
                }

                // ----------------------------------------------- building
                case Op::BUILD_TUPLE: {
                    Tuple* t = make_tuple(I, sp - arg, arg);
                    sp -= arg;
                    PUSH(t);
                    break;
                }
                case Op::BUILD_LIST: {
                    List* l = make_list(I, sp - arg, arg);
                    sp -= arg;
                    PUSH(l);
                    break;
                }
                case Op::BUILD_SET: {
                    Set* s = make_set(I);
                    for (uint32_t i = arg; i > 0; --i) s->add(I, PEEK(i));
                    sp -= arg;
                    PUSH(s);
                    break;
                }
                case Op::BUILD_MAP: {
                    Dict* d = make_dict(I);
                    for (uint32_t i = 2 * arg; i > 0; i -= 2) d->set(I, PEEK(i), PEEK(i - 1));
                    sp -= 2 * arg;
                    PUSH(d);
                    break;
                }
                case Op::BUILD_CONST_KEY_MAP: {
                    auto* keys = static_cast<Tuple*>(POP().as_object());
                    Dict* d = make_dict(I);
                    for (uint32_t i = 0; i < arg; ++i) d->set(I, (*keys)[i], PEEK(arg - i));
                    sp -= arg;
                    PUSH(d);
                    break;
                }
                case Op::BUILD_STRING: {
                    Value s = build_string(I, sp - arg, arg);
                    sp -= arg;
                    PUSH(s);
                    break;
                }
                case Op::LIST_APPEND: {
                    Value v = POP();
                    static_cast<List*>(PEEK(arg).as_object())->append(I, v);
                    break;
                }
                case Op::SET_ADD: {
                    Value v = POP();
                    static_cast<Set*>(PEEK(arg).as_object())->add(I, v);
                    break;
                }
                case Op::MAP_ADD: {
                    Value v = POP();
                    Value k = POP();
                    static_cast<Dict*>(PEEK(arg).as_object())->set(I, k, v);
                    break;
                }
                case Op::LIST_EXTEND: {
                    Value it = POP();
                    list_extend(I, PEEK(arg), it);
                    break;
                }
                case Op::SET_UPDATE: {
                    Value it = POP();
                    static_cast<Set*>(PEEK(arg).as_object())->update_from(I, it);
                    break;
                }
                case Op::DICT_UPDATE: {
                    Value m = POP();
                    dict_update_op(I, PEEK(arg), m);
                    break;
                }
                case Op::DICT_MERGE: {
                    Value m = POP();
                    dict_merge(I, PEEK(arg), m, PEEK(arg + 2));
                    break;
                }
                case Op::LIST_TO_TUPLE: {
                    auto* l = static_cast<List*>(TOP().as_object());
                    TOP() = make_tuple(I, l->items(), l->size());
                    break;
                }
                case Op::FORMAT_VALUE: {
                    Value spec = (arg & kFormatHasSpec) ? POP() : Value();
                    Value v = TOP();
                    if ((arg & 3) == kFormatConvNone && !spec && v.is_object() &&
                        v.as_object()->type() == I.types.str)
                        break;
                    TOP() = format_value(I, v, arg & 3, spec);
                    break;
                }
                case Op::UNPACK_SEQUENCE: {
                    Value seq = TOP();
                    if (seq.is_object() && arg == 2 && seq.as_object()->type() == I.types.tuple &&
                        static_cast<Tuple*>(seq.as_object())->size() == 2) {
                        auto* t = static_cast<Tuple*>(seq.as_object());
                        TOP() = (*t)[1];
                        PUSH((*t)[0]);
                        break;
                    }
                    --sp;
                    unpack_sequence(I, seq, arg, sp);
                    sp += arg;
                    break;
                }
                case Op::UNPACK_EX: {
                    Value seq = POP();
                    sp += unpack_ex(I, seq, arg & 0xFFu, arg >> 8, sp);
                    break;
                }

                // ------------------------------------------- control flow
                case Op::JUMP:
                    if (code + arg < pc) {
                        JUMP_TO(arg);
                        SAFE_POINT();
                        // A `for` loop's back edge: its FOR_ITER, by a
                        // direct jump rather than the dispatch's.
                        if (word_op(*pc) == Op::FOR_ITER) {
                            word = *pc++;
                            arg = word_arg(word);
                            goto for_iter;
                        }
                    } else {
                        JUMP_TO(arg);
                    }
                    break;
                case Op::POP_JUMP_IF_FALSE:
                    if (!is_true(I, POP())) JUMP_TO(arg);
                    break;
                case Op::POP_JUMP_IF_TRUE:
                    if (is_true(I, POP())) JUMP_TO(arg);
                    break;
                case Op::POP_JUMP_IF_NONE:
                    if (POP() == I.none) JUMP_TO(arg);
                    break;
                case Op::POP_JUMP_IF_NOT_NONE:
                    if (POP() != I.none) JUMP_TO(arg);
                    break;
                case Op::JUMP_IF_FALSE_OR_POP:
                    if (!is_true(I, TOP())) JUMP_TO(arg);
                    else --sp;
                    break;
                case Op::JUMP_IF_TRUE_OR_POP:
                    if (is_true(I, TOP())) JUMP_TO(arg);
                    else --sp;
                    break;
                case Op::GET_ITER: {
                    Value v = TOP();
                    if (!(v.is_object() && v.as_object()->type() == vm.types.generator))
                        TOP() = iter(I, v);
                    break;
                }
                case Op::FOR_ITER:
                for_iter : {
                    Value it = TOP();
                    if (it.is_object()) {
                        Type* t = it.as_object()->type();
                        if (t == I.types.range_iterator) {
                            auto* r = static_cast<RangeIterator*>(it.as_object());
                            if (r->remaining > 0) {
                                int64_t v = r->next;
                                r->next += r->step;
                                --r->remaining;
                                Value item = Value::fits_small_int(v) ? Value::small_int(v) : make_int(I, v);
                                // `for i in range(...)`: the STORE_FAST that
                                // follows, done here (one dispatch less).
                                if (word_op(*pc) == Op::STORE_FAST) {
                                    locals[word_arg(*pc++)] = item;
                                } else {
                                    PUSH(item);
                                }
                                break;
                            }
                            --sp;
                            JUMP_TO(arg);
                            break;
                        }
                        if (t == I.types.list_iterator) {
                            auto* si = static_cast<SeqIterator*>(it.as_object());
                            if (si->seq) {
                                auto* l = static_cast<List*>(si->seq.as_object());
                                if (si->index < l->size()) {
                                    PUSH((*l)[si->index++]);
                                    break;
                                }
                                si->seq = Value();
                            }
                            --sp;
                            JUMP_TO(arg);
                            break;
                        }
                        if (t == I.types.tuple_iterator) {
                            auto* si = static_cast<SeqIterator*>(it.as_object());
                            if (si->seq) {
                                auto* tu = static_cast<Tuple*>(si->seq.as_object());
                                if (si->index < tu->size()) {
                                    PUSH((*tu)[si->index++]);
                                    break;
                                }
                                si->seq = Value();
                            }
                            --sp;
                            JUMP_TO(arg);
                            break;
                        }
                        if (t == vm.types.generator) {
                            auto* g = static_cast<Generator*>(it.as_object());
                            if (g->state == GenState::Closed) {
                                --sp;
                                JUMP_TO(arg);
                                break;
                            }
                            // Run it inline: its yield comes back here.
                            SAVE_FRAME();
                            if (gen_link_delegate(vm, g, f, I.none)) {
                                f = g->frame;
                                LOAD_FRAME();
                                SAFE_POINT();
                                break;
                            }
                        }
                    }
                    Value v = iter_next(I, it);
                    if (v) {
                        PUSH(v);
                    } else {
                        --sp;
                        JUMP_TO(arg);
                    }
                    break;
                }

                // ------------------------------------- functions and calls
                case Op::MAKE_FUNCTION: {
                    int extra = 0;
                    for (uint32_t bit : {kFnDefaults, kFnKwDefaults, kFnAnnotations, kFnClosure})
                        if (arg & bit) ++extra;
                    Value* operands = sp - extra - 1;
                    Value fn = make_function_op(I, f, arg, operands);
                    sp = operands;
                    PUSH(fn);
                    break;
                }
                case Op::CALL:
                    // `await q.get()`, `await asyncio.sleep(0)` and the like,
                    // run at once when the operation need not wait: no
                    // coroutine is made.
                    if (word_op(*pc) == Op::GET_AWAITABLE) {
                        Value* base = sp - arg - 2;
                        if (BuiltinFunction* bf = await_now_callee(I, base); bf && awaited_at_once(I, pc, consts)) {
                            SAVE_FRAME();
                            const bool method = static_cast<bool>(base[0]);
                            CallArgs call{method ? base + 1 : base + 2, method ? arg + 1 : arg, nullptr, bf};
                            if (Value out; bf->await_now(I, call, out)) {
                                sp = base;
                                if (out == vm.yield_once) {
                                    // The await yields None from its YIELD_VALUE,
                                    // as if SEND had; resumed, SEND finishes it.
                                    PUSH(out);
                                    PUSH(I.none);
                                    pc += 3;
                                    break;
                                }
                                PUSH(out);
                                JUMP_TO(word_arg(pc[2]));  // where SEND goes when the awaitable is done
                                // `await q.put(x)` as a statement: its None
                                // dropped here (POP_TOP_EXPR's work is nil).
                                if (out == I.none && word_op(*pc) == Op::POP_TOP_EXPR) {
                                    --sp;
                                    ++pc;
                                }
                                break;
                            }
                        }
                    }
                    [[fallthrough]];
                case Op::CALL_KW:
                case Op::CALL_FUNCTION_EX: {
                    Tuple* kwnames = nullptr;
                    Value* base;
                    Value callable;
                    const Value* argv;
                    std::size_t nargs;
                    std::vector<Value> flat;
                    if (word_op(word) == Op::CALL_FUNCTION_EX) {
                        Value kwargs = (arg & 1) ? POP() : Value();
                        Value args = POP();
                        base = sp - 2;
                        callable = base[1];
                        flatten_call_ex(I, callable, args, kwargs, flat, kwnames);
                        argv = flat.data();
                        nargs = flat.size() - (kwnames ? kwnames->size() : 0);
                        // Keep the flattened tuple and dict alive on the stack
                        // while the call runs (sp covers them).
                        PUSH(args);
                        if (kwargs) PUSH(kwargs);
                    } else {
                        if (word_op(word) == Op::CALL_KW) kwnames = static_cast<Tuple*>(POP().as_object());
                        base = sp - arg - 2;
                        const std::size_t nkw = kwnames ? kwnames->size() : 0;
                        if (!base[0] && base[1].is_object() &&
                            base[1].as_object()->type() == I.types.method) {
                            auto* bm = static_cast<BoundMethod*>(base[1].as_object());
                            base[0] = bm->func;
                            base[1] = bm->self;
                        }
                        if (base[0]) {
                            callable = base[0];
                            argv = base + 1;
                            nargs = arg + 1 - nkw;
                        } else {
                            callable = base[1];
                            argv = base + 2;
                            nargs = arg - nkw;
                        }
                    }
                    if (callable.is_object() && callable.as_object()->type() == vm.types.function) {
                        auto* fn = static_cast<Function*>(callable.as_object());
                        Value made;
                        Frame* nf = prepare_call(I, fn, argv, nargs, kwnames, made);
                        sp = base;
                        if (!nf) {
                            PUSH(made);
                            break;
                        }
                        SAVE_FRAME();
                        if (vm.depth >= I.recursion_limit) {
                            free_frame(nf);
                            throw PyException{recursion_error(I, "")};
                        }
                        ++vm.depth;
                        nf->back = f;
                        vm.current = nf;
                        f = nf;
                        LOAD_FRAME();
                        SAFE_POINT();
                        break;
                    }
                    // A class whose __init__ is a Python function and whose
                    // __new__ is object's: make the instance, then run
                    // __init__ inline (no C++ recursion), the instance
                    // waiting on the caller's stack.
                    if (word_op(word) == Op::CALL && !base[0] && callable.is_object() &&
                        callable.as_object()->type() == I.types.type) {
                        auto* cls = static_cast<Type*>(callable.as_object());
                        Value init = type_lookup(I, cls, I.names.init);
                        if (init && init.is_object() && init.as_object()->type() == vm.types.function &&
                            cls->slots.new_ &&
                            type_lookup(I, cls, I.names.new_) == type_lookup(I, I.types.object, I.names.new_)) {
                            Value self = cls->slots.new_(I, cls, argv, nargs, kwnames);
                            base[0] = self;
                            base[1] = self;  // __init__'s arguments: self, a1..an
                            Value made;
                            Frame* nf = prepare_call(I, static_cast<Function*>(init.as_object()), base + 1,
                                                     nargs + 1, kwnames, made);
                            if (!nf)
                                raise_type_error(I, "__init__() should return None, not '" +
                                                        std::string(type_name(I, made)) + "'");
                            sp = base + 1;
                            SAVE_FRAME();
                            if (vm.depth >= I.recursion_limit) {
                                free_frame(nf);
                                throw PyException{recursion_error(I, "")};
                            }
                            ++vm.depth;
                            nf->back = f;
                            nf->flags |= kFrameInit;
                            vm.current = nf;
                            f = nf;
                            LOAD_FRAME();
                            SAFE_POINT();
                            break;
                        }
                    }
                    SAVE_FRAME();
                    vm.direct_callee = callable.is_object() ? callable.as_object() : nullptr;
                    Value r = call(I, callable, argv, nargs, kwnames);
                    vm.direct_callee = nullptr;
                    sp = base;
                    PUSH(r);
                    if (vm.suspend.kind != SuspendKind::None) [[unlikely]] {
                        // A builtin (time.sleep, run_until_complete) asked
                        // to suspend; its result waits on the stack.
                        SAVE_FRAME();
                        return {Exit::Suspended, Value()};
                    }
                    break;
                }
                case Op::RETURN_VALUE: {
                    Value v = POP();
                    if (f == entry) {
                        SAVE_FRAME();
                        return {Exit::Returned, v};
                    }
                    Frame* back = f->back;
                    Generator* g = f->gen;
                    const bool delegate = (f->flags & kFrameDelegate) != 0;
                    const bool init = (f->flags & kFrameInit) != 0;
                    if (g) {
                        gen_frame_finished(vm, g);  // unlinks and frees the frame
                    } else {
                        leave_frame(vm, f);
                        free_frame(f);
                    }
                    f = back;
                    LOAD_FRAME();
                    if (delegate) {
                        // The awaiting frame sits after a SEND or a FOR_ITER.
                        const uint32_t at = static_cast<uint32_t>(pc - code) - 1;
                        if (word_op(code[at]) == Op::FOR_ITER) {
                            --sp;
                            JUMP_TO(co->full_arg(at));
                        } else {
                            TOP() = v;
                            JUMP_TO(co->full_arg(at));
                        }
                    } else if (init) {
                        // The instance is on the stack already.
                        if (v != I.none)
                            raise_type_error(I, "__init__() should return None, not '" +
                                                    std::string(type_name(I, v)) + "'");
                    } else {
                        PUSH(v);
                    }
                    break;
                }

                // -------------------------------- generators and coroutines
                case Op::YIELD_VALUE: {
                    Value v = POP();
                    if (f == entry) {
                        SAVE_FRAME();
                        return {Exit::Yielded, v};
                    }
                    // A delegate: its awaiting frame gets the value (after a
                    // SEND it then yields it in turn; after FOR_ITER it is
                    // the next item).
                    SAVE_FRAME();
                    Frame* back = f->back;
                    gen_frame_suspended(vm, f->gen);
                    f = back;
                    LOAD_FRAME();
                    PUSH(v);
                    break;
                }
                case Op::GET_AWAITABLE: TOP() = get_awaitable(I, TOP(), arg); break;
                case Op::GET_YIELD_FROM_ITER: TOP() = get_yield_from_iter(I, TOP(), co); break;
                case Op::SEND: {
                    Value v = POP();
                    Value sub = TOP();
                    if (sub.is_object()) {
                        Type* t = sub.as_object()->type();
                        if (t == vm.types.generator || t == vm.types.coroutine) {
                            auto* g = static_cast<Generator*>(sub.as_object());
                            SAVE_FRAME();
                            if (gen_link_delegate(vm, g, f, v)) {
                                f = g->frame;
                                LOAD_FRAME();
                                break;
                            }
                            // Finished already: it returns None.
                            TOP() = I.none;
                            JUMP_TO(arg);
                            break;
                        }
                    }
                    SAVE_FRAME();
                    Value out;
                    if (send_to_iterator(I, sub, v, out)) {
                        PUSH(out);
                    } else {
                        TOP() = out;
                        JUMP_TO(arg);
                    }
                    break;
                }
                case Op::GET_AITER: TOP() = get_aiter(I, TOP()); break;
                case Op::GET_ANEXT: {
                    Value a = get_anext(I, TOP());
                    PUSH(a);
                    break;
                }
                case Op::END_ASYNC_FOR: {
                    Value e = POP();
                    if (exception_matches(I, e, I.exc.StopAsyncIteration)) {
                        --sp;
                        break;
                    }
                    exc = e;
                    goto exception_unwind;
                }
                case Op::ASYNC_GEN_WRAP: TOP() = async_gen_wrap(I, TOP()); break;

                // ---------------------------------------------- exceptions
                case Op::RAISE_VARARGS: {
                    if (arg == 0) {
                        Value current = vm.handled_exception();
                        if (!current) raise_runtime_error(I, "No active exception to reraise");
                        exc = current;
                        goto exception_unwind;
                    }
                    Value cause = arg == 2 ? POP() : Value();
                    Value e = POP();
                    exc = make_raise(I, e, cause, arg == 2);
                    set_exception_context(vm, exc);
                    goto error;
                }
                case Op::RERAISE:
                    // The handler search goes on from this instruction (as
                    // CPython's, which restores f_lasti only for display).
                    exc = POP();
                    goto exception_unwind;
                case Op::PUSH_EXC_INFO: {
                    Value e = TOP();
                    Value prev = vm.exc_info->value;
                    TOP() = prev ? prev : I.none;
                    PUSH(e);
                    vm.exc_info->value = e;
                    break;
                }
                case Op::POP_EXCEPT: {
                    Value prev = POP();
                    vm.exc_info->value = prev == I.none ? Value() : prev;
                    break;
                }
                case Op::CHECK_EXC_MATCH: {
                    Value type = TOP();
                    TOP() = I.boolean(exception_match_op(I, PEEK(2), type));
                    break;
                }
                case Op::CHECK_EG_MATCH: {
                    Value type = POP();
                    Value rest, match;
                    if (!exception_group_match(I, TOP(), type, rest, match)) {
                        PUSH(I.none);
                    } else {
                        TOP() = rest;
                        PUSH(match);
                        vm.exc_info->value = match;
                    }
                    break;
                }
                case Op::PREP_RERAISE_STAR: {
                    Value list = POP();
                    TOP() = prep_reraise_star(I, TOP(), list);
                    break;
                }
                case Op::BEFORE_WITH:
                case Op::BEFORE_ASYNC_WITH: {
                    Value exit, entered;
                    before_with(I, TOP(), word_op(word) == Op::BEFORE_ASYNC_WITH, exit, entered);
                    TOP() = exit;
                    PUSH(entered);
                    break;
                }
                case Op::WITH_EXCEPT_START: {
                    Value e = TOP();
                    Value exit = PEEK(4);
                    Value tb = is_exception(I, e) ? static_cast<ExceptionObject*>(e.as_object())->traceback
                                                  : Value();
                    Value args[3] = {I.type_of(e), e, tb ? tb : I.none};
                    SAVE_FRAME();
                    Value r = call(I, exit, args, 3);
                    PUSH(r);
                    break;
                }

                // ---------------------------- imports, classes, matching
                case Op::IMPORT_NAME: {
                    Value fromlist = POP();
                    Value level = TOP();
                    SAVE_FRAME();
                    TOP() = import_name(I, f, names[arg], fromlist, level);
                    break;
                }
                case Op::IMPORT_FROM: {
                    Value v = import_from(I, TOP(), names[arg]);
                    PUSH(v);
                    break;
                }
                case Op::IMPORT_STAR: import_star(I, f, POP()); break;
                case Op::GET_LEN: {
                    Value n = make_int(I, len(I, TOP()));
                    PUSH(n);
                    break;
                }
                case Op::MATCH_MAPPING: {
                    bool m = match_mapping(I, TOP());
                    PUSH(I.boolean(m));
                    break;
                }
                case Op::MATCH_SEQUENCE: {
                    bool m = match_sequence(I, TOP());
                    PUSH(I.boolean(m));
                    break;
                }
                case Op::MATCH_KEYS: {
                    Value values = match_keys(I, PEEK(2), TOP());
                    PUSH(values);
                    break;
                }
                case Op::MATCH_CLASS: {
                    Value kwnames = POP();
                    Value cls = POP();
                    TOP() = match_class(I, TOP(), cls, kwnames, arg);
                    break;
                }
                case Op::COPY_DICT_WITHOUT_KEYS: {
                    TOP() = copy_dict_without_keys(I, PEEK(2), TOP());
                    break;
                }
            }
        }
    } catch (const PyException& e) {
        exc = e.exc;
        set_exception_context(vm, exc);
    } catch (...) {
        // NumberError and HeapExhausted become Python exceptions; anything
        // else is a bug, but must not leave the frame chain half unwound.
        try {
            exc = exception_from_current(I);
        } catch (...) {
            exc = new_exception(I, I.exc.SystemError, "unexpected C++ exception in the interpreter");
        }
        set_exception_context(vm, exc);
    }

error:
    add_traceback(I, exc, f, pc > code ? static_cast<uint32_t>(pc - code) - 1 : 0);

exception_unwind:
    for (;;) {
        {
            const uint32_t lasti = pc > code ? static_cast<uint32_t>(pc - code) - 1 : 0;
            const ExceptionEntry* h = co->handler_for(lasti);
            if (h) {
                sp = f->stack() + h->depth;
                if (h->push_lasti) PUSH(Value::small_int(lasti));
                PUSH(exc);
                exc = Value();
                JUMP_TO(h->handler);
                goto resume;
            }
        }
        if (f == entry) {
            SAVE_FRAME();
            return {Exit::Raised, exc};
        }
        Frame* back = f->back;
        if (Generator* g = f->gen) {
            exc = generator_exit_exception(I, g, exc);
            gen_frame_finished(vm, g);
        } else {
            leave_frame(vm, f);
            free_frame(f);
        }
        f = back;
        LOAD_FRAME();
        add_traceback(I, exc, f, pc > code ? static_cast<uint32_t>(pc - code) - 1 : 0);
    }
#undef LOAD_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef JUMP_TO
#undef SAFE_POINT
}

// ---------------------------------------------------------- entry points

Value call_function(Interp& interp, Function* fn, const Value* args, std::size_t nargs,
                    Tuple* kwnames) {
    Vm& vm = vm_of(interp);
    NestedCall nested(vm);
    Value made;
    Frame* f = prepare_call(interp, fn, args, nargs, kwnames, made);
    if (!f) return made;
    try {
        enter_frame(vm, f);
    } catch (...) {
        free_frame(f);
        throw;
    }
    RunResult r = run_frame(vm, f, f, Value());
    leave_frame(vm, f);
    free_frame(f);
    if (r.exit == Exit::Raised) throw PyException{r.value};
    return r.value;
}

Value run_module_code(Interp& interp, Code* code, Dict* globals) {
    Vm& vm = vm_of(interp);
    if (!globals->get_str(interp.names.builtins))
        globals->set_str(interp, interp.names.builtins, interp.builtins_module
                                                            ? Value(interp.builtins_module)
                                                            : Value(interp.builtins));
    Frame* f = new_frame(code, nullptr, globals, interp.builtins, globals);
    try {
        enter_frame(vm, f);
    } catch (...) {
        free_frame(f);
        throw;
    }
    ++vm.native_depth;
    RunResult r = run_frame(vm, f, f, Value());
    --vm.native_depth;
    leave_frame(vm, f);
    free_frame(f);
    if (r.exit == Exit::Raised) throw PyException{r.value};
    return r.value;
}

}  // namespace corio::py
