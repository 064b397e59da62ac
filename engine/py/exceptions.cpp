// exceptions.cpp — the exception types (from exception_types.hpp), their
// constructors, attributes, str/repr exactly as CPython, the raise helpers
// with CPython's messages, and the "Did you mean" suggestions.
#include "py/exceptions.hpp"

#include <algorithm>
#include <climits>
#include <string>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/number_parse.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

void ExceptionObject::trace(Tracer& tracer) {
    tracer.visit(args);
    tracer.visit(traceback);
    tracer.visit(cause);
    tracer.visit(context);
    tracer.visit(dict);
    for (Value v : fields) tracer.visit(v);
}

namespace {

ExceptionObject* self_exc(Value v) { return static_cast<ExceptionObject*>(v.as_object()); }

enum Field { kValue = 0, kCode = 0, kName = 0, kObj = 1, kMsg = 0, kImportName = 1, kImportPath = 2,
             kErrno = 0, kStrerror = 1, kFilename = 2, kGroupMessage = 0, kGroupExceptions = 1 };

Value exc_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple*) {
    auto* e = interp.heap.make<ExceptionObject>(cls);
    e->args = make_tuple(interp, args, nargs);
    return e;
}

void set_kw_fields(Interp& interp, ExceptionObject* e, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (!kwnames || !kwnames->size()) return;
    Type* t = e->type();
    for (std::size_t k = 0; k < kwnames->size(); ++k) {
        Str* kw = static_cast<Str*>((*kwnames)[k].as_object());
        Value v = args[nargs + k];
        if (is_subtype(t, interp.exc.NameError) && kw->view() == "name") e->fields[kName] = v;
        else if (is_subtype(t, interp.exc.AttributeError) && kw->view() == "name") e->fields[kName] = v;
        else if (is_subtype(t, interp.exc.AttributeError) && kw->view() == "obj") e->fields[kObj] = v;
        else if (is_subtype(t, interp.exc.ImportError) && kw->view() == "name") e->fields[kImportName] = v;
        else if (is_subtype(t, interp.exc.ImportError) && kw->view() == "path") e->fields[kImportPath] = v;
        else
            raise_type_error(interp, std::string(t->name->view()) + "() got an unexpected keyword argument '" +
                                         std::string(kw->view()) + "'");
    }
}

void exc_init(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    ExceptionObject* e = self_exc(self);
    Type* t = e->type();
    if (kwnames && kwnames->size() && !is_subtype(t, interp.exc.NameError) &&
        !is_subtype(t, interp.exc.AttributeError) && !is_subtype(t, interp.exc.ImportError))
        raise_type_error(interp, std::string(t->name->view()) + "() takes no keyword arguments");
    e->args = make_tuple(interp, args, nargs);
    set_kw_fields(interp, e, args, nargs, kwnames);
    Value first = nargs ? args[0] : Value();
    if (is_subtype(t, interp.exc.StopIteration) || is_subtype(t, interp.exc.StopAsyncIteration)) {
        e->fields[kValue] = first ? first : interp.none;
    } else if (is_subtype(t, interp.exc.SystemExit)) {
        e->fields[kCode] = nargs == 0 ? interp.none : nargs == 1 ? first : Value(e->args);
    } else if (is_subtype(t, interp.exc.ImportError)) {
        e->fields[kMsg] = nargs == 1 ? first : interp.none;
    } else if (is_subtype(t, interp.exc.OSError)) {
        if (nargs >= 2 && nargs <= 5) {
            e->fields[kErrno] = args[0];
            e->fields[kStrerror] = args[1];
            if (nargs >= 3) e->fields[kFilename] = args[2];
            if (nargs >= 3) e->args = make_tuple(interp, args, 2);
        }
    } else if (is_subtype(t, interp.exc.SyntaxError)) {
        if (nargs >= 1) e->fields[0] = args[0];
        if (nargs == 2 && is_tuple(interp, args[1])) {
            Tuple* info = static_cast<Tuple*>(args[1].as_object());
            for (std::size_t i = 0; i < info->size() && i + 1 < kExceptionFields; ++i) e->fields[i + 1] = (*info)[i];
        }
    }
}

