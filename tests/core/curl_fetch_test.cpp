// curl_fetch_test.cpp — the fetch engine (libcurl's multi interface on the
// native host's epoll, curl_fetch.hpp) and the Host fetch contract
// (host.hpp): completions reach the loop with call_soon, never inline;
// io_pending() holds while a transfer runs; cancel_fetch() closes the
// connection and the completion never runs; errors come as FetchError; the
// virtual host really fetches and keeps its clock still. Native only (the
// WebAssembly build has no libcurl). The server is a small HTTP/1.1 server
// on 127.0.0.1 in a thread of this process, one thread per connection.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/corio.hpp"
#include "core/fetch_future.hpp"
#include "core/native_host.hpp"

using namespace corio;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Routes: /hello (headers in a known order and case), /delay/MS, /hang
// (never answers; counts clients that close first), /echo (the request as
// received, as the body), /status/404.
class TestServer {
public:
    TestServer() {
        listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int one = 1;
        setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(listen(listen_fd_, 64) == 0);
        socklen_t len = sizeof addr;
        getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        acceptor_ = std::thread([this] { accept_loop(); });
    }
    ~TestServer() {
        stop_ = true;
        acceptor_.join();
        close(listen_fd_);
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto& t : workers_) t.join();
    }

    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    int closed_early() const { return closed_early_; }
    // The last request, as received.
    std::string last_request() {
        std::lock_guard<std::mutex> lock(mutex_);
        return last_request_;
    }

private:
    void accept_loop() {
        while (!stop_) {
            pollfd p{listen_fd_, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) continue;
            std::lock_guard<std::mutex> lock(mutex_);
            workers_.emplace_back([this, fd] {
                serve(fd);
                close(fd);
            });
        }
    }

    // Waits up to ms for the client to close its end; true if it did.
    bool client_closes_within(int fd, int ms) {
        auto start = std::chrono::steady_clock::now();
        while (!stop_ && seconds_since(start) * 1000 < ms) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 5) > 0) {
                char c;
                if (recv(fd, &c, 1, MSG_PEEK) <= 0) return true;
            }
        }
        return false;
    }

    static void send_all(int fd, const std::string& data) {
        std::size_t off = 0;
        while (off < data.size()) {
            ssize_t n = send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
            if (n <= 0) return;
            off += static_cast<std::size_t>(n);
        }
    }

    static std::string response(const std::string& status, const std::string& headers, const std::string& body) {
        return "HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + std::to_string(body.size()) +
               "\r\nConnection: close\r\n\r\n" + body;
    }

    void serve(int fd) {
        std::string req;
        char buf[4096];
        std::size_t head_end;
        while ((head_end = req.find("\r\n\r\n")) == std::string::npos) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 2000) <= 0) return;
            ssize_t n = recv(fd, buf, sizeof buf, 0);
            if (n <= 0) return;
            req.append(buf, static_cast<std::size_t>(n));
        }
        std::size_t length = 0;
        if (auto cl = req.find("Content-Length: "); cl != std::string::npos && cl < head_end)
            length = std::stoul(req.substr(cl + 16));
        while (req.size() < head_end + 4 + length) {
            ssize_t n = recv(fd, buf, sizeof buf, 0);
            if (n <= 0) return;
            req.append(buf, static_cast<std::size_t>(n));
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            last_request_ = req;
        }
        std::string target = req.substr(req.find(' ') + 1);
        target = target.substr(0, target.find(' '));
        if (target == "/hello") {
            send_all(fd, response("200 OK", "Content-Type: text/plain\r\nX-Mixed-Case: Value\r\nx-lower: v\r\n",
                                  "hello"));
        } else if (target.rfind("/delay/", 0) == 0) {
            int ms = std::stoi(target.substr(7));
            if (client_closes_within(fd, ms)) {
                ++closed_early_;
                return;
            }
            send_all(fd, response("200 OK", "", "late"));
        } else if (target == "/hang") {
            if (client_closes_within(fd, 5000)) ++closed_early_;
        } else if (target == "/echo") {
            send_all(fd, response("200 OK", "", req));
        } else {
            send_all(fd, response("404 Not Found", "", "missing"));
        }
    }

    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> closed_early_{0};
    std::thread acceptor_;
    std::mutex mutex_;
    std::vector<std::thread> workers_;
    std::string last_request_;
};

