// native_host.hpp — the real-time host for Linux: CLOCK_MONOTONIC, and an
// epoll set waited on with nanosecond precision (ppoll on the epoll fd).
// File descriptors registered with watch() call back into the loop through
// call_soon when ready. HTTP fetches are libcurl transfers (curl_fetch.hpp)
// whose sockets share the epoll set: poll() drives them and hands finished
// ones to their loop with call_soon (host.hpp has the contract).
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>

#include "core/curl_fetch.hpp"
#include "core/host.hpp"
#include "core/small_function.hpp"

namespace corio {

class NativeHost final : public Host, private CurlFetch::Poller {
public:
    using ReadyFn = SmallFunction<void(uint32_t events)>;

    NativeHost();
    ~NativeHost() override;
    NativeHost(const NativeHost&) = delete;
    NativeHost& operator=(const NativeHost&) = delete;

    int64_t now_ns() const override;
    // Waits until a watched fd is ready or a fetch completes (handed to the
    // loop), or timeout_ns passes. Socket activity of transfers that do not
    // finish them does not end the wait.
    void poll(Loop& loop, int64_t timeout_ns) override;
    bool io_pending() const override { return !watches_.empty() || (curl_ && curl_->busy()); }
    void block(int64_t ns) override;

    FetchId fetch(Loop& loop, FetchRequest request, FetchCompletion done) override;
    void cancel_fetch(FetchId id) override;

    // Calls on_ready(events) (from the loop, via call_soon) whenever fd has
    // one of the epoll `events`. Replaces an earlier watch of the same fd.
    void watch(int fd, uint32_t events, ReadyFn on_ready);
    void unwatch(int fd);

private:
    // CurlFetch::Poller: curl's sockets, in the same epoll set.
    bool watch_socket(int fd, uint32_t events) override;
    void unwatch_socket(int fd) override;
    // One pass over ready fds; returns how many callbacks or completions
    // went to the loop.
    int dispatch(Loop& loop);

    int epoll_fd_;
    std::unordered_map<int, ReadyFn> watches_;
    std::unique_ptr<CurlFetch> curl_;  // created by the first fetch
};

}  // namespace corio
