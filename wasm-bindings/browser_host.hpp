// browser_host.hpp — the loop's host for the real clock in the browser (and
// in node): performance.now() as the monotonic clock. The page's virtual
// clock needs no host of its own: corio::VirtualHost, whose time the
// worker moves forward once the (scaled) wall time has passed.
//
// A session never lets this host wait: it reports the wait to JavaScript,
// which arms one timer. Only code the session cannot suspend (an event loop
// run from inside C++ called by Python, e.g. in a module's import) reaches
// poll()/block() with a real wait; they spin on the clock then — correct,
// if not kind to the CPU, and rare.
#pragma once

#include <cstdint>

#include "core/host.hpp"

namespace corio::wasm {

class BrowserHost final : public Host {
public:
    BrowserHost();
    int64_t now_ns() const override;
    void poll(Loop& loop, int64_t timeout_ns) override;
    void block(int64_t ns) override;

private:
    double origin_ms_;
};

}  // namespace corio::wasm
