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

namespace {
void run_frozen(Interp& interp, std::string_view name, std::string_view source, Dict* globals) {
    std::string filename = "<frozen " + std::string(name) + ">";
    register_source(interp, filename, std::string(source));
    Code* code = load_code(interp, compile_program(source, filename));
    run_module_code(interp, code, globals);
}
}  // namespace

Module* load_frozen_module(Interp& interp, std::string_view name) {
    std::string_view source;
    if (name == "itertools") source = itertools_source();
    else if (name == "functools") source = functools_source();
    else if (name == "contextlib") source = contextlib_source();
    else if (name == "collections") source = collections_source();
    else return nullptr;
    Module* m = make_module(interp, name);
    run_frozen(interp, name, source, m->dict);
    return m;
}

void install_python_builtins(Interp& interp) {
    run_frozen(interp, "builtins", python_builtins_source(), interp.builtins);
}

}  // namespace corio::py