std::string plain_str(Interp& interp, ExceptionObject* e) {
    if (!e->args || e->args->size() == 0) return "";
    if (e->args->size() == 1) return str_utf8(interp, (*e->args)[0]);
    return repr_utf8(interp, e->args);
}

Value exc_str(Interp& interp, Value self) { return make_str(interp, exception_str(interp, self)); }
Value exc_repr(Interp& interp, Value self) { return make_str(interp, exception_repr(interp, self)); }

Value field_get(Interp& interp, Object* self, int index) {
    Value v = static_cast<ExceptionObject*>(self)->fields[index];
    return v ? v : interp.none;
}
void field_set(Interp&, Object* self, int index, Value v) {
    static_cast<ExceptionObject*>(self)->fields[index] = v;
}

Value args_get(Interp& interp, Object* self, int) {
    Tuple* a = static_cast<ExceptionObject*>(self)->args;
    return a ? Value(a) : Value(interp.empty_tuple);
}
void args_set(Interp& interp, Object* self, int, Value v) {
    if (!v) raise_type_error(interp, "args may not be deleted");
    List* l = list_from_iterable(interp, v);
    static_cast<ExceptionObject*>(self)->args = make_tuple(interp, l->items(), l->size());
}
Value tb_get(Interp& interp, Object* self, int) {
    Value v = static_cast<ExceptionObject*>(self)->traceback;
    return v ? v : interp.none;
}
void tb_set(Interp& interp, Object* self, int, Value v) {
    if (!v) raise_type_error(interp, "__traceback__ may not be deleted");
    static_cast<ExceptionObject*>(self)->traceback = v == interp.none ? Value() : v;
}
Value cause_get(Interp& interp, Object* self, int) {
    Value v = static_cast<ExceptionObject*>(self)->cause;
    return v ? v : interp.none;
}
void cause_set(Interp& interp, Object* self, int, Value v) {
    if (!v) raise_type_error(interp, "__cause__ may not be deleted");
    if (v != interp.none && !is_exception(interp, v))
        raise_type_error(interp, "exception cause must be None or derive from BaseException");
    auto* e = static_cast<ExceptionObject*>(self);
    e->cause = v == interp.none ? Value() : v;
    e->suppress_context = true;
}
Value context_get(Interp& interp, Object* self, int) {
    Value v = static_cast<ExceptionObject*>(self)->context;
    return v ? v : interp.none;
}
void context_set(Interp& interp, Object* self, int, Value v) {
    if (!v) raise_type_error(interp, "__context__ may not be deleted");
    if (v != interp.none && !is_exception(interp, v))
        raise_type_error(interp, "exception context must be None or derive from BaseException");
    static_cast<ExceptionObject*>(self)->context = v == interp.none ? Value() : v;
}
Value suppress_get(Interp& interp, Object* self, int) {
    return interp.boolean(static_cast<ExceptionObject*>(self)->suppress_context);
}
void suppress_set(Interp& interp, Object* self, int, Value v) {
    static_cast<ExceptionObject*>(self)->suppress_context = v && truthy(interp, v);
}

Value exc_with_traceback(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "with_traceback", 2, 2);
    tb_set(interp, a[0].as_object(), 0, a[1]);
    return a[0];
}

Value exc_add_note(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "add_note", 2, 2);
    if (!is_str(interp, a[1]))
        raise_type_error(interp, std::string("note must be a str, not '") + std::string(type_name(interp, a[1])) + "'");
    Dict* d = instance_dict(interp, a[0], true);
    Value notes = d->get_str(interp.names.notes);
    if (!notes) {
        notes = make_list(interp);
        d->set_str(interp, interp.names.notes, notes);
    }
    if (!is_list(interp, notes)) raise_type_error(interp, "Cannot add note: __notes__ is not a list");
    static_cast<List*>(notes.as_object())->append(interp, a[1]);
    return interp.none;
}

// ExceptionGroup

