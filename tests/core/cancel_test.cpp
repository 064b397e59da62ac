// cancel_test.cpp — cancellation delivered at the task's next step (DESIGN.md
// rule 5), with messages and uncancel() counts, compared with
// programs/cancel_states.py as CPython ran it.
#include <catch2/catch.hpp>

#include <string>

#include "core/corio.hpp"
#include "expected.hpp"
#include "pyfmt.hpp"

using namespace corio;

namespace {
struct Out {
    std::string text;
    void print(const std::string& line) { text += line + "\n"; }
};

std::string args_of(const CancelledError& e) {
    return e.message() ? "('" + *e.message() + "',)" : "()";
}
const char* py_bool(bool b) { return b ? "True" : "False"; }

Task<void> sleeper(Out& out, std::string name) {
    try {
        co_await corio::sleep(10);
    } catch (const CancelledError& e) {
        out.print(name + " got CancelledError " + args_of(e));
        throw;
    }
}

Task<std::string> stubborn(Out& out) {
    try {
        co_await corio::sleep(10);
    } catch (const CancelledError&) {
        out.print("stubborn ignores the cancel");
    }
    co_await corio::sleep(1);
    co_return "survived";
}

Task<void> cancel_main(Out& out) {
    Loop& loop = co_await get_loop();
    auto t = create_task(loop, sleeper(out, "early"));
    bool c = t->cancel();
    out.print(std::string("cancel before start: ") + py_bool(c) + " " + std::to_string(t->cancelling()));
    co_await corio::sleep(0);
    out.print(std::string("early cancelled: ") + py_bool(t->cancelled()));
    t = create_task(loop, sleeper(out, "sleeping"));
    co_await corio::sleep(1);
    t->cancel("stop now");
    t->cancel("again");
    out.print("cancelling: " + std::to_string(t->cancelling()));
    try {
        co_await t;
    } catch (const CancelledError& e) {
        out.print("awaiter sees " + args_of(e));
    }
    auto s = create_task(loop, stubborn(out));
    co_await corio::sleep(1);
    s->cancel();
    std::string v = co_await s;
    int cancelling = s->cancelling();
    int after = s->uncancel();
    out.print(v + " " + std::to_string(cancelling) + " " + std::to_string(after) + " " +
              test::py_float(loop.time()));
    out.print(std::string("cancel done task: ") + py_bool(s->cancel()));
}
}  // namespace

TEST_CASE("cancellation reaches a task before its first step, while sleeping, and can be ignored") {
    VirtualHost host;
    Loop loop(host);
    Out out;
    auto t = create_task(loop, cancel_main(out));
    loop.run_until_complete(*t);
    t->result();
    CHECK(out.text == test::expected_output("cancel_states"));
}

TEST_CASE("a task cancelled before its first step never runs its body") {
    VirtualHost host;
    Loop loop(host);
    bool ran = false;
    auto body = [](bool& flag) -> Task<void> {
        flag = true;
        co_return;
    };
    auto t = create_task(loop, body(ran));
    t->cancel("early");
    loop.run_once();
    CHECK(t->cancelled());
    CHECK_FALSE(ran);
    try {
        t->result();
        FAIL("result() of a cancelled task must raise");
    } catch (const CancelledError& e) {
        CHECK(e.message() == std::optional<std::string>("early"));
    }
}

TEST_CASE("a task cannot await itself") {
    VirtualHost host;
    Loop loop(host);
    Ref<ScheduledTask<void>> self;
    auto body = [](Ref<ScheduledTask<void>>& me) -> Task<void> { co_await me; };
    self = create_task(loop, body(self));
    loop.run_until_complete(*self);
    CHECK_THROWS_AS(self->result(), RuntimeError);
    self.reset();
}
