// run.hpp — how a program's end is reported, as CPython does: an uncaught
// exception's traceback on stderr (status 1, 130 for KeyboardInterrupt),
// sys.exit(n) (status n, or 1 with the message printed for a non-int). All
// output goes through interp.write_stderr. Running the program itself is
// py::Session's (session.hpp).
#pragma once

#include "py/interp.hpp"

namespace corio::py {

// The exit status of a SystemExit (its code: None 0, an int, else 1 after
// printing it to stderr).
int system_exit_status(Interp& interp, Value exc);

// Reports an exception that ended the program: flushes nothing itself (the
// sinks decide), writes the traceback to stderr; returns the exit status.
int report_uncaught(Interp& interp, Value exc);

}  // namespace corio::py
