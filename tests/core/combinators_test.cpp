// combinators_test.cpp — gather, wait, wait_for, timeout, shield and
// TaskGroup, each scenario run beside the Python program of the same name
// in programs/ (its .out is what CPython printed under the virtual clock).
#include <catch2/catch.hpp>

#include <string>

#include "core/corio.hpp"
#include "core/gather.hpp"
#include "core/task_group.hpp"
#include "core/timeout.hpp"
#include "core/wait.hpp"
#include "expected.hpp"
#include "pyfmt.hpp"

using namespace corio;
using test::py_float;

namespace {

struct Run {
    VirtualHost host;
    Loop loop{host};
    std::string out;

    void print(const std::string& line) { out += line + "\n"; }

    template <class T>
    void main(Task<T> coro) {
        auto t = create_task(loop, std::move(coro));
        loop.run_until_complete(*t);
        t->result();
    }
};

Task<std::string> sleeper(Run& r, std::string name, double delay) {
    try {
        co_await corio::sleep(delay);
    } catch (const CancelledError&) {
        r.print(name + " cancelled");
        throw;
    }
    r.print(name + " finished");
    co_return name;
}

Task<std::string> failing(Run& r, double delay) {
    co_await corio::sleep(delay);
    r.print("failing raises");
    throw ValueError("bad");
}

Task<void> gather_cancel_main(Run& r) {
    Loop& loop = r.loop;
    auto a = create_task(loop, sleeper(r, "a", 1));
    auto b = create_task(loop, sleeper(r, "b", 2));
    auto outer = gather_futures(loop, {Ref<FutureBase>(a), Ref<FutureBase>(b)});
    co_await corio::sleep(0.5);
    r.print(std::string("cancel -> ") + (outer->cancel() ? "True" : "False"));
    try {
        co_await *outer;
    } catch (const CancelledError&) {
        r.print("outer cancelled");
    }
    try {
        co_await gather(loop, sleeper(r, "c", 1), failing(r, 0.5));
    } catch (const ValueError& e) {
        r.print(std::string("gather raised ") + e.what());
    }
    co_await corio::sleep(1);
    auto d = create_task(loop, sleeper(r, "d", 0.1));
    auto f = create_task(loop, failing(r, 0.2));
    auto settled = gather_futures(loop, {Ref<FutureBase>(d), Ref<FutureBase>(f)}, true);
    co_await *settled;
    std::string line = "results " + d->result();
    try {
        std::rethrow_exception(settled->child_error(1));
    } catch (const ValueError& e) {
        line += std::string(" ValueError ") + e.what();
    }
    r.print(line);
}

}  // namespace

TEST_CASE("gather cancels its children when cancelled and fails with the first error") {
    Run r;
    r.main(gather_cancel_main(r));
    CHECK(r.out == test::expected_output("gather_cancel"));
}

namespace {
Task<std::string> job(Run& r, std::string name, double delay, bool fail = false) {
    co_await corio::sleep(delay);
    r.print("job " + name + " ends");
    if (fail) throw ValueError(name);
    co_return name;
}

std::string counts(const char* label, const WaitResult& w, double t) {
    return std::string(label) + " " + std::to_string(w.done.size()) + " " +
           std::to_string(w.pending.size()) + " " + py_float(t);
}

Task<void> wait_modes_main(Run& r) {
    Loop& loop = r.loop;
    double start = loop.time();
    std::vector<Ref<FutureBase>> ts{Ref<FutureBase>(create_task(loop, job(r, "a", 3))),
                                    Ref<FutureBase>(create_task(loop, job(r, "b", 1))),
                                    Ref<FutureBase>(create_task(loop, job(r, "c", 2)))};
    auto w = co_await wait(ts, -1, ReturnWhen::FirstCompleted);
    r.print(counts("first completed:", w, loop.time() - start));
    w = co_await wait(ts, 0.5);
    r.print(counts("timeout:", w, loop.time() - start));
    w = co_await wait(ts);
    r.print(counts("all:", w, loop.time() - start));
    auto d = create_task(loop, job(r, "d", 1, true));
    std::vector<Ref<FutureBase>> ts2{Ref<FutureBase>(d), Ref<FutureBase>(create_task(loop, job(r, "e", 2)))};
    w = co_await wait(ts2, -1, ReturnWhen::FirstException);
    r.print(counts("first exception:", w, loop.time() - start));
    co_await wait(w.pending);
    try {
        std::rethrow_exception(d->exception());
    } catch (const ValueError& e) {
        r.print(std::string("d failed: ") + e.what());
    }
}
}  // namespace

