// vm_ops.cpp — out-of-line work of the dispatch loop's instructions, with
// CPython 3.11's error messages (ceval.c).
#include "py/vm_ops.hpp"

#include <string>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/function.hpp"
#include "py/generator.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/never_awaited.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {

std::string tname(Interp& interp, Value v) { return std::string(type_name(interp, v)); }

// iter(v), with TypeError `message` when v is not iterable.
Value iter_or(Interp& interp, Value v, const std::string& message) {
    try {
        return iter(interp, v);
    } catch (const PyException& e) {
        if (!exception_matches(interp, e.exc, interp.exc.TypeError)) throw;
        raise_type_error(interp, message);
    }
}

bool exact(Interp& interp, Value v, Type* t) {
    (void)interp;
    return v.is_object() && v.as_object()->type() == t;
}

// Calls fn and turns StopIteration into a return value: true when it returned.
template <class Fn>
bool catch_stop(Interp& interp, Fn fn, Value& out) {
    try {
        out = fn();
        return false;
    } catch (const PyException& e) {
        if (!exception_matches(interp, e.exc, interp.exc.StopIteration)) throw;
        Value v = getattr_opt(interp, e.exc, interp.names.value);
        out = v ? v : interp.none;
        return true;
    }
}

}  // namespace

void unpack_sequence(Interp& interp, Value seq, uint32_t n, Value* out) {
    const Value* items = nullptr;
    std::size_t size = 0;
    if (exact(interp, seq, interp.types.tuple)) {
        auto* t = static_cast<Tuple*>(seq.as_object());
        items = t->items();
        size = t->size();
    } else if (exact(interp, seq, interp.types.list)) {
        auto* l = static_cast<List*>(seq.as_object());
        items = l->items();
        size = l->size();
    }
    if (items) {
        if (size < n)
            raise_value_error(interp, "not enough values to unpack (expected " + std::to_string(n) + ", got " +
                                          std::to_string(size) + ")");
        if (size > n) raise_value_error(interp, "too many values to unpack (expected " + std::to_string(n) + ")");
        for (uint32_t i = 0; i < n; ++i) out[n - 1 - i] = items[i];
        return;
    }
    Value it = iter_or(interp, seq, "cannot unpack non-iterable " + tname(interp, seq) + " object");
    for (uint32_t i = 0; i < n; ++i) {
        Value v = iter_next(interp, it);
        if (!v)
            raise_value_error(interp, "not enough values to unpack (expected " + std::to_string(n) + ", got " +
                                          std::to_string(i) + ")");
        out[n - 1 - i] = v;
    }
    if (iter_next(interp, it)) raise_value_error(interp, "too many values to unpack (expected " + std::to_string(n) + ")");
}

uint32_t unpack_ex(Interp& interp, Value seq, uint32_t before, uint32_t after, Value* out) {
    const uint32_t total = before + 1 + after;
    Value it = iter_or(interp, seq, "cannot unpack non-iterable " + tname(interp, seq) + " object");
    for (uint32_t i = 0; i < before; ++i) {
        Value v = iter_next(interp, it);
        if (!v)
            raise_value_error(interp, "not enough values to unpack (expected at least " +
                                          std::to_string(before + after) + ", got " + std::to_string(i) + ")");
        out[total - 1 - i] = v;
    }
    List* rest = make_list(interp);
    out[total - 1 - before] = rest;
    while (Value v = iter_next(interp, it)) rest->append(interp, v);
    if (rest->size() < after)
        raise_value_error(interp, "not enough values to unpack (expected at least " +
                                      std::to_string(before + after) + ", got " +
                                      std::to_string(before + rest->size()) + ")");
    const std::size_t keep = rest->size() - after;
    for (uint32_t j = 0; j < after; ++j) out[after - 1 - j] = (*rest)[keep + j];
    rest->resize(interp, keep);
    return total;
}

Value format_value(Interp& interp, Value v, uint32_t conversion, Value spec) {
    switch (conversion) {
        case kFormatConvStr: v = str(interp, v); break;
        case kFormatConvRepr: v = repr(interp, v); break;
        case kFormatConvAscii: v = ascii(interp, v); break;
        default: break;
    }
    if (!spec && exact(interp, v, interp.types.str)) return v;
    return format(interp, v, spec ? static_cast<Str*>(spec.as_object()) : interp.empty_str);
}

Value build_string(Interp& interp, const Value* parts, std::size_t n) {
    std::size_t total = 0;
    for (std::size_t i = 0; i < n; ++i) total += static_cast<Str*>(parts[i].as_object())->byte_size();
    std::string s;
    s.reserve(total);
    for (std::size_t i = 0; i < n; ++i) s += static_cast<Str*>(parts[i].as_object())->view();
    return make_str(interp, s);
}

