// run.hpp — running a program: source text in, exit status out. Parses,
// compiles, loads and executes it as module __main__ (sys.argv set, the
// source kept for tracebacks), and reports what ends it as CPython does:
// a SyntaxError before anything runs, an uncaught exception's traceback on
// stderr (status 1), sys.exit(n) (status n, or 1 with the message printed
// for a non-int). All output goes through interp.write_stdout/write_stderr.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "py/interp.hpp"

namespace corio::py {

// The exit status of a SystemExit (its code: None 0, an int, else 1 after
// printing it to stderr).
int system_exit_status(Interp& interp, Value exc);

// Runs `source` as __main__; `filename` names it in tracebacks and
// __file__; argv becomes sys.argv. The Interp needs a Vm (vm.hpp); one is
// created for the run if it has none.
int run_main(Interp& interp, std::string_view filename, std::string_view source,
             const std::vector<std::string>& argv);

// Reports an exception that ended the program: flushes nothing itself (the
// sinks decide), writes the traceback to stderr; returns the exit status.
int report_uncaught(Interp& interp, Value exc);

}  // namespace corio::py
