// mod_os.hpp — the `os` module (mod_os.cpp, frozen_os.cpp).
#pragma once

namespace corio::py {

class Interp;
class Module;

// Creates, registers (sys.modules['os'], and 'os.path') and returns os.
Module* make_os_module(Interp& interp);

}  // namespace corio::py
