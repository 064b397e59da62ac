// mod_random.hpp — the `random` module (mod_random.cpp): CPython's Mersenne
// Twister and the methods of random.Random, bit-exact for every seed.
#pragma once

namespace corio::py {

class Interp;
class Module;

Module* make_random_module(Interp& interp);

}  // namespace corio::py
