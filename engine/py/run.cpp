// run.cpp — reporting what ended a program, as CPython does.
#include "py/run.hpp"

#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/traceback.hpp"

namespace corio::py {

namespace {

void write_err(Interp& interp, std::string_view text) {
    if (interp.write_stderr) interp.write_stderr(text);
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

}  // namespace corio::py
