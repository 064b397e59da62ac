// native_host.hpp — the real-time host for Linux: CLOCK_MONOTONIC, and an
// epoll set waited on with nanosecond precision (ppoll on the epoll fd).
// File descriptors registered with watch() call back into the loop through
// call_soon when ready; that is how I/O completions (e.g. fetch) enter.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "core/host.hpp"
#include "core/small_function.hpp"

namespace corio {

class NativeHost final : public Host {
public:
    using ReadyFn = SmallFunction<void(uint32_t events)>;

    NativeHost();
    ~NativeHost() override;
    NativeHost(const NativeHost&) = delete;
    NativeHost& operator=(const NativeHost&) = delete;

    int64_t now_ns() const override;
    void poll(Loop& loop, int64_t timeout_ns) override;
    bool io_pending() const override { return !watches_.empty(); }
    void block(int64_t ns) override;

    // Calls on_ready(events) (from the loop, via call_soon) whenever fd has
    // one of the epoll `events`. Replaces an earlier watch of the same fd.
    void watch(int fd, uint32_t events, ReadyFn on_ready);
    void unwatch(int fd);

private:
    int epoll_fd_;
    std::unordered_map<int, ReadyFn> watches_;
};

}  // namespace corio