FetchRequest get(const std::string& url) {
    FetchRequest r;
    r.url = url;
    return r;
}

// Runs the loop until `done` or `seconds` of real time pass.
void run_until(Loop& loop, const bool& done, double seconds = 5.0) {
    auto start = std::chrono::steady_clock::now();
    while (!done && seconds_since(start) < seconds) loop.run_once();
}

std::string header(const FetchHeaders& headers, std::string_view name) {
    for (const auto& [n, v] : headers)
        if (iequals(n, name)) return v;
    return "<none>";
}

int refused_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

// A host without fetch: Host's default.
class ClockOnlyHost final : public Host {
public:
    int64_t now_ns() const override { return 0; }
    void poll(Loop&, int64_t) override {}
    void block(int64_t) override {}
};

struct WaitRecorder final : trace::Listener {
    std::vector<trace::WaitKind> waits;
    void on_event(const trace::Event& e) override {
        if (e.kind == trace::EventKind::TaskStepEnd) waits.push_back(e.wait);
    }
};

}  // namespace

TEST_CASE("a fetch completes through the loop, never inline, with the response as received") {
    TestServer server;
    NativeHost host;
    Loop loop(host);
    bool done = false;
    FetchResult result;
    FetchId id = host.fetch(loop, get(server.url("/hello")), [&](FetchResult&& r) {
        result = std::move(r);
        done = true;
    });
    CHECK(id != 0);
    CHECK_FALSE(done);
    CHECK(loop.ready().empty());  // not queued yet either: it enters from poll()
    CHECK(host.io_pending());
    run_until(loop, done);
    REQUIRE(done);
    CHECK_FALSE(host.io_pending());
    REQUIRE(result.ok());
    const FetchResponse& r = result.response;
    CHECK(r.status == 200);
    CHECK(r.reason == "OK");
    CHECK(r.body == "hello");
    CHECK(r.url == server.url("/hello"));
    // Order and case as sent.
    std::vector<std::string> names;
    for (const auto& [name, value] : r.headers) names.push_back(name);
    CHECK(names == std::vector<std::string>{"Content-Type", "X-Mixed-Case", "x-lower", "Content-Length",
                                            "Connection"});
    CHECK(header(r.headers, "x-mixed-case") == "Value");
}

TEST_CASE("an error status is a response, with its reason") {
    TestServer server;
    NativeHost host;
    Loop loop(host);
    bool done = false;
    FetchResult result;
    host.fetch(loop, get(server.url("/nowhere")), [&](FetchResult&& r) {
        result = std::move(r);
        done = true;
    });
    run_until(loop, done);
    REQUIRE(result.ok());
    CHECK(result.response.status == 404);
    CHECK(result.response.reason == "Not Found");
    CHECK(result.response.body == "missing");
}

TEST_CASE("concurrent fetches overlap") {
    TestServer server;
    NativeHost host;
    Loop loop(host);
    int finished = 0;
    bool all = false;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i)
        host.fetch(loop, get(server.url("/delay/300")), [&](FetchResult&& r) {
            CHECK(r.ok());
            CHECK(r.response.body == "late");
            all = ++finished == 5;
        });
    run_until(loop, all);
    CHECK(finished == 5);
    // One after the other they would take 1.5 s.
    CHECK(seconds_since(start) < 1.2);
}

TEST_CASE("cancel_fetch closes the connection and the completion never runs") {
    TestServer server;
    NativeHost host;
    Loop loop(host);
    bool called = false;
    FetchId id = host.fetch(loop, get(server.url("/hang")), [&](FetchResult&&) { called = true; });
    bool cancelled = false;
    loop.call_later(0.05, [&] {
        host.cancel_fetch(id);
        cancelled = true;
    });
    run_until(loop, cancelled);
    CHECK_FALSE(host.io_pending());
    auto start = std::chrono::steady_clock::now();
    while (server.closed_early() == 0 && seconds_since(start) < 3) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(server.closed_early() == 1);  // the server saw the client go
    for (int i = 0; i < 3; ++i) loop.run_once();
    CHECK_FALSE(called);
    host.cancel_fetch(id);  // again: ignored
}