Value group_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size())
        raise_type_error(interp, std::string(cls->name->view()) + "() takes no keyword arguments");
    if (nargs != 2)
        raise_type_error(interp, std::string("BaseExceptionGroup.__new__() takes exactly 2 arguments (") + std::to_string(nargs) + " given)");
    if (!is_str(interp, args[0]))
        raise_type_error(interp, std::string("argument 1 must be str, not ") + std::string(type_name(interp, args[0])));
    Type* seqt = interp.type_of(args[1]);
    if (!seqt->slots.getitem || !seqt->slots.len || is_str(interp, args[1]) || is_dict(interp, args[1]))
        raise_type_error(interp, "second argument (exceptions) must be a sequence");
    List* excs = list_from_iterable(interp, args[1]);
    if (excs->size() == 0) raise_value_error(interp, "second argument (exceptions) must be a non-empty sequence");
    bool all_exceptions = true;
    for (std::size_t i = 0; i < excs->size(); ++i) {
        Value v = (*excs)[i];
        if (!is_exception(interp, v))
            raise_value_error(interp, std::string("Item ") + std::to_string(i) + " of second argument (exceptions) is not an exception");
        if (!exception_matches(interp, v, interp.exc.Exception)) all_exceptions = false;
    }
    if (cls == interp.exc.BaseExceptionGroup) {
        if (all_exceptions) cls = interp.exc.ExceptionGroup;
    } else if (cls == interp.exc.ExceptionGroup) {
        if (!all_exceptions) raise_type_error(interp, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (!all_exceptions && !is_subtype(cls, interp.exc.Exception)) {
    } else if (!all_exceptions) {
        raise_type_error(interp, std::string("Cannot nest BaseExceptions in '") + std::string(cls->name->view()) + "'");
    }
    auto* e = interp.heap.make<ExceptionObject>(cls);
    e->args = make_tuple(interp, args, nargs);
    e->fields[kGroupMessage] = args[0];
    e->fields[kGroupExceptions] = make_tuple(interp, excs->items(), excs->size());
    return e;
}

void group_init(Interp&, Value, const Value*, std::size_t, Tuple*) {}

Value group_derive(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "derive", 2, 2);
    Value args[2] = {self_exc(a[0])->fields[kGroupMessage], a[1]};
    return call(interp, interp.exc.BaseExceptionGroup, args, 2);
}

// Copies __traceback__, __cause__, __context__ and __notes__ to a derived group.
void copy_group_metadata(Interp& interp, Value from, Value to) {
    ExceptionObject* f = self_exc(from);
    ExceptionObject* t = self_exc(to);
    t->traceback = f->traceback;
    t->cause = f->cause;
    t->context = f->context;
    if (f->dict)
        if (Value notes = f->dict->get_str(interp.names.notes)) instance_dict(interp, to, true)->set_str(interp, interp.names.notes, notes);
}

// The matcher of subgroup/split: a type, a tuple of types, or a predicate.
bool group_matches(Interp& interp, Value matcher, Value exc) {
    if (interp.type_of(matcher)->flags & kTypeTypeSubclass || is_tuple(interp, matcher))
        return isinstance(interp, exc, matcher);
    return truthy(interp, call(interp, matcher, {exc}));
}

void check_matcher(Interp& interp, Value matcher) {
    if (interp.type_of(matcher)->flags & kTypeTypeSubclass) {
        if (!is_subtype(static_cast<Type*>(matcher.as_object()), interp.exc.BaseException))
            raise_type_error(interp, "expected a function, exception type or tuple of exception types");
        return;
    }
    if (is_tuple(interp, matcher) || is_callable(interp, matcher)) return;
    raise_type_error(interp, "expected a function, exception type or tuple of exception types");
}

// Splits `exc` by `matcher`: (match, rest), each null when empty.
std::pair<Value, Value> split_group(Interp& interp, Value exc, Value matcher, bool want_rest) {
    if (group_matches(interp, matcher, exc)) return {exc, Value()};
    if (!exception_matches(interp, exc, interp.exc.BaseExceptionGroup)) return {Value(), exc};
    ExceptionObject* g = self_exc(exc);
    Tuple* excs = static_cast<Tuple*>(g->fields[kGroupExceptions].as_object());
    List* match = make_list(interp);
    List* rest = make_list(interp);
    for (Value sub : *excs) {
        auto [m, r] = split_group(interp, sub, matcher, want_rest);
        if (m) match->append(interp, m);
        if (r && want_rest) rest->append(interp, r);
    }
    auto build = [&](List* items) -> Value {
        if (items->size() == 0) return Value();
        Value derived = call_method(interp, exc, interp.intern("derive"), {Value(items)});
        copy_group_metadata(interp, exc, derived);
        return derived;
    };
    return {build(match), want_rest ? build(rest) : Value()};
}

