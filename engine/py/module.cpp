// module.cpp — module objects, the sys module, and sys.stdout/sys.stderr
// (text streams writing to the Interp's sinks). sys.exc_info() and
// sys._getframe() read the VM's state when called (the sys module itself
// is made before the VM).
#include "py/module.hpp"

#include <algorithm>
#include <climits>
#include <string>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/traceback.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm.hpp"

namespace corio::py {

void Module::trace(Tracer& tracer) {
    tracer.visit(name);
    tracer.visit(dict);
}

Module* make_module(Interp& interp, std::string_view name) {
    Module* m = interp.heap.make<Module>(interp.types.module);
    m->name = interp.intern(name);
    m->dict = make_dict(interp);
    m->dict->set_str(interp, interp.names.name, m->name);
    m->dict->set_str(interp, interp.names.doc, interp.none);
    return m;
}

void stream_write(Interp& interp, Value stream, std::string_view text) {
    if (interp.type_of(stream) == interp.types.text_stream) {
        auto* s = static_cast<TextStream*>(stream.as_object());
        auto& sink = s->is_stderr() ? interp.write_stderr : interp.write_stdout;
        if (sink) sink(text);
        return;
    }
    call_method(interp, stream, interp.names.write, {make_str(interp, text)});
}

void stream_flush(Interp& interp, Value stream) {
    if (interp.type_of(stream) != interp.types.text_stream) {
        call_method(interp, stream, interp.names.flush, {});
        return;
    }
    // stderr is written through at once; only stdout may be held.
    if (!static_cast<TextStream*>(stream.as_object())->is_stderr() && interp.flush_stdout) interp.flush_stdout();
}

namespace {

// The language version corio follows (sys.version_info).
constexpr int kVersionMajor = 3, kVersionMinor = 11, kVersionMicro = 0;

Value module_getattr(Interp& interp, Value self, Str* name) {
    auto* m = static_cast<Module*>(self.as_object());
    if (name == interp.names.dict) return m->dict;
    if (Value v = m->dict->get_str(name)) return v;
    if (Value v = generic_getattr(interp, self, name)) return v;
    if (Value ga = m->dict->get_str(interp.names.getattr)) {
        Value nv = name;
        return call(interp, ga, &nv, 1);
    }
    return Value();
}

void module_setattr(Interp& interp, Value self, Str* name, Value value) {
    auto* m = static_cast<Module*>(self.as_object());
    if (value) m->dict->set_str(interp, name, value);
    else if (!m->dict->remove(interp, name)) raise_attribute_error(interp, self, name);
}

Value module_repr(Interp& interp, Value self) {
    auto* m = static_cast<Module*>(self.as_object());
    if (m == interp.builtins_module || m == interp.sys_module)
        return make_str(interp, std::string("<module '") + std::string(m->name->view()) + "' (built-in)>");
    Value file = m->dict->get_str(interp.intern("__file__"));
    if (file) return make_str(interp, std::string("<module '") + std::string(m->name->view()) + "' from " + repr_utf8(interp, file) + ">");
    return make_str(interp, std::string("<module '") + std::string(m->name->view()) + "'>");
}

Value module_new(Interp& interp, Type*, const Value* args, std::size_t nargs, Tuple*) {
    if (nargs < 1 || !is_str(interp, args[0])) raise_type_error(interp, "module() argument 'name' must be str");
    return make_module(interp, static_cast<Str*>(args[0].as_object())->view());
}

Value module_dir(Interp& interp, const CallArgs& a) {
    auto* m = static_cast<Module*>(a[0].as_object());
    List* out = make_list(interp);
    for (std::size_t i = 0; i < m->dict->entry_count(); ++i)
        if (m->dict->entry(i).key) out->append(interp, m->dict->entry(i).key);
    list_sort(interp, out, Value(), false);
    return out;
}

Value stream_write_method(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "write", 2, 2);
    Str* s = as_str(interp, a[1]);
    if (!s) raise_type_error(interp, std::string("write() argument must be str, not ") + std::string(type_name(interp, a[1])));
    stream_write(interp, a[0], s->view());
    return make_int(interp, s->length());
}

Value stream_flush_method(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "flush", 1, 1);
    stream_flush(interp, a[0]);
    return interp.none;
}
Value stream_false(Interp& interp, const CallArgs&) { return interp.false_; }

