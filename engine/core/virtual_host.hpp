// virtual_host.hpp — the deterministic host: a clock in integer nanoseconds
// that starts at 0 and moves only when the loop is idle (it jumps to the next
// deadline) or when the program blocks (time.sleep). Runs are instant and
// repeatable; the conformance rules are in shared/conformance/README.md.
//
// Fetches are real: they go to an I/O host (natively a NativeHost with
// libcurl, made on the first fetch by make_io_host(); in the browser the one
// wasm-bindings lends with set_io_host). While one is in flight the clock
// stands still: poll() waits for the transfer in real time instead of
// jumping to the next deadline, so a program sees a fetch take no virtual
// time at all (a timer due "during" it fires after it completes).
#pragma once

#include <memory>

#include "core/host.hpp"

namespace corio {

class VirtualHost final : public Host {
public:
    VirtualHost();
    ~VirtualHost() override;

    int64_t now_ns() const override { return now_ns_; }
    void poll(Loop& loop, int64_t timeout_ns) override;
    bool io_pending() const override { return io_ && io_->io_pending(); }
    void block(int64_t ns) override { advance(ns); }
    // Moves the clock forward (never backward).
    void advance(int64_t ns) noexcept {
        if (ns > 0) now_ns_ += ns;
    }

    // Through the I/O host; Unavailable where there is none.
    FetchId fetch(Loop& loop, FetchRequest request, FetchCompletion done) override;
    void cancel_fetch(FetchId id) override;
    // Lends the host that performs fetches (kept by the caller, which must
    // outlive this host); replaces the default one of make_io_host().
    void set_io_host(Host* io) noexcept { io_ = io; }

private:
    int64_t now_ns_ = 0;
    Host* io_ = nullptr;
    std::unique_ptr<Host> own_io_;
};

}  // namespace corio
