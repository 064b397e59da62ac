// native_host.cpp — monotonic clock, epoll waiting, and libcurl's sockets.
#include "core/native_host.hpp"

#include <poll.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
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

NativeHost::~NativeHost() {
    curl_.reset();  // unwatches its sockets: the epoll fd must still be open
    close(epoll_fd_);
}

int64_t NativeHost::now_ns() const {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void NativeHost::poll(Loop& loop, int64_t timeout_ns) {
    const int64_t deadline = timeout_ns > 0 ? now_ns() + timeout_ns : 0;
    for (;;) {
        // The wait: what the loop asked, capped by curl's next timeout.
        int64_t wait = timeout_ns == kForever ? kForever : std::max<int64_t>(0, deadline - now_ns());
        if (timeout_ns == 0) wait = 0;
        if (curl_ && curl_->busy()) {
            int64_t curl_wait = curl_->timeout_ns();
            if (curl_wait != kForever && (wait == kForever || curl_wait < wait)) wait = curl_wait;
        }
        if (wait != 0) {
            // Wait on the epoll fd itself: ppoll has nanosecond timeouts.
            pollfd pfd{epoll_fd_, POLLIN, 0};
            timespec ts = to_timespec(wait);
            if (ppoll(&pfd, 1, wait == kForever ? nullptr : &ts, nullptr) < 0) return;  // EINTR
        }
        int handed = dispatch(loop);
        if (handed > 0 || timeout_ns == 0) return;
        if (timeout_ns != kForever && now_ns() >= deadline) return;
        if (!io_pending()) return;  // nothing could end a longer wait
    }
}

int NativeHost::dispatch(Loop& loop) {
    int handed = 0;
    epoll_event events[64];
    int n = epoll_wait(epoll_fd_, events, 64, 0);
    for (int i = 0; i < n; ++i) {
        int fd = events[i].data.fd;
        uint32_t ev = events[i].events;
        if (curl_ && curl_->owns(fd)) {
            // curl's sockets are driven here, inside poll: no program code
            // runs; finished transfers reach the loop below.
            curl_->on_socket(fd, ev);
            continue;
        }
        ++handed;
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
    if (curl_) {
        curl_->on_timeout();
        handed += curl_->deliver();
    }
    return handed;
}

void NativeHost::block(int64_t ns) {
    timespec ts = to_timespec(ns);
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

FetchId NativeHost::fetch(Loop& loop, FetchRequest request, FetchCompletion done) {
    if (!curl_) curl_ = std::make_unique<CurlFetch>(static_cast<CurlFetch::Poller&>(*this));
    return curl_->start(loop, std::move(request), std::move(done));
}

void NativeHost::cancel_fetch(FetchId id) {
    if (curl_) curl_->cancel(id);
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

bool NativeHost::watch_socket(int fd, uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    // curl may re-register a socket it already has, or one whose earlier
    // registration died with a close(): try both operations.
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, fd, &ev) == 0) return true;
    return epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) == 0;
}

void NativeHost::unwatch_socket(int fd) {
    // Fails harmlessly if curl closed the socket first.
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
}

}  // namespace corio