TEST_CASE("wait returns on the first completion, the first exception, a timeout or all") {
    Run r;
    r.main(wait_modes_main(r));
    CHECK(r.out == test::expected_output("wait_modes"));
}

namespace {
Task<std::string> work(Run& r, std::string name, double delay) {
    try {
        co_await corio::sleep(delay);
    } catch (const CancelledError&) {
        r.print(name + " cancelled");
        throw;
    }
    r.print(name + " done");
    co_return name;
}

Task<void> wait_for_main(Run& r) {
    Loop& loop = r.loop;
    std::string v = co_await wait_for(work(r, "quick", 1), 2);
    r.print(v + " " + py_float(loop.time()));
    try {
        co_await wait_for(work(r, "slow", 5), 1.5);
    } catch (const TimeoutError&) {
        r.print("timeout at " + py_float(loop.time()));
    }
    auto t = create_task(loop, work(r, "zero", 1));
    try {
        co_await wait_for(t, 0);
    } catch (const TimeoutError&) {
        r.print(std::string("zero timeout ") + (t->cancelled() ? "True " : "False ") +
                py_float(loop.time()));
    }
}
}  // namespace

TEST_CASE("wait_for cancels the awaited task on timeout and then raises TimeoutError") {
    Run r;
    r.main(wait_for_main(r));
    CHECK(r.out == test::expected_output("wait_for_timeout"));
}

namespace {
Task<double> work_for(Run& r, double delay) {
    co_await corio::sleep(delay);
    r.print("work " + py_float(delay) + " done");
    co_return delay;
}

Task<void> timeout_main(Run& r) {
    Loop& loop = r.loop;
    TaskBase& me = co_await this_task();
    try {
        co_await with_timeout(1, work_for(r, 3));
    } catch (const TimeoutError&) {
        r.print("timed out at " + py_float(loop.time()) + " cancelling " +
                std::to_string(me.cancelling()));
    }
    double v = co_await with_timeout(2, work_for(r, 0.5));
    r.print("value " + py_float(v));
    r.print("end at " + py_float(loop.time()));
}
}  // namespace

TEST_CASE("a timeout block converts its own cancellation into TimeoutError") {
    Run r;
    r.main(timeout_main(r));
    CHECK(r.out == test::expected_output("timeout_block"));
}

TEST_CASE("a Timeout cannot be entered twice nor rescheduled before it is entered") {
    Run r;
    Timeout t(std::nullopt);
    CHECK_THROWS_AS(t.reschedule(1.0), RuntimeError);
    auto task = create_task(r.loop, work_for(r, 0));
    t.enter(*task);
    CHECK_THROWS_AS(t.enter(*task), RuntimeError);
    CHECK_FALSE(t.exit(false));
    CHECK(t.state() == Timeout::State::Exited);
}

namespace {
Task<int> inner(Run& r) {
    co_await corio::sleep(2);
    r.print("inner finished");
    co_return 5;
}

Task<void> shield_waiter(Run& r, Ref<ScheduledTask<int>> t) {
    try {
        co_await shield_future(Ref<FutureBase>(t));
    } catch (const CancelledError&) {
        r.print("waiter cancelled");
        throw;
    }
}

Task<void> shield_main(Run& r) {
    Loop& loop = r.loop;
    auto t = create_task(loop, inner(r));
    auto w = create_task(loop, shield_waiter(r, t));
    co_await corio::sleep(1);
    w->cancel();
    co_await corio::sleep(0);
    r.print(std::string("waiter cancelled? ") + (w->cancelled() ? "True" : "False") +
            " inner done? " + (t->done() ? "True" : "False"));
    r.print("inner result " + std::to_string(co_await t));
}
}  // namespace

TEST_CASE("shield keeps the inner task running when the waiter is cancelled") {
    Run r;
    r.main(shield_main(r));
    CHECK(r.out == test::expected_output("shield_cancel"));
}

