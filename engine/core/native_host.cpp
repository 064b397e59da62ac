// native_host.cpp — monotonic clock and epoll waiting.
#include "core/native_host.hpp"

#include <poll.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "core/loop.hpp"

namespace corio {

namespace {
timespec to_timespec(int64_t ns) {
    timespec ts{};
    ts.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
    ts.tv_nsec = static_cast<long>(ns % 1'000'000'000);
    return ts;
}
}  // namespace

NativeHost::NativeHost() : epoll_fd_(epoll_create1(EPOLL_CLOEXEC)) {
    if (epoll_fd_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
}

NativeHost::~NativeHost() { close(epoll_fd_); }

int64_t NativeHost::now_ns() const {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void NativeHost::poll(Loop& loop, int64_t timeout_ns) {
    if (timeout_ns != 0) {
        // Wait on the epoll fd itself: ppoll has nanosecond timeouts.
        pollfd pfd{epoll_fd_, POLLIN, 0};
        timespec ts = to_timespec(timeout_ns);
        int n = ppoll(&pfd, 1, timeout_ns == kForever ? nullptr : &ts, nullptr);
        if (n <= 0) return;  // timeout or EINTR
    }
    epoll_event events[64];
    int n = epoll_wait(epoll_fd_, events, 64, 0);
    for (int i = 0; i < n; ++i) {
        int fd = events[i].data.fd;
        uint32_t ev = events[i].events;
        loop.call_soon([this, fd, ev] {
            auto it = watches_.find(fd);
            if (it == watches_.end()) return;
            // Hold the callback while it runs: it may unwatch (or re-watch)
            // its own fd. Put it back unless it did.
            ReadyFn fn = std::move(it->second);
            fn(ev);
            auto again = watches_.find(fd);
            if (again != watches_.end() && !again->second) again->second = std::move(fn);
        });
    }
}

void NativeHost::block(int64_t ns) {
    timespec ts = to_timespec(ns);
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

void NativeHost::watch(int fd, uint32_t events, ReadyFn on_ready) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    int op = watches_.count(fd) ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (epoll_ctl(epoll_fd_, op, fd, &ev) != 0)
        throw std::system_error(errno, std::generic_category(), "epoll_ctl");
    watches_[fd] = std::move(on_ready);
}

void NativeHost::unwatch(int fd) {
    if (watches_.erase(fd)) epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
}

}  // namespace corio
