// virtual_host.cpp — idle time passes at once, unless a fetch is in flight.
#include "core/virtual_host.hpp"

namespace corio {

VirtualHost::VirtualHost() = default;
VirtualHost::~VirtualHost() = default;

void VirtualHost::poll(Loop& loop, int64_t timeout_ns) {
    if (io_pending()) {
        // Real I/O holds the clock still: wait for it in real time (until a
        // completion reaches the loop), whatever the next deadline is.
        io_->poll(loop, timeout_ns == 0 ? 0 : kForever);
        return;
    }
    // No I/O: waiting for the next deadline is jumping to it.
    if (timeout_ns > 0) advance(timeout_ns);
}

FetchId VirtualHost::fetch(Loop& loop, FetchRequest request, FetchCompletion done) {
    if (!io_) {
        own_io_ = make_io_host();
        io_ = own_io_.get();
    }
    if (!io_) return Host::fetch(loop, std::move(request), std::move(done));
    return io_->fetch(loop, std::move(request), std::move(done));
}

void VirtualHost::cancel_fetch(FetchId id) {
    if (io_) io_->cancel_fetch(id);
}

}  // namespace corio