std::string function_str(Interp& interp, Value callable) {
    try {
        Value qualname = getattr_opt(interp, callable, interp.names.qualname);
        if (!qualname || !is_str(interp, qualname)) return str_utf8(interp, callable);
        Value module = getattr_opt(interp, callable, interp.names.module);
        std::string q = str_utf8(interp, qualname);
        if (module && module != interp.none && is_str(interp, module)) {
            std::string m = str_utf8(interp, module);
            if (m != "builtins") return m + "." + q + "()";
        }
        return q + "()";
    } catch (...) {
        return "function";
    }
}

void list_extend(Interp& interp, Value list, Value iterable) {
    auto* l = static_cast<List*>(list.as_object());
    if (exact(interp, iterable, interp.types.list) || exact(interp, iterable, interp.types.tuple)) {
        const Value* items = exact(interp, iterable, interp.types.list)
                                 ? static_cast<List*>(iterable.as_object())->items()
                                 : static_cast<Tuple*>(iterable.as_object())->items();
        std::size_t n = exact(interp, iterable, interp.types.list) ? static_cast<List*>(iterable.as_object())->size()
                                                                   : static_cast<Tuple*>(iterable.as_object())->size();
        l->extend(interp, items, n);
        return;
    }
    Value it = iter_or(interp, iterable, "Value after * must be an iterable, not " + tname(interp, iterable));
    while (Value v = iter_next(interp, it)) l->append(interp, v);
}

namespace {
bool is_mapping(Interp& interp, Value v) {
    return is_dict(interp, v) || getattr_opt(interp, v, interp.names.keys);
}
}  // namespace

void dict_update_op(Interp& interp, Value dict, Value other) {
    if (!is_mapping(interp, other)) raise_type_error(interp, "'" + tname(interp, other) + "' object is not a mapping");
    dict_update(interp, static_cast<Dict*>(dict.as_object()), other);
}

void dict_merge(Interp& interp, Value dict, Value other, Value callable) {
    auto* d = static_cast<Dict*>(dict.as_object());
    if (!is_mapping(interp, other))
        raise_type_error(interp, function_str(interp, callable) + " argument after ** must be a mapping, not " +
                                     tname(interp, other));
    auto add = [&](Value k, Value v) {
        if (d->get(interp, k)) {
            if (is_str(interp, k))
                raise_type_error(interp, function_str(interp, callable) +
                                             " got multiple values for keyword argument '" + str_utf8(interp, k) + "'");
            raise_type_error(interp, function_str(interp, callable) + " keywords must be strings");
        }
        d->set(interp, k, v);
    };
    if (is_dict(interp, other)) {
        auto* o = static_cast<Dict*>(other.as_object());
        for (std::size_t i = 0; i < o->entry_count(); ++i)
            if (const auto& e = o->entry(i); e.key) add(e.key, e.value);
        return;
    }
    Value keys = call_method(interp, other, interp.names.keys, {});
    Value it = iter(interp, keys);
    while (Value k = iter_next(interp, it)) add(k, getitem(interp, other, k));
}

void flatten_call_ex(Interp& interp, Value callable, Value args, Value kwargs, std::vector<Value>& out,
                     Tuple*& kwnames) {
    if (is_tuple(interp, args)) {
        auto* t = static_cast<Tuple*>(args.as_object());
        out.assign(t->begin(), t->end());
    } else {
        Value it = iter_or(interp, args, function_str(interp, callable) +
                                             " argument after * must be an iterable, not " + tname(interp, args));
        while (Value v = iter_next(interp, it)) out.push_back(v);
    }
    kwnames = nullptr;
    if (kwargs && kwargs != interp.none) {
        auto* d = static_cast<Dict*>(kwargs.as_object());
        if (d->size() == 0) return;
        Tuple* names = make_tuple(interp, d->size());
        std::size_t j = 0;
        for (std::size_t i = 0; i < d->entry_count(); ++i)
            if (const auto& e = d->entry(i); e.key) {
                (*names)[j++] = e.key;
                out.push_back(e.value);
            }
        kwnames = names;
    }
}

