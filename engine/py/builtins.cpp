// builtins.cpp — the builtins module: the builtin functions (print, len,
// min/max, sorted, getattr, ...) and the builtin types and exceptions under
// their names.
#include "py/builtins.hpp"

#include <cstdio>
#include <string>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/float_format.hpp"
#include "py/int.hpp"
#include "py/iterators.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {

Value b_print(Interp& interp, const CallArgs& a) {
    Value sep, end, file, flush;
    for (std::size_t k = 0; k < a.kwcount(); ++k) {
        std::string_view n = static_cast<Str*>((*a.kwnames)[k].as_object())->view();
        Value v = a.args[a.nargs + k];
        if (n == "sep") sep = v;
        else if (n == "end") end = v;
        else if (n == "file") file = v;
        else if (n == "flush") flush = v;
        else raise_type_error(interp, std::string("'") + std::string(n) + "' is an invalid keyword argument for print()");
    }
    auto text_arg = [&](Value v, const char* what, std::string_view deflt) -> std::string {
        if (!v || v == interp.none) return std::string(deflt);
        Str* s = as_str(interp, v);
        if (!s) raise_type_error(interp, std::string(what) + " must be None or a string, not " + std::string(type_name(interp, v)));
        return std::string(s->view());
    };
    std::string sep_s = text_arg(sep, "sep", " ");
    std::string end_s = text_arg(end, "end", "\n");
    std::string out;
    for (std::size_t i = 0; i < a.nargs; ++i) {
        if (i) out += sep_s;
        out += str(interp, a[i])->view();
    }
    out += end_s;
    Value stream = !file || file == interp.none ? interp.sys_module->dict->get_str(interp.names.stdout_) : file;
    if (!stream || stream == interp.none) return interp.none;
    stream_write(interp, stream, out);
    if (flush && truthy(interp, flush)) stream_flush(interp, stream);
    return interp.none;
}

Value b_len(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "len", 1, 1);
    return make_int(interp, len(interp, a[0]));
}

Value b_repr(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "repr", 1, 1);
    return repr(interp, a[0]);
}

Value b_ascii(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "ascii", 1, 1);
    return ascii(interp, a[0]);
}

Value b_abs(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "abs", 1, 1);
    return abs(interp, a[0]);
}

Value minmax(Interp& interp, const CallArgs& a, bool is_max) {
    const char* name = is_max ? "max" : "min";
    Value key, deflt;
    for (std::size_t k = 0; k < a.kwcount(); ++k) {
        std::string_view n = static_cast<Str*>((*a.kwnames)[k].as_object())->view();
        if (n == "key") key = a.args[a.nargs + k];
        else if (n == "default") deflt = a.args[a.nargs + k];
        else raise_type_error(interp, std::string("'") + std::string(n) + "' is an invalid keyword argument for " + name + "()");
    }
    if (key == interp.none) key = Value();
    if (a.nargs == 0) raise_type_error(interp, std::string(name) + " expected at least 1 argument, got 0");
    if (a.nargs > 1 && deflt)
        raise_type_error(interp, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    Value it = a.nargs == 1 ? iter(interp, a[0]) : Value(iter(interp, make_tuple(interp, a.args, a.nargs)));
    Value best, best_key;
    while (Value v = iter_next(interp, it)) {
        Value k = key ? call(interp, key, {v}) : v;
        if (!best || compare_bool(interp, k, best_key, is_max ? CompareOp::Gt : CompareOp::Lt)) {
            best = v;
            best_key = k;
        }
    }
    if (!best) {
        if (deflt) return deflt;
        raise_value_error(interp, std::string(name) + "() arg is an empty sequence");
    }
    return best;
}
Value b_min(Interp& interp, const CallArgs& a) { return minmax(interp, a, false); }
Value b_max(Interp& interp, const CallArgs& a) { return minmax(interp, a, true); }

Value b_sum(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, a, ArgSpec{"sum", {"iterable", "start"}, 1, 2}, v);
    Value total = v[1] ? v[1] : Value::small_int(0);
    if (is_str(interp, total)) raise_type_error(interp, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = iter(interp, v[0]);
    while (Value x = iter_next(interp, it)) {
        if (total.is_small_int() && x.is_small_int()) total = make_int(interp, total.as_small_int() + x.as_small_int());
        else total = binary_op(interp, total, x, BinaryOp::Add);
    }
    return total;
}

Value b_any(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "any", 1, 1);
    Value it = iter(interp, a[0]);
    while (Value x = iter_next(interp, it))
        if (truthy(interp, x)) return interp.true_;
    return interp.false_;
}

Value b_all(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "all", 1, 1);
    Value it = iter(interp, a[0]);
    while (Value x = iter_next(interp, it))
        if (!truthy(interp, x)) return interp.false_;
    return interp.true_;
}