Value sys_getrecursionlimit(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "getrecursionlimit", 0, 0);
    return Value::small_int(interp.recursion_limit);
}
Value sys_setrecursionlimit(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "setrecursionlimit", 1, 1);
    if (!is_int(interp, a[0])) raise_type_error(interp, std::string("'") + std::string(type_name(interp, a[0])) + "' object cannot be interpreted as an integer");
    int64_t n = index_i64(interp, a[0]);
    if (n < 1) raise_value_error(interp, "recursion limit must be greater or equal than 1");
    interp.recursion_limit = static_cast<int>(std::min<int64_t>(n, INT32_MAX));
    return interp.none;
}
Value sys_exit(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "exit", 0, 1);
    if (a.nargs == 0) raise(interp, new_exception(interp, interp.exc.SystemExit, {}));
    raise(interp, new_exception(interp, interp.exc.SystemExit, {a[0]}));
}
// The exception being handled, as (type, value, traceback).
Value sys_exc_info(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "exc_info", 0, 0);
    Value exc = vm_of(interp).handled_exception();
    if (!exc || exc == interp.none) return make_tuple(interp, {interp.none, interp.none, interp.none});
    Value tb = is_exception(interp, exc) ? static_cast<ExceptionObject*>(exc.as_object())->traceback : Value();
    return make_tuple(interp, {interp.type_of(exc), exc, tb ? tb : interp.none});
}

// A snapshot of the frame `depth` calls up from the caller.
Value sys_getframe(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_getframe", 0, 1);
    int64_t depth = a.nargs ? index_i64(interp, a[0]) : 0;
    Frame* f = vm_of(interp).current;
    for (; f && depth > 0; --depth) f = f->back;
    if (!f) raise_value_error(interp, "call stack is not deep enough");
    return make_frame_object(interp, f);
}

Value stream_writelines(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "writelines", 2, 2);
    Value it = iter(interp, a[1]);
    while (Value line = iter_next(interp, it)) {
        Str* s = as_str(interp, line);
        if (!s) raise_type_error(interp, std::string("write() argument must be str, not ") + std::string(type_name(interp, line)));
        stream_write(interp, a[0], s->view());
    }
    return interp.none;
}

// sys.version_info: a tuple with named fields, printed as CPython's.
constexpr const char* kVersionFields[] = {"major", "minor", "micro", "releaselevel", "serial"};

Value version_field(Interp&, Object* self, int index) { return (*static_cast<Tuple*>(self))[static_cast<std::size_t>(index)]; }

Value version_info_repr(Interp& interp, Value self) {
    auto* t = static_cast<Tuple*>(self.as_object());
    std::string out = "sys.version_info(";
    for (std::size_t i = 0; i < t->size() && i < 5; ++i) {
        if (i) out += ", ";
        out += std::string(kVersionFields[i]) + "=" + repr_utf8(interp, (*t)[i]);
    }
    return make_str(interp, out + ")");
}

Value make_version_info(Interp& interp) {
    Type* type = new_builtin_type(interp, "version_info", interp.types.tuple, 0);
    type->module = interp.intern("sys");
    type->dict->set_str(interp, interp.names.module, type->module);
    type->qualname = interp.intern("version_info");
    type->slots.repr = version_info_repr;
    type->slots.new_ = nullptr;
    for (int i = 0; i < 5; ++i) add_member(interp, type, kVersionFields[i], version_field, nullptr, i);
    finish_builtin_type(interp, type);
    Tuple* v = make_tuple_of_type(interp, type, 5);
    const Value items[] = {Value::small_int(kVersionMajor), Value::small_int(kVersionMinor),
                           Value::small_int(kVersionMicro), make_str(interp, "final"), Value::small_int(0)};
    for (std::size_t i = 0; i < 5; ++i) (*v)[i] = items[i];
    return v;
}