Value make_raise(Interp& interp, Value exc, Value cause, bool has_cause) {
    Value value;
    if (is_exception_type(interp, exc)) {
        value = py::call(interp, exc, nullptr, 0);
        if (!is_exception(interp, value))
            raise_type_error(interp, "calling " + repr_utf8(interp, exc) +
                                         " should have returned an instance of BaseException, not " +
                                         tname(interp, value));
    } else if (is_exception(interp, exc)) {
        value = exc;
    } else {
        raise_type_error(interp, "exceptions must derive from BaseException");
    }
    if (has_cause) {
        Value fixed;
        if (is_exception_type(interp, cause)) {
            fixed = py::call(interp, cause, nullptr, 0);
        } else if (is_exception(interp, cause)) {
            fixed = cause;
        } else if (cause != interp.none) {
            raise_type_error(interp, "exception causes must derive from BaseException");
        }
        auto* e = static_cast<ExceptionObject*>(value.as_object());
        e->cause = fixed;
        e->suppress_context = true;
    }
    return value;
}

namespace {
void check_catchable(Interp& interp, Value type) {
    if (is_tuple(interp, type)) {
        for (Value t : *static_cast<Tuple*>(type.as_object()))
            if (!is_exception_type(interp, t))
                raise_type_error(interp, "catching classes that do not inherit from BaseException is not allowed");
        return;
    }
    if (!is_exception_type(interp, type))
        raise_type_error(interp, "catching classes that do not inherit from BaseException is not allowed");
}
}  // namespace

bool exception_match_op(Interp& interp, Value exc, Value type) {
    check_catchable(interp, type);
    return isinstance(interp, exc, type);
}