namespace {
Task<void> child(Run& r, std::string name, double delay, bool fail = false) {
    try {
        co_await corio::sleep(delay);
    } catch (const CancelledError&) {
        r.print(name + " cancelled");
        throw;
    }
    if (fail) {
        r.print(name + " fails");
        throw ValueError(name);
    }
    r.print(name + " done");
}

Task<void> taskgroup_main(Run& r) {
    Loop& loop = r.loop;
    try {
        co_await task_group(loop, [&](TaskGroup& tg) -> Task<void> {
            tg.create_task(child(r, "a", 1));
            tg.create_task(child(r, "b", 2, true));
            tg.create_task(child(r, "c", 3));
            co_await corio::sleep(10);
            r.print("not reached");
        });
    } catch (const ExceptionGroup& eg) {
        r.print("errors: " + std::to_string(eg.errors().size()) + " " + py_float(loop.time()));
    }
    co_await task_group(loop, [&](TaskGroup& tg) -> Task<void> {
        tg.create_task(child(r, "d", 1));
        tg.create_task(child(r, "e", 0.5));
        co_return;
    });
    TaskBase& me = co_await this_task();
    r.print("all done " + py_float(loop.time()) + " " + std::to_string(me.cancelling()));
}
}  // namespace

TEST_CASE("a failing TaskGroup child cancels its siblings and the body, errors come out grouped") {
    Run r;
    r.main(taskgroup_main(r));
    CHECK(r.out == test::expected_output("taskgroup_error"));
}

namespace {
Task<void> tg_child(Run& r, std::string name, double delay) {
    try {
        co_await corio::sleep(delay);
    } catch (const CancelledError&) {
        r.print(name + " cancelled");
        throw;
    }
    r.print(name + " done");
}

Task<void> tg_body(Run& r) {
    co_await task_group(r.loop, [&](TaskGroup& tg) -> Task<void> {
        tg.create_task(tg_child(r, "x", 5));
        tg.create_task(tg_child(r, "y", 0.5));
        co_return;
    });
    r.print("not reached");
}

Task<void> tg_parent_main(Run& r) {
    auto t = create_task(r.loop, tg_body(r));
    co_await corio::sleep(1);
    t->cancel();
    std::exception_ptr raised = co_await settled(*t);
    r.print(std::string("body cancelled ") + (t->cancelled() && is_cancellation(raised) ? "True " : "False ") +
            py_float(r.loop.time()));
}
}  // namespace

TEST_CASE("a task cancelled while its TaskGroup waits on exit cancels the children and propagates") {
    Run r;
    r.main(tg_parent_main(r));
    CHECK(r.out == test::expected_output("taskgroup_parent_cancelled"));
}

namespace {
Task<std::string> named_job(std::string name, double delay) {
    co_await corio::sleep(delay);
    co_return name;
}

Task<void> as_completed_main(Run& r) {
    Loop& loop = r.loop;
    std::vector<Ref<FutureBase>> tasks;
    for (auto [n, d] : {std::pair{"a", 3.0}, std::pair{"b", 1.0}, std::pair{"c", 2.0}})
        tasks.emplace_back(create_task(loop, named_job(n, d)));
    {
        AsCompleted each(loop, tasks);
        for (std::size_t i = 0; i < each.size(); ++i) {
            auto f = co_await each.next();
            r.print(static_cast<ScheduledTask<std::string>&>(*f).result() + " " + py_float(loop.time()));
        }
    }
    std::vector<Ref<ScheduledTask<std::string>>> typed;
    tasks.clear();
    for (auto [n, d] : {std::pair{"d", 0.5}, std::pair{"e", 5.0}, std::pair{"f", 0.25}}) {
        typed.push_back(create_task(loop, named_job(n, d)));
        tasks.emplace_back(typed.back());
    }
    AsCompleted each(loop, tasks, 1);
    std::exception_ptr raised;
    for (std::size_t i = 0; i < each.size() && !raised; ++i) {
        auto next = create_task(loop, each.next());
        raised = co_await settled(*next);
        if (!raised) r.print(static_cast<ScheduledTask<std::string>&>(*next->result()).result() + " " +
                             py_float(loop.time()));
    }
    try {
        if (raised) std::rethrow_exception(raised);
    } catch (const TimeoutError&) {
        r.print("timeout at " + py_float(loop.time()));
    }
    r.print(std::string("e done? ") + (typed[1]->done() ? "True" : "False"));
    typed[1]->cancel();
}
}  // namespace

TEST_CASE("as_completed gives futures in completion order and times out the rest") {
    Run r;
    r.main(as_completed_main(r));
    CHECK(r.out == test::expected_output("as_completed_order"));
}