TEST_CASE("a completion already queued on the loop is dropped by cancel_fetch") {
    TestServer server;
    NativeHost host;
    Loop loop(host);
    bool called = false;
    FetchId id = host.fetch(loop, get(server.url("/hello")), [&](FetchResult&&) { called = true; });
    auto start = std::chrono::steady_clock::now();
    while (loop.ready().empty() && seconds_since(start) < 5) host.poll(loop, Host::kForever);
    REQUIRE(loop.ready().size() == 1);
    CHECK_FALSE(host.io_pending());
    host.cancel_fetch(id);
    loop.run_once();
    CHECK_FALSE(called);
}

TEST_CASE("a refused connection fails with a Connect error and its errno") {
    NativeHost host;
    Loop loop(host);
    bool done = false;
    FetchResult result;
    host.fetch(loop, get("http://127.0.0.1:" + std::to_string(refused_port()) + "/"), [&](FetchResult&& r) {
        result = std::move(r);
        done = true;
    });
    run_until(loop, done);
    REQUIRE(done);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->kind == FetchError::Kind::Connect);
    CHECK(result.error->os_error == ECONNREFUSED);
    CHECK_FALSE(result.error->message.empty());
}

TEST_CASE("timeout_s ends a transfer with a Timeout error, closing the connection") {
    TestServer server;
    NativeHost host;
    Loop loop(host);
    bool done = false;
    FetchResult result;
    FetchRequest req = get(server.url("/hang"));
    req.timeout_s = 0.1;
    auto start = std::chrono::steady_clock::now();
    host.fetch(loop, std::move(req), [&](FetchResult&& r) {
        result = std::move(r);
        done = true;
    });
    run_until(loop, done);
    REQUIRE(done);
    CHECK(seconds_since(start) >= 0.1);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->kind == FetchError::Kind::Timeout);
    auto wait = std::chrono::steady_clock::now();
    while (server.closed_early() == 0 && seconds_since(wait) < 3) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(server.closed_early() == 1);
}

TEST_CASE("a request goes out with its method, headers and binary body, and none of curl's defaults") {
    TestServer server;
    NativeHost host;
    Loop loop(host);
    bool done = false;
    FetchResult result;
    FetchRequest req;
    req.method = "PUT";
    req.url = server.url("/echo");
    req.headers = {{"X-Test", "yes"}, {"x-lower", "v"}};
    req.body = std::string("payload\0bin", 11);
    req.has_body = true;
    host.fetch(loop, std::move(req), [&](FetchResult&& r) {
        result = std::move(r);
        done = true;
    });
    run_until(loop, done);
    REQUIRE(result.ok());
    const std::string& seen = result.response.body;
    CHECK(seen.rfind("PUT /echo HTTP/1.1\r\n", 0) == 0);
    CHECK(seen.find("\r\nX-Test: yes\r\n") != std::string::npos);
    CHECK(seen.find("\r\nx-lower: v\r\n") != std::string::npos);
    CHECK(seen.find("\r\nContent-Length: 11\r\n") != std::string::npos);
    CHECK(seen.find("Expect:") == std::string::npos);
    CHECK(seen.find("Accept:") == std::string::npos);
    CHECK(seen.find("Content-Type:") == std::string::npos);
    CHECK(seen.substr(seen.size() - 11) == std::string("payload\0bin", 11));
}

TEST_CASE("only http and https URLs are fetched") {
    NativeHost host;
    Loop loop(host);
    bool done = false;
    FetchResult result;
    host.fetch(loop, get("file:///etc/passwd"), [&](FetchResult&& r) {
        result = std::move(r);
        done = true;
    });
    run_until(loop, done);
    REQUIRE(done);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->kind == FetchError::Kind::InvalidUrl);
}

