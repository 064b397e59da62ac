// virtual_host.cpp — idle time passes at once.
#include "core/virtual_host.hpp"

namespace corio {

void VirtualHost::poll(Loop&, int64_t timeout_ns) {
    // No I/O of its own: waiting for the next deadline is jumping to it.
    if (timeout_ns > 0) advance(timeout_ns);
}

}  // namespace corio
