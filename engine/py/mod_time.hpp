// mod_time.hpp — the `time` module (mod_time.cpp): clocks read from the
// Interp's host (virtual under `corio run --clock=virtual`), sleep, and
// struct_time / strftime / gmtime / localtime / asctime / ctime / mktime.
#pragma once

namespace corio::py {

class Interp;
class Module;

Module* make_time_module(Interp& interp);

}  // namespace corio::py