TEST_CASE("the virtual host really fetches and keeps its clock still meanwhile") {
    TestServer server;
    VirtualHost host;
    Loop loop(host);
    std::vector<std::string> order;
    int64_t fetched_at = -1;
    loop.call_later(0.05, [&] { order.push_back("timer at " + std::to_string(host.now_ns())); });
    host.fetch(loop, get(server.url("/delay/100")), [&](FetchResult&& r) {
        CHECK(r.ok());
        fetched_at = host.now_ns();
        order.push_back("fetch at " + std::to_string(host.now_ns()));
    });
    CHECK(host.io_pending());
    auto start = std::chrono::steady_clock::now();
    while (order.size() < 2 && seconds_since(start) < 5) loop.run_once();
    CHECK(seconds_since(start) >= 0.1);  // the server's delay, in real time
    CHECK(fetched_at == 0);
    CHECK(order == std::vector<std::string>{"fetch at 0", "timer at 50000000"});
    CHECK_FALSE(host.io_pending());
}

TEST_CASE("a host without fetch fails through the loop") {
    ClockOnlyHost host;
    Loop loop(host);
    bool done = false;
    FetchResult result;
    CHECK(host.fetch(loop, get("http://127.0.0.1/"), [&](FetchResult&& r) {
        result = std::move(r);
        done = true;
    }) == 0);
    CHECK_FALSE(done);
    loop.run_once();
    REQUIRE(done);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->kind == FetchError::Kind::Unavailable);
    CHECK(result.error->message == "fetch is not available on this host");
}

TEST_CASE("a task awaiting a fetch waits for a Fetch and gets the response") {
    TestServer server;
    NativeHost host;
    Loop loop(host);
    WaitRecorder recorder;
    loop.set_listener(&recorder);
    std::string url = server.url("/hello");
    auto fetcher = [&]() -> Task<std::string> {
        Loop& l = co_await get_loop();
        FetchResponse r = co_await *corio::fetch(l, get(url));
        co_return std::to_string(r.status) + " " + r.body;
    };
    auto t = create_task(loop, fetcher());
    loop.run_until_complete(*t);
    loop.set_listener(nullptr);
    CHECK(t->result() == "200 hello");
    CHECK(std::find(recorder.waits.begin(), recorder.waits.end(), trace::WaitKind::Fetch) != recorder.waits.end());
}

TEST_CASE("wait_for around a fetch cancels the transfer on the host") {
    TestServer server;
    NativeHost host;
    Loop loop(host);
    std::string url = server.url("/hang");
    auto fetcher = [&]() -> Task<int> {
        Loop& l = co_await get_loop();
        FetchResponse r = co_await *corio::fetch(l, get(url));
        co_return r.status;
    };
    auto outer = [&]() -> Task<std::string> {
        try {
            co_await wait_for(fetcher(), 0.1);
            co_return "finished";
        } catch (const TimeoutError&) {
            co_return "timed out";
        }
    };
    auto start = std::chrono::steady_clock::now();
    auto t = create_task(loop, outer());
    loop.run_until_complete(*t);
    CHECK(t->result() == "timed out");
    CHECK(seconds_since(start) < 2);
    CHECK_FALSE(host.io_pending());
    auto wait = std::chrono::steady_clock::now();
    while (server.closed_early() == 0 && seconds_since(wait) < 3) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(server.closed_early() == 1);
}

TEST_CASE("a failed transfer raises FetchFailed in the awaiting task") {
    NativeHost host;
    Loop loop(host);
    std::string url = "http://127.0.0.1:" + std::to_string(refused_port()) + "/";
    auto fetcher = [&]() -> Task<std::string> {
        Loop& l = co_await get_loop();
        try {
            co_await *corio::fetch(l, get(url));
            co_return "response";
        } catch (const FetchFailed& e) {
            co_return std::string("failed: ") + fetch_error_kind_name(e.error().kind);
        }
    };
    auto t = create_task(loop, fetcher());
    loop.run_until_complete(*t);
    CHECK(t->result() == "failed: connect");
}