bool exception_group_match(Interp& interp, Value exc, Value type, Value& rest, Value& match) {
    check_catchable(interp, type);
    auto is_group_type = [&](Value t) {
        return t.is_object() && is_subtype(static_cast<Type*>(t.as_object()), interp.exc.BaseExceptionGroup);
    };
    bool group_type = is_tuple(interp, type) ? false : is_group_type(type);
    if (is_tuple(interp, type))
        for (Value t : *static_cast<Tuple*>(type.as_object())) group_type = group_type || is_group_type(t);
    if (group_type)
        raise_type_error(interp, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    if (exc == interp.none) return false;
    if (isinstance(interp, exc, type)) {
        if (isinstance(interp, exc, interp.exc.BaseExceptionGroup)) {
            match = exc;
        } else {
            Value excs = make_list(interp, &exc, 1);
            Value args[2] = {make_str(interp, ""), excs};
            match = py::call(interp, interp.exc.BaseExceptionGroup, args, 2);
            static_cast<ExceptionObject*>(match.as_object())->traceback =
                static_cast<ExceptionObject*>(exc.as_object())->traceback;
        }
        rest = interp.none;
        return true;
    }
    if (isinstance(interp, exc, interp.exc.BaseExceptionGroup)) {
        Value pair = call_method(interp, exc, interp.intern("split"), {type});
        auto* t = static_cast<Tuple*>(pair.as_object());
        if ((*t)[0] == interp.none) return false;
        match = (*t)[0];
        rest = (*t)[1];
        return true;
    }
    return false;
}

Value prep_reraise_star(Interp& interp, Value orig, Value list) {
    auto* l = static_cast<List*>(list.as_object());
    std::vector<Value> raised;
    for (Value v : *l)
        if (v && v != interp.none) raised.push_back(v);
    if (raised.empty()) return interp.none;
    if (raised.size() == 1 || !isinstance(interp, orig, interp.exc.BaseExceptionGroup)) return raised[0];
    Value excs = make_list(interp, raised.data(), raised.size());
    Value args[2] = {make_str(interp, ""), excs};
    return py::call(interp, interp.exc.BaseExceptionGroup, args, 2);
}

namespace {
Value bind(Interp& interp, Value attr, Value obj) {
    Type* t = interp.type_of(attr);
    if (t->slots.descr_get) return t->slots.descr_get(interp, attr, obj, interp.type_of(obj));
    return attr;
}
}  // namespace

void before_with(Interp& interp, Value mgr, bool async, Value& exit, Value& entered) {
    Type* t = interp.type_of(mgr);
    const char* protocol = async ? "asynchronous context manager protocol" : "context manager protocol";
    Value enter = type_lookup(interp, t, async ? interp.names.aenter : interp.names.enter);
    if (!enter) raise_type_error(interp, "'" + tname(interp, mgr) + "' object does not support the " + protocol);
    Value ex = type_lookup(interp, t, async ? interp.names.aexit : interp.names.exit);
    if (!ex)
        raise_type_error(interp, "'" + tname(interp, mgr) + "' object does not support the " + protocol +
                                     (async ? " (missed __aexit__ method)" : " (missed __exit__ method)"));
    exit = bind(interp, ex, mgr);
    entered = py::call(interp, bind(interp, enter, mgr), nullptr, 0);
}

Value get_awaitable(Interp& interp, Value v, uint32_t where) {
    Generator* g = as_generator(interp, v);
    if (g && g->kind == GenKind::Coroutine) {
        if (gen_yield_from(g)) raise_runtime_error(interp, "coroutine is being awaited already");
        if (g->state == GenState::Created) forget_watched_coroutine(interp, g);  // SEND starts it next
        return v;
    }
    if (g && g->kind == GenKind::Generator && g->frame && (g->frame->code->flags & kCoIterableCoroutine)) return v;
    if (interp.type_of(v)->slots.am_send) return v;  // its own awaitable iterator
    Value m = type_lookup(interp, interp.type_of(v), interp.names.await_);
    if (!m) {
        if (where == 1)
            raise_type_error(interp, "'async with' received an object from __aenter__ that does not implement __await__: " +
                                         tname(interp, v));
        if (where == 2)
            raise_type_error(interp, "'async with' received an object from __aexit__ that does not implement __await__: " +
                                         tname(interp, v));
        raise_type_error(interp, "object " + tname(interp, v) + " can't be used in 'await' expression");
    }
    Value res = py::call(interp, bind(interp, m, v), nullptr, 0);
    Generator* rg = as_generator(interp, res);
    if (rg && (rg->kind == GenKind::Coroutine ||
               (rg->frame && (rg->frame->code->flags & kCoIterableCoroutine))))
        raise_type_error(interp, "__await__() returned a coroutine");
    Type* rt = interp.type_of(res);
    if (!rt->slots.next && !type_lookup(interp, rt, interp.names.next))
        raise_type_error(interp, "__await__() returned non-iterator of type '" + tname(interp, res) + "'");
    return res;
}

Value get_yield_from_iter(Interp& interp, Value v, const Code* code) {
    Generator* g = as_generator(interp, v);
    if (g && g->kind == GenKind::Coroutine) {
        if (!(code->flags & (kCoCoroutine | kCoIterableCoroutine)))
            raise_type_error(interp, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return v;
    }
    if (g && g->kind == GenKind::Generator) return v;
    return iter(interp, v);
}

Value get_aiter(Interp& interp, Value v) {
    Value m = type_lookup(interp, interp.type_of(v), interp.names.aiter);
    if (!m)
        raise_type_error(interp, "'async for' requires an object with __aiter__ method, got " + tname(interp, v));
    Value it = py::call(interp, bind(interp, m, v), nullptr, 0);
    if (!type_lookup(interp, interp.type_of(it), interp.names.anext))
        raise_type_error(interp, "'async for' received an object from __aiter__ that does not implement __anext__: " +
                                     tname(interp, it));
    return it;
}

Value get_anext(Interp& interp, Value aiter) {
    Generator* g = as_generator(interp, aiter);
    if (g && g->kind == GenKind::AsyncGenerator) return async_gen_anext(interp, aiter);
    Value m = type_lookup(interp, interp.type_of(aiter), interp.names.anext);
    if (!m)
        raise_type_error(interp, "'async for' requires an iterator with __anext__ method, got " + tname(interp, aiter));
    Value next = py::call(interp, bind(interp, m, aiter), nullptr, 0);
    try {
        return get_awaitable(interp, next, 0);
    } catch (const PyException& e) {
        if (!exception_matches(interp, e.exc, interp.exc.TypeError)) throw;
        raise_type_error(interp, "'async for' received an invalid object from __anext__: " + tname(interp, next));
    }
}

bool send_to_iterator(Interp& interp, Value it, Value v, Value& out) {
    Type* t = interp.type_of(it);
    if (t->slots.am_send) return t->slots.am_send(interp, it, v, Value(), out);
    if (v == interp.none) {
        if (t->is_heap_type() || !t->slots.next) {
            return !catch_stop(interp, [&] { return call_method(interp, it, interp.names.next, {}); }, out);
        }
        bool returned = catch_stop(interp, [&] { return t->slots.next(interp, it); }, out);
        if (returned) return false;
        if (!out) {
            out = interp.none;
            return false;
        }
        return true;
    }
    return !catch_stop(interp, [&] { return call_method(interp, it, interp.intern("send"), {v}); }, out);
}

// ----------------------------------------------------------------- names

Value load_method_uncached(Interp& interp, Code* code, uint32_t name_index, Value obj, Value& self_out) {
    Value m = lookup_method(interp, obj, code->names[name_index], self_out);
    if (self_out && obj.is_object()) {
        if (!code->method_cache) code->method_cache = std::make_unique<Code::MethodCacheEntry[]>(code->names.size());
        code->method_cache[name_index] = {obj.as_object()->type(), type_lookup_epoch, m};
    }
    return m;
}

Value load_name(Interp& interp, Frame* f, Str* name) {
    Value v;
    if (f->locals_map()) {
        if (exact(interp, f->locals_map(), interp.types.dict)) {
            v = static_cast<Dict*>(f->locals_map().as_object())->get_str(name);
        } else {
            try {
                v = getitem(interp, f->locals_map(), name);
            } catch (const PyException& e) {
                if (!exception_matches(interp, e.exc, interp.exc.KeyError)) throw;
            }
        }
        if (v) return v;
    }
    v = f->globals->get_str(name);
    if (v) return v;
    v = f->builtins->get_str(name);
    if (v) return v;
    raise_name_error(interp, name);
}

void store_name(Interp& interp, Frame* f, Str* name, Value v) {
    if (!f->locals_map()) raise(interp, interp.exc.SystemError, "no locals found when storing " + std::string(name->view()));
    if (exact(interp, f->locals_map(), interp.types.dict))
        static_cast<Dict*>(f->locals_map().as_object())->set_str(interp, name, v);
    else
        setitem(interp, f->locals_map(), name, v);
}

void delete_name(Interp& interp, Frame* f, Str* name) {
    if (!f->locals_map()) raise(interp, interp.exc.SystemError, "no locals when deleting " + std::string(name->view()));
    if (exact(interp, f->locals_map(), interp.types.dict)) {
        if (!static_cast<Dict*>(f->locals_map().as_object())->remove(interp, name)) raise_name_error(interp, name);
        return;
    }
    try {
        delitem(interp, f->locals_map(), name);
    } catch (const PyException& e) {
        if (!exception_matches(interp, e.exc, interp.exc.KeyError)) throw;
        raise_name_error(interp, name);
    }
}

void raise_free_var_error(Interp& interp, const Code* code, uint32_t cell) {
    if (cell < code->cellvars.size()) raise_unbound_local(interp, code->cellvars[cell]);
    Str* name = code->freevars[cell - code->cellvars.size()];
    ExceptionObject* e = new_exception(interp, interp.exc.NameError,
                                       "cannot access free variable '" + std::string(name->view()) +
                                           "' where it is not associated with a value in enclosing scope");
    throw PyException{e};
}

Value syntax_error_value(Interp& interp, const SyntaxError& err, std::string_view filename) {
    Type* type = err.kind == "IndentationError" ? interp.exc.IndentationError
                 : err.kind == "TabError"       ? interp.exc.TabError
                                                : interp.exc.SyntaxError;
    Value info[6] = {make_str(interp, filename), make_int(interp, err.lineno), make_int(interp, err.offset),
                     make_str(interp, err.text), make_int(interp, err.end_lineno), make_int(interp, err.end_offset)};
    Value args[2] = {make_str(interp, err.msg), make_tuple(interp, info, 6)};
    return py::call(interp, type, args, 2);
}

// ------------------------------------------------------------ functions

Value make_function_op(Interp& interp, Frame* f, uint32_t flags, Value* operands) {
    int i = 0;
    Value defaults = (flags & kFnDefaults) ? operands[i++] : Value();
    Value kwdefaults = (flags & kFnKwDefaults) ? operands[i++] : Value();
    Value annotations = (flags & kFnAnnotations) ? operands[i++] : Value();
    Value closure = (flags & kFnClosure) ? operands[i++] : Value();
    auto* code = static_cast<Code*>(operands[i].as_object());
    Function* fn = make_function(interp, code, f->globals);
    if (defaults) fn->defaults = static_cast<Tuple*>(defaults.as_object());
    if (kwdefaults) fn->kwdefaults = static_cast<Dict*>(kwdefaults.as_object());
    if (closure) fn->closure = static_cast<Tuple*>(closure.as_object());
    if (annotations) {
        if (is_tuple(interp, annotations)) {
            auto* t = static_cast<Tuple*>(annotations.as_object());
            Dict* d = make_dict(interp);
            for (std::size_t k = 0; k + 1 < t->size(); k += 2) d->set(interp, (*t)[k], (*t)[k + 1]);
            fn->annotations = d;
        } else {
            fn->annotations = annotations;
        }
    }
    if (!code->consts.empty() && code->name->view() != "<lambda>" && (code->flags & kCoOptimized) &&
        exact(interp, code->consts[0], interp.types.str))
        fn->doc = code->consts[0];
    return fn;
}

}  // namespace corio::py
