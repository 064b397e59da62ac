// curl_fetch.hpp — HTTP transfers with libcurl's multi interface, driven by
// the host's poller (native only: the WebAssembly build leaves this file
// out). No thread and no busy loop of its own: curl tells which sockets to
// watch (CURLMOPT_SOCKETFUNCTION) and when it needs a timeout call
// (CURLMOPT_TIMERFUNCTION); the host puts the sockets in its epoll set, caps
// its wait at timeout_ns(), and from inside poll() passes socket events
// (on_socket), expired timeouts (on_timeout) and then collects finished
// transfers (deliver), which go to their loop with call_soon. curl's own
// deadlines are on CLOCK_MONOTONIC, whatever the host's clock (the virtual
// host's stands still while a transfer runs). The threaded DNS resolver of
// libcurl is curl's business: it signals through a socket like the rest.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/fetch.hpp"

namespace corio {

class Loop;

class CurlFetch {
public:
    // Where the sockets curl wants watched go: the host's epoll set. The
    // host reports their readiness back through on_socket().
    class Poller {
    public:
        // False if the socket cannot be watched (the transfer then fails).
        virtual bool watch_socket(int fd, uint32_t epoll_events) = 0;
        virtual void unwatch_socket(int fd) = 0;

    protected:
        ~Poller() = default;
    };

    explicit CurlFetch(Poller& poller);
    // Aborts every transfer; completions are destroyed, never called.
    ~CurlFetch();
    CurlFetch(const CurlFetch&) = delete;
    CurlFetch& operator=(const CurlFetch&) = delete;

    // Host::fetch / cancel_fetch (host.hpp has the contract).
    FetchId start(Loop& loop, FetchRequest request, FetchCompletion done);
    void cancel(FetchId id);

    // Transfers started and not yet delivered or cancelled.
    bool busy() const noexcept { return !transfers_.empty(); }
    std::size_t in_flight() const noexcept { return transfers_.size(); }
    // True for the sockets curl asked to watch.
    bool owns(int fd) const { return sockets_.count(fd) != 0; }
    // How long until curl wants on_timeout() (0: now; Host::kForever: no
    // timer), on CLOCK_MONOTONIC.
    int64_t timeout_ns() const;
    // A watched socket is ready (epoll events).
    void on_socket(int fd, uint32_t epoll_events);
    // Runs curl's timeout actions if their time has come.
    void on_timeout();
    // Hands each finished transfer to its loop (call_soon); returns how many.
    int deliver();

private:
    struct Transfer;
    static int socket_callback(void* easy, int fd, int what, void* self, void* socketp);
    static int timer_callback(void* multi, long timeout_ms, void* self);
    void finish(Transfer& t, int curl_code);

    Poller& poller_;
    void* multi_;  // CURLM*
    std::unordered_map<FetchId, std::unique_ptr<Transfer>> transfers_;
    std::unordered_set<int> sockets_;
    std::optional<int64_t> deadline_ns_;  // CLOCK_MONOTONIC
    FetchId last_id_ = 0;
    FetchDeliveries deliveries_;
};

}  // namespace corio
