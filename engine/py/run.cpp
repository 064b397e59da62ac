// run.cpp — a program from source to exit status.
#include "py/run.hpp"

#include <memory>

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
#include "py/vm.hpp"
#include "py/frozen_modules.hpp"

namespace corio::py {

namespace {

void write_err(Interp& interp, std::string_view text) {
    if (interp.write_stderr) interp.write_stderr(text);
}

std::string dirname_of(std::string_view path) {
    std::size_t slash = path.rfind('/');
    if (slash == std::string_view::npos) return ".";
    if (slash == 0) return "/";
    return std::string(path.substr(0, slash));
}

}  // namespace

int system_exit_status(Interp& interp, Value exc) {
    Value code = getattr_opt(interp, exc, interp.names.code);
    if (!code || code == interp.none) return 0;
    int64_t n;
    if (is_int(interp, code)) {
        if (int_to_i64(interp, code, n)) return static_cast<int>(n);
        return -1;
    }
    std::string text;
    try {
        text = str_utf8(interp, code);
    } catch (...) {
        text = "<exception str() failed>";
    }
    write_err(interp, text + "\n");
    return 1;
}

int report_uncaught(Interp& interp, Value exc) {
    if (exception_matches(interp, exc, interp.exc.SystemExit)) return system_exit_status(interp, exc);
    std::string report;
    try {
        report = format_exception(interp, exc);
    } catch (...) {
        report = "Exception: <exception report failed>\n";
    }
    write_err(interp, report);
    // python exits with 128 + SIGINT after an uncaught KeyboardInterrupt.
    return exception_matches(interp, exc, interp.exc.KeyboardInterrupt) ? 130 : 1;
}

int run_main(Interp& interp, std::string_view filename, std::string_view source,
             const std::vector<std::string>& argv) {
    std::unique_ptr<Vm> own_vm;
    if (!interp.vm) own_vm = std::make_unique<Vm>(interp);
    Vm& vm = vm_of(interp);
    if (!interp.builtins->get_str(interp, "anext")) install_python_builtins(interp);
    register_source(interp, filename, std::string(source));
    vm.module_dir = dirname_of(filename);

    std::shared_ptr<const CodeSpec> spec;
    try {
        spec = compile_program(source, filename);
    } catch (const SyntaxError& err) {
        write_err(interp, format_syntax_error(err, filename));
        return 1;
    }
    try {
        if (interp.argv) {
            interp.argv->clear();
            for (const std::string& a : argv) interp.argv->append(interp, make_str(interp, a));
        }
        Code* code = load_code(interp, spec);
        Module* main = make_module(interp, "__main__");
        main->dict->set_str(interp, "__file__", make_str(interp, filename));
        main->dict->set_str(interp, interp.names.builtins,
                            interp.builtins_module ? Value(interp.builtins_module) : Value(interp.builtins));
        interp.add_module(main);
        run_module_code(interp, code, main->dict);
        return 0;
    } catch (const PyException& e) {
        return report_uncaught(interp, e.exc);
    } catch (const HeapExhausted&) {
        write_err(interp, "MemoryError\n");
        return 1;
    }
}

}  // namespace corio::py
