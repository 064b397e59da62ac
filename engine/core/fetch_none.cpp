// fetch_none.cpp — make_io_host() where the engine has no I/O of its own (the
// WebAssembly build, which leaves out native_host.cpp and curl_fetch.cpp):
// the browser host performs fetches and wasm-bindings lends it to the
// virtual host with VirtualHost::set_io_host.
#include "core/fetch.hpp"
#include "core/host.hpp"

namespace corio {

std::unique_ptr<Host> make_io_host() { return nullptr; }

}  // namespace corio
