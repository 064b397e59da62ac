// browser_host.hpp — the loop's host in the browser (and in node): the
// real clock (performance.now()) and HTTP through the platform's fetch().
// Under the page's virtual clock the loop's host is a corio::VirtualHost
// whose time the worker moves on once the (scaled) wall time has passed;
// it borrows this host for its fetches (VirtualHost::set_io_host).
//
// A session never lets this host wait: it reports the wait to JavaScript,
// which arms one timer, or waits for a fetch to settle. Fetches: fetch()
// asks JavaScript to start one (corioFetch on the module); when its promise
// settles, JavaScript hands the result back (corio_fetch_done, kept until
// the next poll) and asks the loop to poll (corio_poll_io); poll() hands
// settled results to the loop with call_soon (host.hpp's I/O contract).
// Only code the session cannot suspend (an event loop run from inside C++
// called by Python) reaches poll()/block() with a real wait: they spin on
// the clock then — correct, if not kind to the CPU, and rare.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/fetch.hpp"
#include "core/host.hpp"

namespace corio::wasm {

class BrowserHost final : public Host {
public:
    BrowserHost();
    ~BrowserHost() override;
    int64_t now_ns() const override;
    void poll(Loop& loop, int64_t timeout_ns) override;
    bool io_pending() const override { return !in_flight_.empty() || !settled_.empty(); }
    void block(int64_t ns) override;
    FetchId fetch(Loop& loop, FetchRequest request, FetchCompletion done) override;
    void cancel_fetch(FetchId id) override;

    // A transfer JavaScript finished; poll() hands it to the loop.
    void settle(FetchId id, FetchResult result);

private:
    struct InFlight {
        Loop* loop;
        FetchCompletion done;
    };
    struct Settled {
        FetchId id;
        Loop* loop;
        FetchCompletion done;
        FetchResult result;
    };
    double origin_ms_;
    FetchId last_id_ = 0;
    std::map<FetchId, InFlight> in_flight_;
    std::vector<Settled> settled_;
    FetchDeliveries deliveries_;
};

}  // namespace corio::wasm
