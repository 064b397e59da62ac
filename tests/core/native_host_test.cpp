// native_host_test.cpp — the real-time host: file descriptors wake the loop
// through call_soon, and deadlines are met (never early). Native only: the
// WebAssembly build has the browser host instead. No test here asserts an
// upper bound on time (timings in unit tests are flaky).
#include <catch2/catch.hpp>

#include <sys/epoll.h>
#include <unistd.h>

#include <string>

#include "core/corio.hpp"
#include "core/native_host.hpp"

using namespace corio;

TEST_CASE("the native host wakes the loop when a watched pipe becomes readable") {
    NativeHost host;
    Loop loop(host);
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    std::string got;
    host.watch(fds[0], EPOLLIN, [&](uint32_t events) {
        CHECK((events & EPOLLIN) != 0);
        char buf[16];
        ssize_t n = read(fds[0], buf, sizeof buf);
        got.assign(buf, static_cast<std::size_t>(n));
        host.unwatch(fds[0]);
        loop.stop();
    });
    loop.call_later(0.01, [&] { CHECK(write(fds[1], "ping", 4) == 4); });
    loop.run_forever();
    CHECK(got == "ping");
    CHECK_FALSE(host.io_pending());
    close(fds[0]);
    close(fds[1]);
}

TEST_CASE("on the native host a sleep never ends before its deadline") {
    NativeHost host;
    Loop loop(host);
    auto napper = []() -> Task<double> {
        Loop& l = co_await get_loop();
        double start = l.time();
        co_await corio::sleep(0.02);
        co_return l.time() - start;
    };
    auto t = create_task(loop, napper());
    loop.run_until_complete(*t);
    CHECK(t->result() >= 0.02);
}

TEST_CASE("the native host's blocking sleep lets real time pass") {
    NativeHost host;
    int64_t before = host.now_ns();
    host.block(5'000'000);
    CHECK(host.now_ns() - before >= 5'000'000);
}
