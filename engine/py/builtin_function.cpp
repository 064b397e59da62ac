// builtin_function.cpp — C++ functions as Python callables: calling
// (binding self, checking unbound method calls), method binding as a
// descriptor, reprs, and the argument-parsing helpers with CPython's messages.
#include "py/builtin_function.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"

namespace corio::py {

void BuiltinFunction::trace(Tracer& tracer) {
    tracer.visit(name);
    tracer.visit(owner);
    tracer.visit(self);
}

BuiltinFunction* make_builtin(Interp& interp, std::string_view name, NativeFn fn) {
    return interp.heap.make<BuiltinFunction>(interp.types.builtin_function, interp.intern(name), fn,
                                             NativeKind::Function);
}

BuiltinFunction* add_method(Interp& interp, Type* type, std::string_view name, NativeFn fn, NativeKind kind) {
    Type* ft = kind == NativeKind::Method        ? interp.types.method_descriptor
               : kind == NativeKind::ClassMethod ? interp.types.classmethod_descriptor
                                                 : interp.types.builtin_function;
    auto* f = interp.heap.make<BuiltinFunction>(ft, interp.intern(name), fn, kind);
    f->owner = type;
    type->dict->set_str(interp, f->name, f);
    return f;
}

Value call_builtin(Interp& interp, BuiltinFunction* fn, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (fn->self) {
        std::size_t total = nargs + (kwnames ? kwnames->size() : 0);
        Value buf[8];
        std::vector<Value> big;
        Value* all = buf;
        if (total + 1 > 8) {
            big.resize(total + 1);
            all = big.data();
        }
        all[0] = fn->self;
        for (std::size_t i = 0; i < total; ++i) all[i + 1] = args[i];
        return fn->fn(interp, CallArgs{all, nargs + 1, kwnames, fn});
    }
    if (fn->kind == NativeKind::Method) {
        std::string owner(fn->owner->name->view());
        if (nargs == 0) {
            if (fn->type() == interp.types.wrapper_descriptor)
                raise_type_error(interp, std::string("descriptor '") + std::string(fn->name->view()) + "' of '" + owner +
                                             "' object needs an argument");
            raise_type_error(interp, std::string("unbound method ") + owner + "." + std::string(fn->name->view()) +
                                         "() needs an argument");
        }
        if (!is_subtype(interp.type_of(args[0]), fn->owner))
            raise_type_error(interp, std::string("descriptor '") + std::string(fn->name->view()) + "' requires a '" + owner +
                                         "' object but received a '" + std::string(type_name(interp, args[0])) + "'");
    }
    return fn->fn(interp, CallArgs{args, nargs, kwnames, fn});
}

namespace {

Value builtin_call_slot(Interp& interp, Value callable, const Value* args, std::size_t nargs, Tuple* kwnames) {
    return call_builtin(interp, static_cast<BuiltinFunction*>(callable.as_object()), args, nargs, kwnames);
}

Value method_get(Interp& interp, Value descr, Value obj, Type* owner) {
    auto* f = static_cast<BuiltinFunction*>(descr.as_object());
    if (f->kind == NativeKind::ClassMethod) {
        auto* b = interp.heap.make<BuiltinFunction>(interp.types.builtin_function, f->name, f->fn, f->kind);
        b->owner = f->owner;
        b->self = owner ? Value(owner) : Value(interp.type_of(obj));
        return b;
    }
    if (!obj) return descr;
    auto* b = interp.heap.make<BuiltinFunction>(interp.types.builtin_function, f->name, f->fn, f->kind);
    b->owner = f->owner;
    b->self = obj;
    b->data = f->data;
    return b;
}

Value builtin_repr(Interp& interp, Value self) {
    auto* f = static_cast<BuiltinFunction*>(self.as_object());
    std::string name(f->name->view());
    Type* t = f->type();
    if (t == interp.types.method_descriptor)
        return make_str(interp, std::string("<method '") + name + "' of '" + std::string(f->owner->name->view()) + "' objects>");
    if (t == interp.types.wrapper_descriptor)
        return make_str(interp, std::string("<slot wrapper '") + name + "' of '" + std::string(f->owner->name->view()) + "' objects>");
    if (t == interp.types.classmethod_descriptor)
        return make_str(interp, std::string("<method '") + name + "' of '" + std::string(f->owner->name->view()) + "' objects>");
    if (!f->self || f->self.is_object() == false || f->self.as_object()->type() == interp.types.module)
        return make_str(interp, std::string("<built-in function ") + name + ">");
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(f->self.bits()));
    if (interp.type_of(f->self)->flags & kTypeTypeSubclass)
        return make_str(interp, std::string("<built-in method ") + name + " of type object at " + buf + ">");
    return make_str(interp, std::string("<built-in method ") + name + " of " + std::string(type_name(interp, f->self)) +
                                " object at " + buf + ">");
}

Value builtin_getattr(Interp& interp, Value self, Str* name) {
    auto* f = static_cast<BuiltinFunction*>(self.as_object());
    if (name == interp.names.name) return f->name;
    if (name == interp.names.qualname) {
        if (f->owner) return make_str(interp, std::string(f->owner->name->view()) + "." + std::string(f->name->view()));
        return f->name;
    }
    if (name == interp.intern("__self__")) return f->self ? f->self : interp.none;
    if (name == interp.intern("__objclass__") && f->owner) return f->owner;
    if (name == interp.names.doc) return interp.none;
    if (name == interp.names.module) return f->owner ? interp.none : Value(make_str(interp, "builtins"));
    return generic_getattr(interp, self, name);
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void init_builtin_function_types(Interp& interp) {
    for (Type* t : {interp.types.builtin_function, interp.types.method_descriptor, interp.types.wrapper_descriptor,
                    interp.types.classmethod_descriptor}) {
        t->slots.call = builtin_call_slot;
        t->slots.repr = builtin_repr;
        t->slots.getattr = builtin_getattr;
        t->slots.hash = [](Interp&, Value v) { return static_cast<int64_t>(v.bits() >> 4); };
    }
    for (Type* t : {interp.types.method_descriptor, interp.types.wrapper_descriptor, interp.types.classmethod_descriptor})
        t->slots.descr_get = method_get;
}

void check_no_kwargs(Interp& interp, const CallArgs& a, std::string_view fname) {
    if (a.kwcount()) raise_type_error(interp, std::string(fname) + "() takes no keyword arguments");
}

void check_nargs(Interp& interp, const CallArgs& a, std::string_view fname, std::size_t min, std::size_t max) {
    if (!a.kwnames && a.nargs >= min && a.nargs <= max) return;
    check_no_kwargs(interp, a, fname);
    if (a.nargs >= min && a.nargs <= max) return;
    // Methods count self in min/max and nargs; messages do not.
    std::size_t self = a.fn && a.fn->kind != NativeKind::Function && a.fn->kind != NativeKind::StaticMethod ? 1 : 0;
    if (self && a.nargs == 0) raise_type_error(interp, std::string("unbound method ") + std::string(fname) + "() needs an argument");
    std::size_t n = a.nargs - self, lo = min - self, hi = max - self;
    std::string f(fname);
    if (lo == hi && lo == 0) raise_type_error(interp, f + "() takes no arguments (" + std::to_string(n) + " given)");
    if (lo == hi && lo == 1) raise_type_error(interp, f + "() takes exactly one argument (" + std::to_string(n) + " given)");
    if (lo == hi) raise_type_error(interp, f + " expected " + plural(lo, "argument") + ", got " + std::to_string(n));
    if (n < lo) raise_type_error(interp, f + " expected at least " + plural(lo, "argument") + ", got " + std::to_string(n));
    raise_type_error(interp, f + " expected at most " + plural(hi, "argument") + ", got " + std::to_string(n));
}

void parse_args(Interp& interp, const CallArgs& a, const ArgSpec& spec, Value* out) {
    std::size_t count = spec.names.size();
    for (std::size_t i = 0; i < count; ++i) out[i] = Value();
    std::string f(spec.fname);
    if (a.nargs > spec.max_positional) {
        if (spec.max_positional == 0)
            raise_type_error(interp, f + "() takes no positional arguments");
        raise_type_error(interp, f + "() takes at most " + plural(spec.max_positional, "argument") + " (" +
                                     std::to_string(a.nargs) + " given)");
    }
    for (std::size_t i = 0; i < a.nargs; ++i) out[i] = a.args[i];
    for (std::size_t k = 0; k < a.kwcount(); ++k) {
        Str* kw = static_cast<Str*>((*a.kwnames)[k].as_object());
        std::size_t i = 0;
        for (std::string_view n : spec.names) {
            if (n == kw->view()) break;
            ++i;
        }
        if (i == count)
            raise_type_error(interp, std::string("'") + std::string(kw->view()) + "' is an invalid keyword argument for " + f + "()");
        if (out[i])
            raise_type_error(interp, std::string("argument for ") + f + "() given by name ('" + std::string(kw->view()) +
                                         "') and position (" + std::to_string(i + 1) + ")");
        out[i] = a.args[a.nargs + k];
    }
    std::size_t i = 0;
    for (std::string_view n : spec.names) {
        if (i >= spec.min_positional) break;
        if (!out[i])
            raise_type_error(interp, f + "() missing required argument '" + std::string(n) + "' (pos " +
                                         std::to_string(i + 1) + ")");
        ++i;
    }
}

}  // namespace corio::py
