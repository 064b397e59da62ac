// vm_import.cpp — the import instructions: modules come from sys.modules
// (the builtin ones), else from NAME.py beside the main script, executed
// once and registered before it runs (as CPython's import system does).
#include <fstream>
#include <sstream>
#include <string>

#include "py/code.hpp"
#include "py/vm_source.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/traceback.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm_ops.hpp"
#include "py/mod_aiohttp.hpp"
#include "py/mod_asyncio.hpp"
#include "py/mod_math.hpp"
#include "py/mod_os.hpp"
#include "py/mod_random.hpp"
#include "py/mod_time.hpp"
#include "py/mod_traceback.hpp"
#include "py/frozen_modules.hpp"

namespace corio::py {

namespace {

[[noreturn]] void not_found(Interp& interp, std::string_view name) {
    ExceptionObject* e = new_exception(interp, interp.exc.ModuleNotFoundError,
                                       "No module named '" + std::string(name) + "'");
    try {
        setattr(interp, e, interp.intern("name"), make_str(interp, name));
    } catch (...) {
    }
    throw PyException{e};
}

// NAME.py in the main script's folder, compiled and run as module NAME.
Value load_source_module(Interp& interp, std::string_view name) {
    Vm& vm = vm_of(interp);
    if (vm.module_dir.empty()) return Value();
    std::string path = vm.module_dir + "/" + std::string(name) + ".py";
    std::ifstream in(path, std::ios::binary);
    if (!in) return Value();
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string source = ss.str();
    register_source(interp, path, source);
    std::shared_ptr<const CodeSpec> spec;
    try {
        spec = compile_program(source, path);
    } catch (const SyntaxError& err) {
        throw PyException{syntax_error_value(interp, err, path)};
    }
    Code* code = load_code(interp, spec);
    Module* m = make_module(interp, name);
    m->dict->set_str(interp, "__file__", make_str(interp, path));
    interp.add_module(m);
    try {
        run_module_code(interp, code, m->dict);
    } catch (...) {
        interp.modules->remove(interp, make_str(interp, name));
        throw;
    }
    return m;
}

// Modules written in C++, created on first import.
Value load_native_module(Interp& interp, std::string_view name) {
    Module* m = nullptr;
    if (name == "math") m = make_math_module(interp);
    if (name == "asyncio") m = make_asyncio_module(interp);
    if (name == "random") m = make_random_module(interp);
    if (name == "time") m = make_time_module(interp);
    if (name == "os") m = make_os_module(interp);
    if (name == "traceback") m = make_traceback_module(interp);
    if (name == "aiohttp") m = make_aiohttp_module(interp);
    if (!m) m = load_frozen_module(interp, name);
    if (!m) return Value();
    interp.add_module(m);
    return m;
}

Value find_module(Interp& interp, std::string_view name) {
    Value m = interp.modules->get_str(interp, name);
    if (m) return m;
    if (Value native = load_native_module(interp, name)) return native;
    return load_source_module(interp, name);
}

}  // namespace

Value import_name(Interp& interp, Frame* f, Str* name, Value fromlist, Value level) {
    (void)f;
    int64_t lvl = 0;
    if (level && level.is_small_int()) lvl = level.as_small_int();
    if (lvl > 0) raise(interp, interp.exc.ImportError, "attempted relative import with no known parent package");
    std::string_view full = name->view();
    // Import each package along the dotted path.
    Value top;
    Value mod;
    for (std::size_t dot = 0;;) {
        std::size_t next = full.find('.', dot);
        std::string_view prefix = full.substr(0, next);
        mod = find_module(interp, prefix);
        if (!mod) not_found(interp, prefix);
        if (!top) top = mod;
        if (next == std::string_view::npos) break;
        dot = next + 1;
    }
    const bool has_fromlist = fromlist && fromlist != interp.none && truthy(interp, fromlist);
    return has_fromlist ? mod : top;
}

Value import_from(Interp& interp, Value module, Str* name) {
    Value v = getattr_opt(interp, module, name);
    if (v) return v;
    Value modname = getattr_opt(interp, module, interp.names.name);
    std::string mn = modname && is_str(interp, modname) ? str_utf8(interp, modname) : "<unknown module name>";
    Value sub = interp.modules->get_str(interp, mn + "." + std::string(name->view()));
    if (sub) return sub;
    Value file = getattr_opt(interp, module, interp.intern("__file__"));
    std::string where = file && is_str(interp, file) ? str_utf8(interp, file) : "unknown location";
    ExceptionObject* e = new_exception(interp, interp.exc.ImportError,
                                       "cannot import name '" + std::string(name->view()) + "' from '" + mn +
                                           "' (" + where + ")");
    throw PyException{e};
}

void import_star(Interp& interp, Frame* f, Value module) {
    Value all = getattr_opt(interp, module, interp.intern("__all__"));
    auto store = [&](Value key) {
        Str* k = as_str(interp, key);
        if (!k) raise_type_error(interp, "Item in __all__ must be str");
        store_name(interp, f, k, getattr(interp, module, k));
    };
    if (all) {
        Value it = iter(interp, all);
        while (Value k = iter_next(interp, it)) store(k);
        return;
    }
    Value d = getattr(interp, module, interp.names.dict);
    auto* dict = static_cast<Dict*>(d.as_object());
    std::vector<Value> keys;
    for (std::size_t i = 0; i < dict->entry_count(); ++i)
        if (const auto& e = dict->entry(i); e.key) {
            Str* k = as_str(interp, e.key);
            if (k && !k->view().empty() && k->view()[0] != '_') keys.push_back(e.key);
        }
    for (Value k : keys) store(k);
}

}  // namespace corio::py
