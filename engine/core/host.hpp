// host.hpp — what the loop needs from its platform: a clock, a way to wait
// (or to let time pass) until the next deadline or I/O event, and a blocking
// sleep. The loop never blocks by itself; it only calls poll() with the
// timeout asyncio's _run_once computed. Hosts: native (monotonic clock +
// epoll), virtual (time jumps to the next deadline), browser (wasm-bindings).
#pragma once

#include <cstdint>

namespace corio {

class Loop;

class Host {
public:
    static constexpr int64_t kForever = -1;

    virtual ~Host() = default;
    // The loop's clock, in nanoseconds.
    virtual int64_t now_ns() const = 0;
    // Waits at most timeout_ns (kForever: no deadline) for I/O, delivering
    // completions to the loop with call_soon. A virtual host lets the time
    // pass instead. timeout_ns == 0 only collects what is already complete.
    virtual void poll(Loop& loop, int64_t timeout_ns) = 0;
    // True while I/O is in flight, so an idle loop is waiting, not stalled.
    virtual bool io_pending() const { return false; }
    // Blocks the whole program for ns (Python's time.sleep).
    virtual void block(int64_t ns) = 0;
};

}  // namespace corio
