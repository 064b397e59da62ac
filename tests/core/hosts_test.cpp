// hosts_test.cpp — the virtual clock's rules (shared/conformance/README.md)
// and the task registry's order (DESIGN.md rule 6).
#include <catch2/catch.hpp>

#include <string>

#include "core/corio.hpp"

using namespace corio;

TEST_CASE("the virtual clock starts at zero and moves only when the loop is idle") {
    VirtualHost host;
    Loop loop(host);
    CHECK(loop.time() == 0.0);
    double seen_in_callback = -1;
    loop.call_soon([&] { seen_in_callback = loop.time(); });
    loop.call_later(2.5, [&] { loop.stop(); });
    loop.run_forever();
    CHECK(seen_in_callback == 0.0);
    CHECK(host.now_ns() == 2'500'000'000);
}

TEST_CASE("a blocking sleep advances the virtual clock and blocks every task") {
    VirtualHost host;
    Loop loop(host);
    std::string order;
    auto blocker = [&]() -> Task<void> {
        order += "block;";
        loop.host().block(1'500'000'000);  // time.sleep(1.5)
        order += "unblock@" + std::to_string(loop.time_ns()) + ";";
        co_return;
    };
    auto sleeper = [&]() -> Task<void> {
        co_await corio::sleep(1);
        order += "sleeper@" + std::to_string(loop.time_ns()) + ";";
    };
    auto a = create_task(loop, sleeper());
    auto b = create_task(loop, blocker());
    loop.run_until_complete(*a);
    // The sleeper's 1 s timer was due during the blocking sleep: it runs
    // only after it, at 1.5 s.
    CHECK(order == "block;unblock@1500000000;sleeper@1500000000;");
}

TEST_CASE("deadlines are rounded to the nanosecond grid, half to even") {
    CHECK(Loop::deadline_ns(0.1) == 100'000'000);
    CHECK(Loop::deadline_ns(0.7 + 0.1) == 800'000'000);
    CHECK(Loop::deadline_ns(2.5e-9) == 2);
    CHECK(Loop::deadline_ns(3.5e-9) == 4);
}

TEST_CASE("all_tasks lists the pending tasks in creation order") {
    VirtualHost host;
    Loop loop(host);
    auto nap = [](double d) -> Task<void> { co_await corio::sleep(d); };
    auto a = create_task(loop, nap(3), "a");
    auto b = create_task(loop, nap(1), "b");
    auto c = create_task(loop, nap(2), "c");
    auto names = [&] {
        std::string s;
        for (TaskBase* t : loop.all_tasks()) s += t->name();
        return s;
    };
    CHECK(names() == "abc");
    loop.run_until_complete(*b);
    CHECK(names() == "ac");
    loop.run_until_complete(*a);
    CHECK(names().empty());
}

TEST_CASE("coroutine frames are freed when their tasks finish or are cancelled") {
    int64_t frames_before = detail::PromiseBase::live_frames();
    {
        VirtualHost host;
        Loop loop(host);
        auto leaf = []() -> Task<int> { co_return 1; };
        auto sleeper = [&]() -> Task<int> {
            int v = co_await leaf();
            co_await corio::sleep(10);
            co_return v;
        };
        auto done = create_task(loop, leaf());
        auto cancelled = create_task(loop, sleeper());
        loop.run_once();
        CHECK(detail::PromiseBase::live_frames() == frames_before + 1);  // the sleeper
        cancelled->cancel();
        loop.run_until_complete(*cancelled);
        CHECK(done->result() == 1);
        CHECK(detail::PromiseBase::live_frames() == frames_before);
    }
    CHECK(detail::PromiseBase::live_frames() == frames_before);
}
