// virtual_host.hpp — the deterministic host: a clock in integer nanoseconds
// that starts at 0 and moves only when the loop is idle (it jumps to the next
// deadline) or when the program blocks (time.sleep). Runs are instant and
// repeatable; the conformance rules are in shared/conformance/README.md.
#pragma once

#include "core/host.hpp"

namespace corio {

class VirtualHost final : public Host {
public:
    int64_t now_ns() const override { return now_ns_; }
    void poll(Loop& loop, int64_t timeout_ns) override;
    void block(int64_t ns) override { advance(ns); }
    // Moves the clock forward (never backward).
    void advance(int64_t ns) noexcept {
        if (ns > 0) now_ns_ += ns;
    }

private:
    int64_t now_ns_ = 0;
};

}  // namespace corio
