// mod_aiohttp.hpp — the `aiohttp` module: the client subset tutorials use
// (ClientSession, responses, the exceptions, ClientTimeout), in Python
// (frozen_aiohttp.cpp), over one native primitive (mod_aiohttp.cpp) that
// starts an HTTP request on the engine's Host and completes an asyncio
// future with the response.
#pragma once

namespace corio::py {

class Interp;
class Module;

// Creates, registers (sys.modules['aiohttp']) and returns aiohttp.
Module* make_aiohttp_module(Interp& interp);

}  // namespace corio::py
