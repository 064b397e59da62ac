// mod_traceback.hpp — the `traceback` module (mod_traceback.cpp).
#pragma once

namespace corio::py {

class Interp;
class Module;

Module* make_traceback_module(Interp& interp);

}  // namespace corio::py