Value group_subgroup(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "subgroup", 2, 2);
    check_matcher(interp, a[1]);
    Value m = split_group(interp, a[0], a[1], false).first;
    return m ? m : interp.none;
}

Value group_split(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "split", 2, 2);
    check_matcher(interp, a[1]);
    auto [m, r] = split_group(interp, a[0], a[1], true);
    return make_tuple(interp, {m ? m : interp.none, r ? r : interp.none});
}

Value group_str(Interp& interp, Value self) { return make_str(interp, exception_str(interp, self)); }

}  // namespace

// ---------------------------------------------------------------------------

ExceptionObject* new_exception(Interp& interp, Type* type, std::initializer_list<Value> args) {
    auto* e = interp.heap.make<ExceptionObject>(type);
    exc_init(interp, e, args.begin(), args.size(), nullptr);
    return e;
}

ExceptionObject* new_exception(Interp& interp, Type* type, std::string_view message) {
    return new_exception(interp, type, {make_str(interp, message)});
}

bool is_exception(Interp& interp, Value v) noexcept {
    return v.is_object() && (interp.type_of(v)->flags & kTypeException);
}

bool is_exception_type(Interp& interp, Value v) noexcept {
    return v.is_object() && (interp.type_of(v)->flags & kTypeTypeSubclass) &&
           (static_cast<Type*>(v.as_object())->flags & kTypeException);
}

bool exception_matches(Interp& interp, Value exc, Type* type) noexcept {
    return is_subtype(interp.type_of(exc), type);
}

Value exception_from_current(Interp& interp) {
    try {
        throw;
    } catch (const PyException& e) {
        return e.exc;
    } catch (const NumberError& e) {
        Type* t = e.kind == NumberError::Kind::ValueError          ? interp.exc.ValueError
                  : e.kind == NumberError::Kind::OverflowError     ? interp.exc.OverflowError
                  : e.kind == NumberError::Kind::ZeroDivisionError ? interp.exc.ZeroDivisionError
                                                                   : interp.exc.TypeError;
        return new_exception(interp, t, e.message);
    } catch (const HeapExhausted&) {
        return new_exception(interp, interp.exc.MemoryError, {});
    }
}

std::string exception_str(Interp& interp, Value exc) {
    ExceptionObject* e = self_exc(exc);
    Type* t = e->type();
    std::size_t n = e->args ? e->args->size() : 0;
    if (is_subtype(t, interp.exc.KeyError) && n == 1) return repr_utf8(interp, (*e->args)[0]);
    if (is_subtype(t, interp.exc.BaseExceptionGroup)) {
        Value msg = e->fields[kGroupMessage];
        std::size_t count = e->fields[kGroupExceptions] ? static_cast<Tuple*>(e->fields[kGroupExceptions].as_object())->size() : 0;
        return (msg ? str_utf8(interp, msg) : std::string()) + " (" + std::to_string(count) + " sub-exception" +
               (count == 1 ? "" : "s") + ")";
    }
    if (is_subtype(t, interp.exc.ImportError) && e->fields[kMsg] && e->fields[kMsg] != interp.none)
        return str_utf8(interp, e->fields[kMsg]);
    if (is_subtype(t, interp.exc.OSError) && e->fields[kErrno] && e->fields[kStrerror]) {
        std::string out = std::string("[Errno ") + str_utf8(interp, e->fields[kErrno]) + "] " + str_utf8(interp, e->fields[kStrerror]);
        if (e->fields[kFilename]) out += std::string(": ") + repr_utf8(interp, e->fields[kFilename]);
        return out;
    }
    if (is_subtype(t, interp.exc.SyntaxError) && e->fields[0]) {
        std::string out = str_utf8(interp, e->fields[0]);
        Value file = e->fields[1], line = e->fields[2];
        bool has_file = file && is_str(interp, file), has_line = line && is_int(interp, line);
        if (has_file && has_line) out += std::string(" (") + str_utf8(interp, file) + ", line " + str_utf8(interp, line) + ")";
        else if (has_file) out += std::string(" (") + str_utf8(interp, file) + ")";
        else if (has_line) out += std::string(" (line ") + str_utf8(interp, line) + ")";
        return out;
    }
    return plain_str(interp, e);
}

