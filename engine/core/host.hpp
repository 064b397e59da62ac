// host.hpp — what the loop needs from its platform: a clock, a way to wait
// (or to let time pass) until the next deadline or I/O event, a blocking
// sleep, and HTTP fetches. The loop never blocks by itself; it only calls
// poll() with the timeout asyncio's _run_once computed. Hosts: native
// (monotonic clock + epoll + libcurl), virtual (time jumps to the next
// deadline; fetches really happen and hold the clock still), browser
// (wasm-bindings).
//
// The I/O contract, for every host that performs I/O (fetch):
//
//  * Completions enter the loop as I/O events, never inline. fetch() and
//    cancel_fetch() never call a completion. A host hands a finished
//    transfer to the loop with `loop.call_soon(...)` from inside poll() — the
//    `loop` argument of that fetch() call — and the completion runs as an
//    ordinary handle in the next iteration, after the callbacks already
//    ready (DESIGN.md: "after completed I/O/fetch callbacks, every timer
//    whose deadline is due moves to the ready queue"). A host whose results
//    arrive asynchronously (the browser's fetch promise) keeps them until
//    its next poll(), which the embedder calls right away: the session
//    reports Waiting, the embedder resumes it when the promise settles, and
//    the loop's next iteration calls poll(0), which delivers.
//
//  * io_pending() is true from fetch() until the transfer is finished (its
//    completion handed to call_soon) or cancelled. An idle loop (nothing
//    ready, no timer) with io_pending() true is waiting for I/O, not stalled:
//    Loop::run_once then calls poll(loop, kForever) and py::Session reports
//    Waiting with ns = kForever; with io_pending() false it is stalled and
//    the program ends with "Event loop stopped before Future completed".
//
//  * poll(loop, timeout) returns once at least one completion (or watched
//    fd callback) was handed to call_soon, or when the timeout has passed
//    (at once for 0; earlier on a signal). Transfers progress only inside
//    poll() (natively) or in the platform's own event loop between slices
//    (browser: there poll() never waits, it only hands over what settled).
//
//  * Under the virtual clock the transfer runs in real time and the clock
//    stands still: VirtualHost forwards fetch()/cancel_fetch() to an I/O
//    host (natively a NativeHost of its own; in the browser the one
//    wasm-bindings lends with VirtualHost::set_io_host) and, while that
//    host's io_pending() is true, polls it instead of jumping to the next
//    deadline. An embedder that moves the virtual clock itself
//    (VirtualHost::advance, as the browser worker does after a Waiting) must
//    likewise not advance it while io_pending(): it waits for the I/O.
//
//  * cancel_fetch(id) aborts the transfer (natively the connection is
//    closed, so the server sees it go) and guarantees that its completion is
//    never called, even if it was already queued on the loop. Unknown or
//    finished ids are ignored. FetchDeliveries (fetch.hpp) implements the
//    "already queued" part for hosts.
//
//  * The host must outlive the loops it serves. Destroying a host with
//    transfers in flight aborts them and destroys their completions without
//    calling them.
#pragma once

#include <cstdint>

#include "core/fetch.hpp"

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
    // pass instead (but never while a fetch is in flight). timeout_ns == 0
    // only collects what is already complete.
    virtual void poll(Loop& loop, int64_t timeout_ns) = 0;
    // True while I/O is in flight (a watched fd, a fetch), so an idle loop is
    // waiting, not stalled.
    virtual bool io_pending() const { return false; }
    // Blocks the whole program for ns (Python's time.sleep).
    virtual void block(int64_t ns) = 0;

    // Starts an HTTP request; `done` runs once, from `loop` (see above),
    // with the response or the error. Returns the id for cancel_fetch().
    // The default (a host without fetch) fails every request with
    // FetchError::Kind::Unavailable, "fetch is not available on this host",
    // queued with loop.call_soon; it returns 0 (nothing to cancel).
    virtual FetchId fetch(Loop& loop, FetchRequest request, FetchCompletion done);
    // Aborts a transfer; its completion will not be called.
    virtual void cancel_fetch(FetchId id) { (void)id; }
};

}  // namespace corio