Value sys_get_max_digits(Interp& interp, const CallArgs&) { return Value::small_int(interp.max_str_digits); }
Value sys_set_max_digits(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "set_int_max_str_digits", 1, 1);
    int64_t n = index_i64(interp, a[0]);
    if (n != 0 && n < 640) raise_value_error(interp, "maxdigits must be 0 or larger than 640");
    interp.max_str_digits = static_cast<int>(n);
    return interp.none;
}

}  // namespace

void init_module_type(Interp& interp) {
    Type* t = interp.types.module;
    t->slots.getattr = module_getattr;
    t->slots.setattr = module_setattr;
    t->slots.repr = module_repr;
    t->slots.new_ = module_new;
    add_method(interp, t, "__dir__", module_dir);
    Type* s = interp.types.text_stream;
    add_method(interp, s, "write", stream_write_method);
    add_method(interp, s, "flush", stream_flush_method);
    add_method(interp, s, "writelines", stream_writelines);
    add_method(interp, s, "isatty", stream_false);
}

void init_sys_module(Interp& interp) {
    Module* sys = make_module(interp, "sys");
    interp.sys_module = sys;
    interp.modules = make_dict(interp);
    interp.argv = make_list(interp);
    interp.sys_stdout = interp.heap.make<TextStream>(interp.types.text_stream, false);
    interp.sys_stderr = interp.heap.make<TextStream>(interp.types.text_stream, true);
    Dict* d = sys->dict;
    d->set_str(interp, "argv", interp.argv);
    d->set_str(interp, "modules", interp.modules);
    d->set_str(interp, "stdout", interp.sys_stdout);
    d->set_str(interp, "stderr", interp.sys_stderr);
    d->set_str(interp, "__stdout__", interp.sys_stdout);
    d->set_str(interp, "__stderr__", interp.sys_stderr);
    d->set_str(interp, "maxsize", make_int(interp, INT64_MAX));
    d->set_str(interp, "byteorder", make_str(interp, "little"));
    // The native build runs on Linux, and says so as CPython does there; the
    // WebAssembly bindings change it to "emscripten", CPython's name for
    // its own WebAssembly port (and Pyodide's).
    d->set_str(interp, "platform", make_str(interp, "linux"));
    d->set_str(interp, "version", make_str(interp, std::to_string(kVersionMajor) + "." + std::to_string(kVersionMinor) +
                                                       "." + std::to_string(kVersionMicro) + " (corio)"));
    d->set_str(interp, "version_info", make_version_info(interp));
    d->set_str(interp, "hexversion", make_int(interp, (kVersionMajor << 24) | (kVersionMinor << 16) |
                                                          (kVersionMicro << 8) | 0xf0));
    d->set_str(interp, "path", make_list(interp));
    struct Fn {
        const char* name;
        NativeFn fn;
    };
    for (const Fn& f : {Fn{"getrecursionlimit", sys_getrecursionlimit}, Fn{"setrecursionlimit", sys_setrecursionlimit},
                        Fn{"exit", sys_exit}, Fn{"exc_info", sys_exc_info}, Fn{"_getframe", sys_getframe},
                        Fn{"get_int_max_str_digits", sys_get_max_digits},
                        Fn{"set_int_max_str_digits", sys_set_max_digits}}) {
        BuiltinFunction* b = make_builtin(interp, f.name, f.fn);
        d->set_str(interp, b->name, b);
    }
    interp.add_module(sys);
    if (interp.builtins_module) interp.add_module(interp.builtins_module);
}

}  // namespace corio::py
