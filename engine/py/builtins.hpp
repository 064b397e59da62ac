// builtins.hpp — the builtins module: print, len, sorted, min, ... and the
// builtin types under their names. The VM adds its own (__build_class__,
// globals, locals, exec, eval) to interp.builtins.
#pragma once

#include "py/interp.hpp"

namespace corio::py {

// Fills interp.builtins (called by the Interp constructor).
void init_builtins(Interp& interp);
void init_builtins_conversions(Interp& interp);  // builtins_convert.cpp
void init_builtins_iteration(Interp& interp);    // builtins_iter.cpp

}  // namespace corio::py
