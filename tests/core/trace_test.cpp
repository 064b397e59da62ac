// trace_test.cpp — the loop and tasks report every scheduling fact to an
// attached listener, in order, with the virtual time.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/corio.hpp"

using namespace corio;

namespace {
struct Recorder final : trace::Listener {
    std::vector<trace::Event> events;
    std::string names;
    void on_event(const trace::Event& e) override {
        events.push_back(e);
        events.back().text = {};
        names += trace::event_kind_name(e.kind);
        if (e.kind == trace::EventKind::TaskStepEnd) {
            names += "(";
            names += trace::wait_kind_name(e.wait);
            names += ")";
        }
        names += " ";
    }
};

Task<void> nap() { co_await corio::sleep(1); }
}  // namespace

TEST_CASE("a task that sleeps once produces the expected event sequence") {
    VirtualHost host;
    Loop loop(host);
    Recorder rec;
    loop.set_listener(&rec);
    auto t = create_task(loop, nap(), "napper");
    loop.run_until_complete(*t);
    CHECK(rec.names ==
          "TaskCreated HandleScheduled "
          "IterationBegin HandleRun TaskStepBegin TimerArmed TaskStepEnd(Timer) IterationEnd "
          "IterationBegin TimerFired HandleRun HandleScheduled IterationEnd "
          // finishing schedules run_until_complete's done callback
          "IterationBegin HandleRun TaskStepBegin HandleScheduled TaskStepEnd(Nothing) TaskDone "
          "IterationEnd "
          "IterationBegin HandleRun IterationEnd ");
    // Sequence numbers grow by one; time is the virtual clock's.
    for (std::size_t i = 1; i < rec.events.size(); ++i)
        CHECK(rec.events[i].seq == rec.events[i - 1].seq + 1);
    CHECK(rec.events.front().time_ns == 0);
    CHECK(rec.events.back().time_ns == 1'000'000'000);
    // The timer event names its deadline and the task that armed it.
    for (const auto& e : rec.events) {
        if (e.kind == trace::EventKind::TimerArmed) {
            CHECK(e.a == 1'000'000'000);
            CHECK(e.b == static_cast<int64_t>(t->id()));
        }
        if (e.kind == trace::EventKind::TaskStepBegin) CHECK(e.id == t->id());
    }
}

TEST_CASE("a step that ends on another task reports the task it waits for") {
    VirtualHost host;
    Loop loop(host);
    Recorder rec;
    auto inner = create_task(loop, nap());
    auto outer_body = [](Ref<ScheduledTask<void>> t) -> Task<void> { co_await t; };
    auto outer = create_task(loop, outer_body(inner));
    loop.set_listener(&rec);
    loop.run_once();
    bool seen = false;
    for (const auto& e : rec.events) {
        if (e.kind == trace::EventKind::TaskStepEnd && e.id == outer->id()) {
            CHECK(e.wait == trace::WaitKind::Task);
            CHECK(e.a == static_cast<int64_t>(inner->id()));
            seen = true;
        }
    }
    CHECK(seen);
    loop.set_listener(nullptr);
    loop.run_until_complete(*outer);
}

TEST_CASE("a failing task reports TaskFailed with the error") {
    VirtualHost host;
    Loop loop(host);
    Recorder rec;
    loop.set_listener(&rec);
    auto body = []() -> Task<void> {
        throw ValueError("nope");
        co_return;
    };
    auto t = create_task(loop, body());
    loop.run_until_complete(*t);
    CHECK(rec.names.find("TaskFailed") != std::string::npos);
    CHECK_THROWS_AS(t->result(), ValueError);
}
