// loop_test.cpp — the loop's scheduling rules (DESIGN.md rules 1 and 2), each
// checked against what CPython printed for the same program (programs/).
#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "core/corio.hpp"
#include "expected.hpp"

using namespace corio;

TEST_CASE("call_soon is FIFO, callbacks scheduled by callbacks wait an iteration, due timers come after") {
    VirtualHost host;
    Loop loop(host);
    std::string out;
    std::function<void(std::string, std::string)> cb = [&](std::string name, std::string again) {
        out += name + "\n";
        if (!again.empty()) loop.call_soon([&cb, again] { cb(again, ""); });
    };
    loop.call_later(0, [&] { cb("timer0", ""); });
    loop.call_soon([&] { cb("a", "a-again"); });
    loop.call_soon([&] { cb("b", "b-again"); });
    loop.call_at(loop.time() + 0.5, [&] { cb("t-0.5-first", ""); });
    loop.call_later(0.5, [&] { cb("t-0.5-second", ""); });
    loop.call_later(0.25, [&] { cb("t-0.25", ""); });
    auto h = loop.call_later(0.3, [&] { cb("cancelled", ""); });
    h->cancel();
    loop.call_later(1, [&] { loop.stop(); });
    loop.run_forever();
    CHECK(out == test::expected_output("call_soon_fifo"));
    CHECK(host.now_ns() == 1'000'000'000);
}

TEST_CASE("an iteration runs only the handles that were ready when it began") {
    VirtualHost host;
    Loop loop(host);
    int ran = 0;
    loop.call_soon([&] {
        ++ran;
        loop.call_soon([&] { ++ran; });
    });
    loop.run_once();
    CHECK(ran == 1);
    CHECK(loop.ready().size() == 1);
    loop.run_once();
    CHECK(ran == 2);
}

TEST_CASE("equal deadlines fire in creation order") {
    VirtualHost host;
    Loop loop(host);
    std::string order;
    for (char c : std::string("abcdefgh")) loop.call_later(1.0, [&order, c] { order += c; });
    loop.call_later(0.7 + 0.1 + 0.2, [&order] { order += 'z'; });  // float sum rounds onto the grid
    loop.call_later(2, [&] { loop.stop(); });
    loop.run_forever();
    CHECK(order == "abcdefghz");
}

TEST_CASE("cancelled timers are compacted once they are more than half of over 100 timers") {
    VirtualHost host;
    Loop loop(host);
    std::vector<HandleRef> timers;
    for (int i = 0; i < 200; ++i) timers.push_back(loop.call_later(10 + i, [] {}));
    for (int i = 0; i < 101; ++i) timers[static_cast<size_t>(199 - i)]->cancel();
    CHECK(loop.timers().size() == 200);
    CHECK(loop.timers().cancelled_count() == 101);
    loop.next_timeout_ns();  // 101/200 > 0.5: the heap is rebuilt without them
    CHECK(loop.timers().size() == 99);
    CHECK(loop.timers().cancelled_count() == 0);
}

TEST_CASE("cancelled timers below the compaction threshold are dropped only from the top") {
    VirtualHost host;
    Loop loop(host);
    auto first = loop.call_later(1, [] {});
    auto second = loop.call_later(2, [] {});
    auto third = loop.call_later(3, [] {});
    second->cancel();
    loop.run_once();  // top is live: nothing dropped, clock moves to 1 s
    CHECK(loop.timers().size() == 2);
    CHECK(loop.timers().cancelled_count() == 1);
    loop.run_once();  // the cancelled one is at the top now
    CHECK(loop.timers().size() == 0);
    CHECK(host.now_ns() == 3'000'000'000);
}

TEST_CASE("an exception in a callback goes to the exception handler and the loop goes on") {
    VirtualHost host;
    Loop loop(host);
    std::string seen;
    loop.set_exception_handler([&](Loop&, const ErrorContext& ctx) {
        seen = ctx.message;
        CHECK(ctx.handle != nullptr);
        CHECK_THROWS_AS(std::rethrow_exception(ctx.exception), ValueError);
    });
    bool after = false;
    loop.call_soon([] { throw ValueError("boom"); });
    loop.call_soon([&] { after = true; });
    loop.run_once();
    CHECK(seen == "Exception in callback");
    CHECK(after);
}

TEST_CASE("without a handler, callback errors are kept for the embedder, not printed") {
    VirtualHost host;
    Loop loop(host);
    loop.call_soon([] { throw ValueError("kept"); });
    loop.run_once();
    REQUIRE(loop.errors().size() == 1);
    CHECK(loop.errors()[0].message == "Exception in callback");
}

TEST_CASE("a fatal error leaves run_forever") {
    VirtualHost host;
    Loop loop(host);
    struct Exit : FatalError {};
    loop.call_soon([] { throw Exit(); });
    CHECK_THROWS_AS(loop.run_forever(), Exit);
    CHECK_FALSE(loop.is_running());
}

TEST_CASE("run_until_complete reports a loop that can never finish the future") {
    VirtualHost host;
    Loop loop(host);
    auto never = make_future<int>(loop);
    CHECK_THROWS_AS(loop.run_until_complete(*never), RuntimeError);
    CHECK(loop.stalled());
}

TEST_CASE("stop() ends run_forever after the current iteration") {
    VirtualHost host;
    Loop loop(host);
    std::string out;
    loop.call_soon([&] { out += "1"; loop.stop(); });
    loop.call_soon([&] { out += "2"; loop.call_soon([&] { out += "3"; }); });
    loop.run_forever();
    CHECK(out == "12");
    loop.run_forever();  // the loop can run again; "3" is still ready
    CHECK(out.substr(0, 3) == "123");
}