std::string exception_repr(Interp& interp, Value exc) {
    ExceptionObject* e = self_exc(exc);
    std::string name(e->type()->name->view());
    if (is_subtype(e->type(), interp.exc.BaseExceptionGroup) && e->fields[kGroupExceptions]) {
        Tuple* excs = static_cast<Tuple*>(e->fields[kGroupExceptions].as_object());
        List* l = make_list(interp, excs->items(), excs->size());
        return name + "(" + repr_utf8(interp, e->fields[kGroupMessage]) + ", " + repr_utf8(interp, l) + ")";
    }
    if (!e->args || e->args->size() == 0) return name + "()";
    if (e->args->size() == 1) return name + "(" + repr_utf8(interp, (*e->args)[0]) + ")";
    return name + repr_utf8(interp, e->args);
}

[[noreturn]] void raise(Interp&, Value exc) { throw PyException{exc}; }

[[noreturn]] void raise(Interp& interp, Type* type, std::string_view message) {
    throw PyException{new_exception(interp, type, message)};
}

void raise_type_error(Interp& interp, std::string_view m) { raise(interp, interp.exc.TypeError, m); }
void raise_value_error(Interp& interp, std::string_view m) { raise(interp, interp.exc.ValueError, m); }
void raise_index_error(Interp& interp, std::string_view m) { raise(interp, interp.exc.IndexError, m); }
void raise_overflow_error(Interp& interp, std::string_view m) { raise(interp, interp.exc.OverflowError, m); }
void raise_zero_division(Interp& interp, std::string_view m) { raise(interp, interp.exc.ZeroDivisionError, m); }
void raise_runtime_error(Interp& interp, std::string_view m) { raise(interp, interp.exc.RuntimeError, m); }

void raise_key_error(Interp& interp, Value key) { throw PyException{new_exception(interp, interp.exc.KeyError, {key})}; }

void raise_stop_iteration(Interp& interp, Value value) {
    if (!value) throw PyException{new_exception(interp, interp.exc.StopIteration, {})};
    throw PyException{new_exception(interp, interp.exc.StopIteration, {value})};
}

void raise_attribute_error(Interp& interp, Value obj, Str* name) {
    std::string msg;
    Type* t = interp.type_of(obj);
    if (t->flags & kTypeTypeSubclass)
        msg = std::string("type object '") + std::string(static_cast<Type*>(obj.as_object())->name->view()) + "' has no attribute '" +
              std::string(name->view()) + "'";
    else if (t == interp.types.module)
        msg = std::string("module '") + std::string(static_cast<Module*>(obj.as_object())->name->view()) + "' has no attribute '" +
              std::string(name->view()) + "'";
    else
        msg = std::string("'") + std::string(t->name->view()) + "' object has no attribute '" + std::string(name->view()) + "'";
    ExceptionObject* e = new_exception(interp, interp.exc.AttributeError, msg);
    e->fields[kName] = name;
    e->fields[kObj] = obj;
    throw PyException{e};
}

void raise_name_error(Interp& interp, Str* name) {
    ExceptionObject* e =
        new_exception(interp, interp.exc.NameError, std::string("name '") + std::string(name->view()) + "' is not defined");
    e->fields[kName] = name;
    throw PyException{e};
}

void raise_unbound_local(Interp& interp, Str* name) {
    ExceptionObject* e = new_exception(interp, interp.exc.UnboundLocalError,
                                       std::string("cannot access local variable '") + std::string(name->view()) +
                                           "' where it is not associated with a value");
    e->fields[kName] = name;
    throw PyException{e};
}

void raise_binary_op_error(Interp& interp, Value a, Value b, std::string_view op) {
    raise_type_error(interp, std::string("unsupported operand type(s) for ") + std::string(op) + ": '" +
                                 std::string(type_name(interp, a)) + "' and '" + std::string(type_name(interp, b)) + "'");
}