Value b_sorted(Interp& interp, const CallArgs& a) {
    if (a.nargs != 1) raise_type_error(interp, std::string("sorted expected 1 argument, got ") + std::to_string(a.nargs));
    Value v[2];
    parse_args(interp, CallArgs{a.args + 1, 0, a.kwnames, a.fn}, ArgSpec{"sort", {"key", "reverse"}, 0, 0}, v);
    List* l = list_from_iterable(interp, a[0]);
    list_sort(interp, l, v[0], v[1] && truthy(interp, v[1]));
    return l;
}

Value b_isinstance(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "isinstance", 2, 2);
    return interp.boolean(isinstance(interp, a[0], a[1]));
}

Value b_issubclass(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "issubclass", 2, 2);
    return interp.boolean(issubclass(interp, a[0], a[1]));
}

Str* attr_name(Interp& interp, Value v, const char* fname) {
    Str* s = as_str(interp, v);
    if (!s) raise_type_error(interp, std::string(fname) + "(): attribute name must be string");
    return s->is_interned() ? s : interp.intern(s->view());
}

Value b_getattr(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "getattr", 2, 3);
    Str* name = attr_name(interp, a[1], "getattr");
    if (a.nargs == 3) {
        Value v = getattr_opt(interp, a[0], name);
        return v ? v : a[2];
    }
    return getattr(interp, a[0], name);
}

Value b_setattr(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "setattr", 3, 3);
    setattr(interp, a[0], attr_name(interp, a[1], "setattr"), a[2]);
    return interp.none;
}

Value b_delattr(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "delattr", 2, 2);
    delattr(interp, a[0], attr_name(interp, a[1], "delattr"));
    return interp.none;
}

Value b_hasattr(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "hasattr", 2, 2);
    return interp.boolean(static_cast<bool>(getattr_opt(interp, a[0], attr_name(interp, a[1], "hasattr"))));
}

Value b_callable(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "callable", 1, 1);
    return interp.boolean(is_callable(interp, a[0]));
}

Value b_chr(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "chr", 1, 1);
    if (!is_int(interp, a[0]) && !interp.type_of(a[0])->slots.index)
        raise_type_error(interp, std::string("'") + std::string(type_name(interp, a[0])) + "' object cannot be interpreted as an integer");
    int64_t c;
    if (!int_to_i64(interp, index(interp, a[0]), c)) raise_overflow_error(interp, "signed integer is greater than maximum");
    if (c < 0 || c > 0x10ffff) raise_value_error(interp, "chr() arg not in range(0x110000)");
    return str_from_code_point(interp, static_cast<uint32_t>(c));
}

Value b_ord(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "ord", 1, 1);
    if (Str* s = as_str(interp, a[0])) {
        if (s->length() != 1)
            raise_type_error(interp, std::string("ord() expected a character, but string of length ") + std::to_string(s->length()) + " found");
        return Value::small_int(decode_utf8(s->view(), 0).value);
    }
    raise_type_error(interp, std::string("ord() expected string of length 1, but ") + std::string(type_name(interp, a[0])) + " found");
}

Value radix(Interp& interp, const CallArgs& a, const char* name, const char* spec) {
    check_nargs(interp, a, name, 1, 1);
    return format(interp, index(interp, a[0]), make_str(interp, spec));
}
Value b_hex(Interp& interp, const CallArgs& a) { return radix(interp, a, "hex", "#x"); }
Value b_oct(Interp& interp, const CallArgs& a) { return radix(interp, a, "oct", "#o"); }
Value b_bin(Interp& interp, const CallArgs& a) { return radix(interp, a, "bin", "#b"); }

Value b_format(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "format", 1, 2);
    Str* spec = interp.empty_str;
    if (a.nargs == 2) {
        spec = as_str(interp, a[1]);
        if (!spec) raise_type_error(interp, std::string("format() argument 2 must be str, not ") + std::string(type_name(interp, a[1])));
    }
    return format(interp, a[0], spec);
}

Value b_hash(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "hash", 1, 1);
    return make_int(interp, hash(interp, a[0]));
}

Value b_id(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "id", 1, 1);
    return make_int(interp, static_cast<int64_t>(a[0].bits() >> (a[0].is_small_int() ? 0 : 0)));
}

Value b_iter(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "iter", 1, 2);
    if (a.nargs == 2) {
        if (!is_callable(interp, a[0])) raise_type_error(interp, "iter(v, w): v must be callable");
        return make_callable_iterator(interp, a[0], a[1]);
    }
    return iter(interp, a[0]);
}

Value b_next(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "next", 1, 2);
    if (!interp.type_of(a[0])->slots.next)
        raise_type_error(interp, std::string("'") + std::string(type_name(interp, a[0])) + "' object is not an iterator");
    Value v = iter_next(interp, a[0]);
    if (v) return v;
    if (a.nargs == 2) return a[1];
    raise_stop_iteration(interp, Value());
}

Value b_divmod(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "divmod", 2, 2);
    Type* ta = interp.type_of(a[0]);
    Type* tb = interp.type_of(a[1]);
    if (ta->slots.divmod) {
        Value r = ta->slots.divmod(interp, a[0], a[1]);
        if (r != interp.not_implemented) return r;
    }
    if (tb != ta && tb->slots.divmod) {
        Value r = tb->slots.divmod(interp, a[0], a[1]);
        if (r != interp.not_implemented) return r;
    }
    raise_binary_op_error(interp, a[0], a[1], "divmod()");
}

