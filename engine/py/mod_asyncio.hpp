// mod_asyncio.hpp — the `asyncio` module, served by engine/core.
//
// mod_asyncio.cpp: the engine-backed core — Future and Task types whose
// instances ARE engine futures/tasks (a heap Object and a corio::FutureBase
// or corio::TaskBase in one allocation), and the mapping between Python
// exceptions and the engine's C++ errors.
// mod_asyncio_loop.cpp: the loop (one corio::Loop per asyncio.run, on the
// Interp's host) as the prelude drives it, and call_soon/call_later handles.
// mod_asyncio_sync.cpp: Lock, Event, Semaphore, BoundedSemaphore, Condition,
// Barrier and the queues, which are the engine's primitives; their blocking
// methods return native coroutines (mod_asyncio_op.hpp), as does sleep
// (mod_asyncio_sleep.cpp).
// mod_asyncio_prelude.cpp: the Python half (CPython's runners.py, tasks.py,
// timeouts.py, taskgroups.py ... logic) compiled into the module at import,
// written on top of the core so that inline awaits schedule exactly as in
// CPython; mod_asyncio_prelude_sync.cpp: the primitives' Python parts.
#pragma once

#include <string_view>

namespace corio::py {

class Interp;
class Module;

Module* make_asyncio_module(Interp& interp);

// The Python source of the module's Python half.
std::string_view asyncio_prelude_source();
// Lock, Event, Semaphore, Queue... (mod_asyncio_prelude_sync.cpp).
std::string_view asyncio_sync_prelude_source();

}  // namespace corio::py