void raise_compare_error(Interp& interp, Value a, Value b, std::string_view op) {
    raise_type_error(interp, std::string("'") + std::string(op) + "' not supported between instances of '" +
                                 std::string(type_name(interp, a)) + "' and '" + std::string(type_name(interp, b)) + "'");
}

void raise_object_error(Interp& interp, Value obj, std::string_view what) {
    raise_type_error(interp, std::string("'") + std::string(type_name(interp, obj)) + "' object " + std::string(what));
}

void raise_arg_error(Interp& interp, std::string_view fname, std::string_view message) {
    raise_type_error(interp, std::string(fname) + "() " + std::string(message));
}

// ---------------------------------------------------------------------------
// Suggestions: CPython 3.11's Python/suggestions.c.

namespace {
constexpr std::size_t kMaxCandidateItems = 750;
constexpr std::size_t kMaxStringSize = 40;
constexpr std::size_t kMoveCost = 2;
constexpr std::size_t kCaseCost = 1;

std::size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return kMoveCost;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
    if ('A' <= b && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
    return a == b ? kCaseCost : kMoveCost;
}

std::size_t levenshtein(std::string_view a, std::string_view b, std::size_t max_cost) {
    while (!a.empty() && !b.empty() && a.front() == b.front()) a.remove_prefix(1), b.remove_prefix(1);
    while (!a.empty() && !b.empty() && a.back() == b.back()) a.remove_suffix(1), b.remove_suffix(1);
    if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);
    if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
    std::size_t buffer[kMaxStringSize];
    for (std::size_t i = 0; i < a.size(); ++i) buffer[i] = (i + 1) * kMoveCost;
    std::size_t result = 0;
    for (std::size_t bi = 0; bi < b.size(); ++bi) {
        char code = b[bi];
        std::size_t distance = result = bi * kMoveCost;
        std::size_t minimum = SIZE_MAX;
        for (std::size_t i = 0; i < a.size(); ++i) {
            std::size_t substitute = distance + substitution_cost(code, a[i]);
            distance = buffer[i];
            std::size_t insert_delete = std::min(result, distance) + kMoveCost;
            result = std::min(insert_delete, substitute);
            buffer[i] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

std::vector<std::string_view> dict_keys_sorted(Interp& interp, Dict* d, std::vector<std::string_view> out = {}) {
    if (!d) return out;
    for (std::size_t i = 0; i < d->entry_count(); ++i)
        if (Str* s = d->entry(i).key ? as_str(interp, d->entry(i).key) : nullptr) out.push_back(s->view());
    return out;
}
}  // namespace

std::string suggest_similar_name(std::string_view name, const std::vector<std::string_view>& candidates) {
    if (candidates.size() >= kMaxCandidateItems) return {};
    std::size_t best_distance = SIZE_MAX;
    std::string_view best;
    bool found = false;
    for (std::string_view item : candidates) {
        if (item == name) continue;
        std::size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
        max_distance = std::min(max_distance, best_distance - 1);
        std::size_t d = levenshtein(name, item, max_distance);
        if (d > max_distance) continue;
        if (!found || d < best_distance) {
            best = item;
            best_distance = d;
            found = true;
        }
    }
    return found ? std::string(best) : std::string();
}

std::string suggest_attribute(Interp& interp, Value obj, Str* name) {
    std::vector<std::string_view> names;
    Type* t = interp.type_of(obj);
    if (t == interp.types.module) names = dict_keys_sorted(interp, static_cast<Module*>(obj.as_object())->dict);
    else {
        if (Dict* d = instance_dict(interp, obj, false)) names = dict_keys_sorted(interp, d);
        Type* lookup = (t->flags & kTypeTypeSubclass) ? static_cast<Type*>(obj.as_object()) : t;
        for (Value m : *lookup->mro) names = dict_keys_sorted(interp, static_cast<Type*>(m.as_object())->dict, std::move(names));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return suggest_similar_name(name->view(), names);
}

std::string suggest_global(Interp& interp, Str* name, Dict* locals, Dict* globals, Dict* builtins) {
    for (Dict* d : {locals, globals, builtins}) {
        if (!d) continue;
        std::vector<std::string_view> names = dict_keys_sorted(interp, d);
        std::string s = suggest_similar_name(name->view(), names);
        if (!s.empty()) return s;
    }
    return {};
}

void init_exception_types(Interp& interp) {
    Type* base = new_builtin_type(interp, "BaseException", interp.types.object, kTypeBaseType | kTypeException);
    base->slots.new_ = exc_new;
    base->slots.init = exc_init;
    base->slots.repr = exc_repr;
    base->slots.str = exc_str;
    base->instance_dict = ExceptionObject::dict_of;
    base->subclass_instance_dict = ExceptionObject::dict_of;
    add_member(interp, base, "args", args_get, args_set);
    add_member(interp, base, "__traceback__", tb_get, tb_set);
    add_member(interp, base, "__cause__", cause_get, cause_set);
    add_member(interp, base, "__context__", context_get, context_set);
    add_member(interp, base, "__suppress_context__", suppress_get, suppress_set);
    add_method(interp, base, "with_traceback", exc_with_traceback);
    add_method(interp, base, "add_note", exc_add_note);
    finish_builtin_type(interp, base);
    interp.exc.BaseException = base;
    struct Row {
        Type* ExceptionTypes::*field;
        const char* name;
        Type* ExceptionTypes::*base;
        Type* ExceptionTypes::*base2;
    };
    static constexpr Row kRows[] = {
#define X(field, name, basefield, base2field) \
    {&ExceptionTypes::field, name, &ExceptionTypes::basefield, &ExceptionTypes::base2field},
        CORIO_EXCEPTION_TYPES(X)
#undef X
    };
    ExceptionTypes& exc = interp.exc;
    for (const Row& row : kRows) {
        if (row.field == &ExceptionTypes::BaseException) continue;
        Type* t = new_builtin_type(interp, row.name, exc.*row.base, kTypeBaseType | kTypeException);
        exc.*row.field = t;
        if (row.field == &ExceptionTypes::BaseExceptionGroup) {
            t->slots.new_ = group_new;
            t->slots.init = group_init;
            t->slots.str = group_str;
            add_method(interp, t, "derive", group_derive);
            add_method(interp, t, "subgroup", group_subgroup);
            add_method(interp, t, "split", group_split);
            add_member(interp, t, "message", field_get, nullptr, kGroupMessage);
            add_member(interp, t, "exceptions", field_get, nullptr, kGroupExceptions);
        }
        if (row.field == &ExceptionTypes::StopIteration || row.field == &ExceptionTypes::StopAsyncIteration)
            add_member(interp, t, "value", field_get, field_set, kValue);
        if (row.field == &ExceptionTypes::SystemExit) add_member(interp, t, "code", field_get, field_set, kCode);
        if (row.field == &ExceptionTypes::NameError) add_member(interp, t, "name", field_get, field_set, kName);
        if (row.field == &ExceptionTypes::AttributeError) {
            add_member(interp, t, "name", field_get, field_set, kName);
            add_member(interp, t, "obj", field_get, field_set, kObj);
        }
        if (row.field == &ExceptionTypes::ImportError) {
            add_member(interp, t, "msg", field_get, field_set, kMsg);
            add_member(interp, t, "name", field_get, field_set, kImportName);
            add_member(interp, t, "path", field_get, field_set, kImportPath);
        }
        if (row.field == &ExceptionTypes::OSError) {
            add_member(interp, t, "errno", field_get, field_set, kErrno);
            add_member(interp, t, "strerror", field_get, field_set, kStrerror);
            add_member(interp, t, "filename", field_get, field_set, kFilename);
        }
        if (row.field == &ExceptionTypes::SyntaxError) {
            int i = 0;
            for (const char* n : {"msg", "filename", "lineno", "offset", "text", "end_lineno"})
                add_member(interp, t, n, field_get, field_set, i++);
        }
        finish_builtin_type(interp, t);
        if (row.base2 != &ExceptionTypes::none) {
            Type* second = exc.*row.base2;
            t->bases = make_tuple(interp, {Value(exc.*row.base), Value(second)});
            // ExceptionGroup: (itself, BaseExceptionGroup, Exception, BaseException, object).
            ++type_lookup_epoch;
            t->mro = make_tuple(interp, {Value(t), Value(exc.*row.base), Value(second), Value(exc.BaseException),
                                         Value(interp.types.object)});
        }
    }
}

}  // namespace corio::py