Value b_pow(Interp& interp, const CallArgs& a) {
    Value v[3];
    parse_args(interp, a, ArgSpec{"pow", {"base", "exp", "mod"}, 2, 3}, v);
    if (!v[2] || v[2] == interp.none) return binary_op(interp, v[0], v[1], BinaryOp::Power);
    if (!is_int(interp, v[0]) || !is_int(interp, v[1]) || !is_int(interp, v[2]))
        raise_type_error(interp, "pow() 3rd argument not allowed unless all arguments are integers");
    try {
        return make_int(interp, pow(int_to_bigint(interp, v[0]), int_to_bigint(interp, v[1]), int_to_bigint(interp, v[2])));
    } catch (const NumberError&) {
        raise(interp, exception_from_current(interp));
    }
}

Value b_round(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, a, ArgSpec{"round", {"number", "ndigits"}, 1, 2}, v);
    Value f = type_lookup(interp, interp.type_of(v[0]), interp.names.round);
    if (!f) raise_type_error(interp, std::string("type ") + std::string(type_name(interp, v[0])) + " doesn't define __round__ method");
    if (!v[1] || v[1] == interp.none) return call_special(interp, f, v[0], nullptr, 0);
    return call_special(interp, f, v[0], &v[1], 1);
}

Value b_vars(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "vars", 1, 1);
    Value d = getattr_opt(interp, a[0], interp.names.dict);
    if (!d) raise_type_error(interp, "vars() argument must have __dict__ attribute");
    return d;
}

Value b_dir(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "dir", 1, 1);
    Value r = call_method(interp, a[0], interp.intern("__dir__"), {});
    List* l = list_from_iterable(interp, r);
    list_sort(interp, l, Value(), false);
    return l;
}

Value b_input(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "input", 0, 1);
    if (a.nargs == 1) stream_write(interp, interp.sys_stdout, str(interp, a[0])->view());
    std::string line;
    if (!interp.read_stdin || !interp.read_stdin(line)) raise(interp, interp.exc.EOFError, "EOF when reading a line");
    return make_str(interp, line);
}

}  // namespace

void init_builtins(Interp& interp) {
    Module* m = make_module(interp, "builtins");
    interp.builtins_module = m;
    interp.builtins = m->dict;
    Dict* d = m->dict;
    struct Fn {
        const char* name;
        NativeFn fn;
    };
    for (const Fn& f : {Fn{"print", b_print}, Fn{"len", b_len}, Fn{"repr", b_repr}, Fn{"ascii", b_ascii},
                        Fn{"abs", b_abs}, Fn{"min", b_min}, Fn{"max", b_max}, Fn{"sum", b_sum}, Fn{"any", b_any},
                        Fn{"all", b_all}, Fn{"sorted", b_sorted}, Fn{"isinstance", b_isinstance},
                        Fn{"issubclass", b_issubclass}, Fn{"getattr", b_getattr}, Fn{"setattr", b_setattr},
                        Fn{"delattr", b_delattr}, Fn{"hasattr", b_hasattr}, Fn{"callable", b_callable},
                        Fn{"chr", b_chr}, Fn{"ord", b_ord}, Fn{"hex", b_hex}, Fn{"oct", b_oct}, Fn{"bin", b_bin},
                        Fn{"format", b_format}, Fn{"hash", b_hash}, Fn{"id", b_id}, Fn{"iter", b_iter},
                        Fn{"next", b_next}, Fn{"divmod", b_divmod}, Fn{"pow", b_pow}, Fn{"round", b_round},
                        Fn{"vars", b_vars}, Fn{"dir", b_dir}, Fn{"input", b_input}}) {
        BuiltinFunction* b = make_builtin(interp, f.name, f.fn);
        d->set_str(interp, b->name, b);
    }
    const BuiltinTypes& t = interp.types;
    for (Type* type : {t.object, t.type, t.bool_, t.int_, t.float_, t.str, t.bytes, t.bytearray, t.tuple, t.list,
                       t.dict, t.set, t.frozenset, t.range, t.slice, t.property, t.staticmethod, t.classmethod,
                       t.super, t.enumerate, t.zip, t.map, t.filter, t.reversed})
        d->set_str(interp, type->name, type);
#define X(field, name, base, base2) d->set_str(interp, name, interp.exc.field);
    CORIO_EXCEPTION_TYPES(X)
#undef X
    d->set_str(interp, "None", interp.none);
    d->set_str(interp, "True", interp.true_);
    d->set_str(interp, "False", interp.false_);
    d->set_str(interp, "Ellipsis", interp.ellipsis);
    d->set_str(interp, "NotImplemented", interp.not_implemented);
    d->set_str(interp, "EnvironmentError", interp.exc.OSError);
    d->set_str(interp, "IOError", interp.exc.OSError);
    d->set_str(interp, "__debug__", interp.true_);
}

}  // namespace corio::py
