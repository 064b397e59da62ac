// frozen_modules.cpp — compiling and running the frozen Python sources.
#include "py/frozen_modules.hpp"

#include <string>

#include "py/code.hpp"
#include "py/dict.hpp"
#include "py/interp.hpp"
#include "py/module.hpp"
#include "py/traceback.hpp"
#include "py/vm.hpp"
#include "py/vm_source.hpp"

namespace corio::py {

std::string_view itertools_source();        // frozen_itertools.cpp
std::string_view functools_source();        // frozen_functools.cpp
std::string_view contextlib_source();       // frozen_functools.cpp
std::string_view collections_source();      // frozen_collections.cpp
std::string_view python_builtins_source();  // frozen_builtins.cpp
std::string_view string_source();           // frozen_string.cpp
std::string_view typing_source();           // frozen_typing.cpp
std::string_view enum_source();             // frozen_enum.cpp
std::string_view dataclasses_source();      // frozen_dataclasses.cpp
std::string_view json_source();             // frozen_json.cpp
std::string_view argparse_source();         // frozen_argparse.cpp
std::string_view posixpath_source();        // frozen_os.cpp
std::string_view multidict_source();        // frozen_multidict.cpp
std::string_view yarl_source();             // frozen_yarl.cpp

namespace {

struct FrozenModule {
    std::string_view name;
    std::string_view (*source)();
};

constexpr FrozenModule kFrozenModules[] = {
    {"itertools", itertools_source},     {"functools", functools_source},
    {"contextlib", contextlib_source},   {"collections", collections_source},
    {"string", string_source},           {"typing", typing_source},
    {"enum", enum_source},               {"dataclasses", dataclasses_source},
    {"json", json_source},               {"argparse", argparse_source},
    {"posixpath", posixpath_source},     {"multidict", multidict_source},
    {"yarl", yarl_source},
};

}  // namespace

namespace {

constexpr std::size_t kFrozenCacheSize = 32;  // more than there are frozen sources

std::string frozen_filename(std::string_view name) {
    std::string filename = "<frozen ";
    filename += name;
    filename += '>';
    return filename;
}

}  // namespace

std::shared_ptr<const CodeSpec> compile_frozen(std::string_view name, std::string_view source) {
    // Keyed by name (the frozen sources are fixed); a few dozen of them,
    // compiled anew once the table is full.
    struct Compiled {
        std::string_view name;  // a literal
        std::shared_ptr<const CodeSpec> spec;
    };
    static Compiled compiled[kFrozenCacheSize];
    for (const Compiled& c : compiled) {
        if (!c.spec) break;
        if (c.name == name) return c.spec;
    }
    std::shared_ptr<const CodeSpec> spec = compile_program(source, frozen_filename(name));
    for (Compiled& c : compiled) {
        if (c.spec) continue;
        c.name = name;
        c.spec = spec;
        break;
    }
    return spec;
}

void run_frozen_source(Interp& interp, std::string_view name, std::string_view source, Dict* globals) {
    register_source(interp, frozen_filename(name), std::string(source));
    Code* code = load_code(interp, compile_frozen(name, source));
    run_module_code(interp, code, globals);
}

Module* load_frozen_module(Interp& interp, std::string_view name) {
    for (const FrozenModule& f : kFrozenModules) {
        if (f.name != name) continue;
        Module* m = make_module(interp, name);
        run_frozen_source(interp, name, f.source(), m->dict);
        return m;
    }
    return nullptr;
}

void install_python_builtins(Interp& interp) {
    run_frozen_source(interp, "builtins", python_builtins_source(), interp.builtins);
}

}  // namespace corio::py
