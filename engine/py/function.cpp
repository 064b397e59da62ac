// function.cpp — function objects: creation, attributes, __get__, and
// binding a call's arguments to the parameters with CPython's messages
// (ceval.c's initialize_locals, too_many_positional, missing_arguments).
#include "py/function.hpp"

#include <string>
#include <vector>

#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/frame.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm.hpp"

namespace corio::py {

void Function::trace(Tracer& tracer) {
    tracer.visit(code);
    tracer.visit(globals);
    tracer.visit(builtins);
    tracer.visit(name);
    tracer.visit(qualname);
    tracer.visit(doc);
    tracer.visit(module);
    tracer.visit(defaults);
    tracer.visit(kwdefaults);
    tracer.visit(closure);
    tracer.visit(annotations);
    tracer.visit(dict);
}

Function* make_function(Interp& interp, Code* code, Dict* globals) {
    Dict* builtins = interp.builtins;
    Value b = globals->get_str(interp.names.builtins);
    if (b && is_dict(interp, b)) builtins = static_cast<Dict*>(b.as_object());
    auto* fn = interp.heap.make<Function>(vm_of(interp).types.function, code, globals, builtins);
    fn->name = code->name;
    fn->qualname = code->qualname;
    fn->doc = interp.none;
    Value module = globals->get_str(interp.names.name);
    fn->module = module ? module : interp.none;
    return fn;
}

bool is_function(Interp& interp, Value v) noexcept {
    return v.is_object() && v.as_object()->type() == vm_of(interp).types.function;
}

namespace {

// 'a', 'a' and 'b', 'a', 'b', and 'c' (format_missing).
std::string join_names(const std::vector<std::string>& names) {
    if (names.size() == 1) return names[0];
    if (names.size() == 2) return names[0] + " and " + names[1];
    std::string out;
    for (std::size_t i = 0; i + 2 < names.size(); ++i) out += names[i] + ", ";
    return out + names[names.size() - 2] + ", and " + names.back();
}

[[noreturn]] void missing_arguments(Interp& interp, Function* fn, const Value* locals,
                                    bool positional, int defcount) {
    Code* co = fn->code;
    int start = positional ? 0 : co->argcount;
    int end = positional ? co->argcount - defcount : co->total_args();
    std::vector<std::string> names;
    for (int i = start; i < end; ++i) {
        if (locals[i]) continue;
        std::string quoted(1, '\'');
        quoted += co->varnames[static_cast<std::size_t>(i)]->view();
        quoted += '\'';
        names.push_back(std::move(quoted));
    }
    std::string msg = std::string(fn->qualname->view()) + "() missing " + std::to_string(names.size()) +
                      " required " + (positional ? "positional" : "keyword-only") + " argument" +
                      (names.size() == 1 ? "" : "s") + ": " + join_names(names);
    raise_type_error(interp, msg);
}

[[noreturn]] void too_many_positional(Interp& interp, Function* fn, const Value* locals,
                                      std::size_t given) {
    Code* co = fn->code;
    int kwonly_given = 0;
    for (int i = co->argcount; i < co->total_args(); ++i)
        if (locals[i]) ++kwonly_given;
    std::size_t defcount = fn->defaults ? fn->defaults->size() : 0;
    std::string sig;
    bool plural;
    if (defcount) {
        plural = true;
        sig = "from " + std::to_string(static_cast<std::size_t>(co->argcount) - defcount) + " to " +
              std::to_string(co->argcount);
    } else {
        plural = co->argcount != 1;
        sig = std::to_string(co->argcount);
    }
    std::string kwonly_sig;
    if (kwonly_given)
        kwonly_sig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                     std::to_string(kwonly_given) + " keyword-only argument" +
                     (kwonly_given != 1 ? "s" : "") + ")";
    std::string msg = std::string(fn->qualname->view()) + "() takes " + sig + " positional argument" +
                      (plural ? "s" : "") + " but " + std::to_string(given) + kwonly_sig + " " +
                      (given == 1 && !kwonly_given ? "was" : "were") + " given";
    raise_type_error(interp, msg);
}

// A keyword naming a positional-only parameter, with no **kwargs to take it.
void check_positional_only_as_keyword(Interp& interp, Function* fn, Tuple* kwnames) {
    Code* co = fn->code;
    std::vector<std::string> names;
    for (int k = 0; k < co->posonlyargcount; ++k) {
        Str* posonly = co->varnames[static_cast<std::size_t>(k)];
        for (Value kw : *kwnames)
            if (str_equal(posonly, static_cast<Str*>(kw.as_object()))) {
                names.emplace_back(posonly->view());
                break;
            }
    }
    if (names.empty()) return;
    std::string joined;
    for (std::size_t i = 0; i < names.size(); ++i) joined += (i ? ", " : "") + names[i];
    raise_type_error(interp, std::string(fn->qualname->view()) +
                                 "() got some positional-only arguments passed as keyword arguments: '" +
                                 joined + "'");
}

}  // namespace

void bind_arguments(Interp& interp, Function* fn, Frame* frame, const Value* args,
                    std::size_t nargs, Tuple* kwnames) {
    Code* co = fn->code;
    Value* locals = frame->slots();
    const int total_args = co->total_args();
    const auto argcount = static_cast<std::size_t>(co->argcount);

    Dict* kwdict = nullptr;
    if (co->flags & kCoVarkeywords) {
        kwdict = make_dict(interp);
        locals[total_args + ((co->flags & kCoVarargs) ? 1 : 0)] = kwdict;
    }
    const std::size_t n = nargs > argcount ? argcount : nargs;
    for (std::size_t j = 0; j < n; ++j) locals[j] = args[j];
    if (co->flags & kCoVarargs) locals[total_args] = make_tuple(interp, args + n, nargs - n);

    if (kwnames) {
        const Value* kwvalues = args + nargs;
        for (std::size_t i = 0; i < kwnames->size(); ++i) {
            Value key = (*kwnames)[i];
            Str* keyword = as_str(interp, key);
            if (!keyword)
                raise_type_error(interp, std::string(fn->qualname->view()) + "() keywords must be strings");
            int j = co->posonlyargcount;
            for (; j < total_args; ++j)
                if (co->varnames[static_cast<std::size_t>(j)] == keyword) break;
            if (j == total_args)
                for (j = co->posonlyargcount; j < total_args; ++j)
                    if (str_equal(co->varnames[static_cast<std::size_t>(j)], keyword)) break;
            if (j == total_args) {
                if (!kwdict) {
                    if (co->posonlyargcount) check_positional_only_as_keyword(interp, fn, kwnames);
                    raise_type_error(interp, std::string(fn->qualname->view()) +
                                                 "() got an unexpected keyword argument '" +
                                                 std::string(keyword->view()) + "'");
                }
                kwdict->set(interp, keyword, kwvalues[i]);
                continue;
            }
            if (locals[j])
                raise_type_error(interp, std::string(fn->qualname->view()) +
                                             "() got multiple values for argument '" +
                                             std::string(keyword->view()) + "'");
            locals[j] = kwvalues[i];
        }
    }

    if (nargs > argcount && !(co->flags & kCoVarargs)) too_many_positional(interp, fn, locals, nargs);

    if (nargs < argcount) {
        const std::size_t defcount = fn->defaults ? fn->defaults->size() : 0;
        const std::size_t m = argcount - defcount;
        bool missing = false;
        for (std::size_t i = nargs; i < m; ++i)
            if (!locals[i]) missing = true;
        if (missing) missing_arguments(interp, fn, locals, true, static_cast<int>(defcount));
        for (std::size_t i = n > m ? n - m : 0; i < defcount; ++i)
            if (!locals[m + i]) locals[m + i] = (*fn->defaults)[i];
    }

    if (co->kwonlyargcount > 0) {
        bool missing = false;
        for (int i = co->argcount; i < total_args; ++i) {
            if (locals[i]) continue;
            if (fn->kwdefaults) {
                Value def = fn->kwdefaults->get(interp, co->varnames[static_cast<std::size_t>(i)]);
                if (def) {
                    locals[i] = def;
                    continue;
                }
            }
            missing = true;
        }
        if (missing) missing_arguments(interp, fn, locals, false, -1);
    }
}

// ---------------------------------------------------------------- the type

namespace {

enum Field : int {
    kName, kQualname, kDoc, kModule, kDefaults, kKwdefaults, kClosure, kAnnotations, kCode,
    kGlobals, kDictField, kBuiltins,
};

Value or_none(Interp& interp, Value v) { return v ? v : interp.none; }

Value get_field(Interp& interp, Object* self, int index) {
    auto* fn = static_cast<Function*>(self);
    switch (index) {
        case kName: return fn->name;
        case kQualname: return fn->qualname;
        case kDoc: return or_none(interp, fn->doc);
        case kModule: return or_none(interp, fn->module);
        case kDefaults: return or_none(interp, fn->defaults);
        case kKwdefaults: return or_none(interp, fn->kwdefaults);
        case kClosure: return or_none(interp, fn->closure);
        case kAnnotations:
            if (!fn->annotations) fn->annotations = make_dict(interp);
            return fn->annotations;
        case kCode: return fn->code;
        case kGlobals: return fn->globals;
        case kDictField:
            if (!fn->dict) fn->dict = make_dict(interp);
            return fn->dict;
        case kBuiltins: return fn->builtins;
        default: return interp.none;
    }
}

Str* require_str(Interp& interp, Value v, const char* what) {
    Str* s = as_str(interp, v);
    if (!s) raise_type_error(interp, std::string(what) + " must be set to a string object");
    return s;
}

void set_field(Interp& interp, Object* self, int index, Value v) {
    auto* fn = static_cast<Function*>(self);
    const bool none = !v || v == interp.none;
    switch (index) {
        case kName: fn->name = require_str(interp, v, "__name__"); return;
        case kQualname: fn->qualname = require_str(interp, v, "__qualname__"); return;
        case kDoc: fn->doc = v ? v : interp.none; return;
        case kModule: fn->module = v ? v : interp.none; return;
        case kDefaults:
            if (!none && !is_tuple(interp, v))
                raise_type_error(interp, "__defaults__ must be set to a tuple object");
            fn->defaults = none ? nullptr : static_cast<Tuple*>(v.as_object());
            return;
        case kKwdefaults:
            if (!none && !is_dict(interp, v))
                raise_type_error(interp, "__kwdefaults__ must be set to a dict object");
            fn->kwdefaults = none ? nullptr : static_cast<Dict*>(v.as_object());
            return;
        case kAnnotations:
            if (!none && !is_dict(interp, v))
                raise_type_error(interp, "__annotations__ must be set to a dict object");
            fn->annotations = none ? Value() : v;
            return;
        case kDictField:
            if (!v || !is_dict(interp, v))
                raise_type_error(interp, "__dict__ must be set to a dictionary, not a '" +
                                             std::string(type_name(interp, v ? v : interp.none)) + "'");
            fn->dict = static_cast<Dict*>(v.as_object());
            return;
        default: raise(interp, interp.exc.AttributeError, "readonly attribute");
    }
}

Value function_call(Interp& interp, Value callable, const Value* args, std::size_t nargs,
                    Tuple* kwnames) {
    return call_function(interp, static_cast<Function*>(callable.as_object()), args, nargs, kwnames);
}

Value function_get(Interp& interp, Value descr, Value obj, Type*) {
    if (!obj || obj == interp.none) return descr;
    return make_bound_method(interp, descr, obj);
}

Value function_repr(Interp& interp, Value self) {
    auto* fn = static_cast<Function*>(self.as_object());
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(fn));
    return make_str(interp, "<function " + std::string(fn->qualname->view()) + " at " + addr + ">");
}

}  // namespace

void init_function_type(Interp& interp, Type* type) {
    type->slots.call = function_call;
    type->slots.descr_get = function_get;
    type->slots.repr = function_repr;
    type->instance_dict = Function::dict_of;
    struct Member {
        const char* name;
        int index;
        bool writable;
    };
    static constexpr Member members[] = {
        {"__name__", kName, true},         {"__qualname__", kQualname, true},
        {"__doc__", kDoc, true},           {"__module__", kModule, true},
        {"__defaults__", kDefaults, true}, {"__kwdefaults__", kKwdefaults, true},
        {"__closure__", kClosure, false},  {"__annotations__", kAnnotations, true},
        {"__code__", kCode, false},        {"__globals__", kGlobals, false},
        {"__dict__", kDictField, true},    {"__builtins__", kBuiltins, false},
    };
    for (const Member& m : members)
        add_member(interp, type, m.name, get_field, m.writable ? set_field : nullptr, m.index);
    finish_builtin_type(interp, type);
}

}  // namespace corio::py
