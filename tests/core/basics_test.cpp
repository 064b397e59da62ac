// basics_test.cpp — futures and tasks (DESIGN.md rules 3 and 4) on C++
// coroutines, compared with CPython's output for the same programs.
#include <catch2/catch.hpp>

#include <string>

#include "core/corio.hpp"
#include "expected.hpp"

using namespace corio;

namespace {
Task<void> count(std::string& out) {
    out += "One\n";
    co_await corio::sleep(1);
    out += "Two\n";
}
Task<void> count_three(std::string& out) {
    Loop& loop = co_await get_loop();
    auto a = create_task(loop, count(out));
    auto b = create_task(loop, count(out));
    auto c = create_task(loop, count(out));
    co_await a;
    co_await b;
    co_await c;
}
}  // namespace

TEST_CASE("three tasks sleeping one second interleave as in CPython") {
    VirtualHost host;
    Loop loop(host);
    std::string out;
    auto main = create_task(loop, count_three(out));
    loop.run_until_complete(*main);
    main->result();
    CHECK(out == test::expected_output("count_gather"));
    CHECK(host.now_ns() == 1'000'000'000);
}

TEST_CASE("create_task does not run the coroutine at once") {
    VirtualHost host;
    Loop loop(host);
    bool ran = false;
    auto body = [](bool& flag) -> Task<int> {
        flag = true;
        co_return 7;
    };
    auto t = create_task(loop, body(ran));
    CHECK_FALSE(ran);
    CHECK(t->name().rfind("Task-", 0) == 0);
    loop.run_once();
    CHECK(ran);
    CHECK(t->result() == 7);
}

TEST_CASE("awaiting a coroutine runs it inline, within the same step") {
    VirtualHost host;
    Loop loop(host);
    std::string out;
    auto inner = [](std::string& o) -> Task<int> {
        o += "inner ";
        co_return 1;
    };
    auto outer = [&](std::string& o) -> Task<int> {
        o += "outer ";
        int v = co_await inner(o);
        o += "back";
        co_return v + 1;
    };
    auto t = create_task(loop, outer(out));
    loop.run_once();
    CHECK(out == "outer inner back");
    CHECK(t->result() == 2);
}

TEST_CASE("awaiting a finished future continues without suspending") {
    VirtualHost host;
    Loop loop(host);
    auto fut = make_future<int>(loop);
    fut->set_result(5);
    auto body = [](Ref<Future<int>> f) -> Task<int> { co_return co_await f; };
    auto t = create_task(loop, body(fut));
    loop.run_once();
    CHECK(t->done());
    CHECK(t->result() == 5);
}

TEST_CASE("a future's completion wakes its awaiter through call_soon, not inline") {
    VirtualHost host;
    Loop loop(host);
    auto fut = make_future<int>(loop);
    std::string out;
    auto waiter = [](Ref<Future<int>> f, std::string& o) -> Task<void> {
        int v = co_await f;
        o += "woke " + std::to_string(v) + ";";
    };
    auto t = create_task(loop, waiter(fut, out));
    loop.run_once();  // the task blocks on fut
    fut->set_result(3);
    out += "set;";
    CHECK(out == "set;");
    loop.run_once();
    CHECK(out == "set;woke 3;");
}

TEST_CASE("done callbacks run in registration order in a later iteration") {
    VirtualHost host;
    Loop loop(host);
    auto fut = make_future<int>(loop);
    std::string out;
    fut->add_done_callback([&](FutureBase&) { out += "1"; });
    fut->add_done_callback([&](FutureBase&) { out += "2"; }, &out);
    fut->add_done_callback([&](FutureBase&) { out += "3"; });
    CHECK(fut->remove_done_callback(&out) == 1);
    fut->set_result(0);
    CHECK(out.empty());
    loop.run_once();
    CHECK(out == "13");
}

TEST_CASE("an exception raised in a task is stored and re-raised by its awaiter") {
    VirtualHost host;
    Loop loop(host);
    auto failing = []() -> Task<int> {
        co_await corio::sleep(0);
        throw ValueError("bad");
    };
    auto catcher = [&]() -> Task<std::string> {
        Loop& l = co_await get_loop();
        auto t = create_task(l, failing());
        try {
            co_await t;
        } catch (const ValueError& e) {
            co_return std::string("caught ") + e.what();
        }
        co_return "no";
    };
    auto t = create_task(loop, catcher());
    loop.run_until_complete(*t);
    CHECK(t->result() == "caught bad");
}

TEST_CASE("a million awaits that complete at once use constant stack and linear time") {
    VirtualHost host;
    Loop loop(host);
    auto leaf = [](int i) -> Task<int> { co_return i; };
    auto chain = [&]() -> Task<int64_t> {
        auto done = make_future<int>(co_await get_loop());
        done->set_result(1);
        int64_t sum = 0;
        for (int i = 0; i < 1'000'000; ++i) {
            sum += co_await leaf(i);
            sum += co_await done;
        }
        co_return sum;
    };
    auto t = create_task(loop, chain());
    loop.run_until_complete(*t);
    CHECK(t->result() == int64_t{499999500000} + 1'000'000);
}

namespace {
Task<int64_t> nested(int depth) {
    if (depth == 0) co_return 0;
    co_return 1 + co_await nested(depth - 1);
}
}  // namespace

TEST_CASE("an await chain a million coroutines deep does not grow the C++ stack") {
    VirtualHost host;
    Loop loop(host);
    auto t = create_task(loop, nested(1'000'000));
    loop.run_until_complete(*t);
    CHECK(t->result() == 1'000'000);
}

TEST_CASE("finished and cancelled tasks leave no live futures behind") {
    int64_t futures_before = FutureBase::live_count();
    int64_t tasks_before = TaskBase::live_count();
    {
        VirtualHost host;
        Loop loop(host);
        auto sleeper = []() -> Task<void> { co_await corio::sleep(5); };
        auto done = create_task(loop, sleeper());
        auto cancelled = create_task(loop, sleeper());
        loop.run_once();
        cancelled->cancel();
        loop.run_until_complete(*done);
        CHECK(cancelled->cancelled());
        CHECK(loop.all_tasks().empty());
    }
    CHECK(FutureBase::live_count() == futures_before);
    CHECK(TaskBase::live_count() == tasks_before);
}

TEST_CASE("a task nobody references stays alive while it waits on a future") {
    int64_t tasks_before = TaskBase::live_count();
    VirtualHost host;
    Loop loop(host);
    auto fut = make_future<int>(loop);
    int got = 0;
    auto waiter = [](Ref<Future<int>> f, int& out) -> Task<void> { out = co_await f; };
    create_task(loop, waiter(fut, got));  // the Ref is dropped at once
    loop.run_once();                      // the task now waits on fut
    CHECK(TaskBase::live_count() == tasks_before + 1);
    fut->set_result(42);
    loop.run_once();
    CHECK(got == 42);
    CHECK(TaskBase::live_count() == tasks_before);
}
