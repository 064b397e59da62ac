// mod_math.hpp — the `math` module (mod_math.cpp).
#pragma once

namespace corio::py {

class Interp;
class Module;

Module* make_math_module(Interp& interp);

}  // namespace corio::py
