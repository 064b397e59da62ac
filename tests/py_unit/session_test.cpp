// Tests of py::Session, the sliced run the browser and the CLI use: what it
// reports to its embedder (wait for a timer, block for time.sleep, ready
// after a preemption, stepped), that a run in slices prints what a run in
// one go prints, and that interrupt() stops even a loop that never awaits.
// Expected outputs were produced by CPython 3.11 under the virtual clock.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "core/loop.hpp"
#include "core/virtual_host.hpp"
#include "trace/event.hpp"
#include "py/interp.hpp"
#include "py/session.hpp"
#include "py/vm.hpp"

using namespace corio::py;
using State = Progress::State;

namespace {

struct Run {
    corio::VirtualHost host;
    Interp interp;
    Vm vm{interp};
    std::string out;
    std::string err;
    Session session;
    std::vector<Progress> trail;  // every advance()'s answer

    explicit Run(const std::string& source)
        : session(interp, "/virtual/main.py", source, {"main.py"}) {
        interp.host = &host;
        interp.write_stdout = [this](std::string_view s) { out += s; };
        interp.write_stderr = [this](std::string_view s) { err += s; };
    }
    // One advance(), letting the time pass as the CLI does.
    Progress once() {
        Progress p = session.advance();
        trail.push_back(p);
        if (p.state == State::Waiting) host.poll(*session.loop(), p.ns);
        if (p.state == State::Blocked) host.block(p.ns);
        return p;
    }
    int finish(int limit = 100000) {
        for (int i = 0; i < limit && !session.done(); ++i) once();
        return session.exit_status();
    }
    int count(State s) const {
        int n = 0;
        for (const Progress& p : trail) n += p.state == s;
        return n;
    }
};

bool yes(void*) { return true; }

const char* kTimers = R"(import asyncio, time
async def count(n):
    print("One", n, time.monotonic())
    await asyncio.sleep(1)
    print("Two", n, time.monotonic())
async def main():
    await asyncio.gather(count(1), count(2))
    time.sleep(0.5)
    print("end", time.monotonic())
asyncio.run(main())
)";

}  // namespace

TEST_CASE("a session reports the timer wait and the blocking sleep to its embedder") {
    Run run(kTimers);
    CHECK(run.finish() == 0);
    CHECK(run.out ==
          "One 1 0.0\nOne 2 0.0\nTwo 1 1.0\nTwo 2 1.0\nend 1.5\n");
    CHECK(run.err.empty());
    // One wait of a second for the sleeps, one block of half a second.
    int waits = 0;
    for (const Progress& p : run.trail) {
        if (p.state == State::Waiting) {
            CHECK(p.ns == 1'000'000'000);
            ++waits;
        }
        if (p.state == State::Blocked) CHECK(p.ns == 500'000'000);
    }
    CHECK(waits == 1);
    CHECK(run.count(State::Blocked) == 1);
}

TEST_CASE("a preempted session prints what an unpreempted one prints") {
    const char* source = R"(import asyncio
async def spin(name, n):
    total = 0
    for i in range(n):
        total += i
        if i % 250 == 0:
            await asyncio.sleep(0)
    print(name, total)
async def main():
    await asyncio.gather(spin("a", 1000), spin("b", 600))
x = sum(i * i for i in range(3000))
print("module", x)
asyncio.run(main())
)";
    Run plain(source);
    CHECK(plain.finish() == 0);
    Run sliced(source);
    sliced.vm.budget = sliced.vm.budget_refill = 5;
    sliced.vm.should_yield = yes;
    CHECK(sliced.finish() == 0);
    CHECK(plain.out == "module 8995500500\nb 179700\na 499500\n");
    CHECK(sliced.out == plain.out);
    // Control came back many times, in module code and in task steps.
    CHECK(sliced.count(State::Ready) > 100);
    CHECK(plain.count(State::Ready) < 5);
}

TEST_CASE("interrupt() stops a task that never awaits, with KeyboardInterrupt") {
    Run run(R"(import asyncio
async def main():
    try:
        while True:
            pass
    finally:
        print("cleanup")
asyncio.run(main())
)");
    run.vm.budget = run.vm.budget_refill = 100;
    run.vm.should_yield = yes;
    for (int i = 0; i < 50; ++i) REQUIRE(run.once().state == State::Ready);
    run.session.interrupt();
    CHECK(run.finish(1000) == 130);
    CHECK(run.out == "cleanup\n");
    CHECK(run.err.find("KeyboardInterrupt") != std::string::npos);
}

TEST_CASE("interrupt() while the loop waits for a timer ends the program") {
    Run run("import asyncio\nasyncio.run(asyncio.sleep(3600))\nprint('not reached')\n");
    Progress p = run.session.advance();
    while (p.state == State::Ready) p = run.session.advance();
    REQUIRE(p.state == State::Waiting);
    run.session.interrupt();
    CHECK(run.finish(100) == 130);
    CHECK(run.out.empty());
    CHECK(run.err.substr(run.err.size() - 18) == "KeyboardInterrupt\n");
}

TEST_CASE("stepping by iteration stops after each loop iteration") {
    Run run(R"(import asyncio
async def count(n):
    print("One", n)
    await asyncio.sleep(1)
    print("Two", n)
async def main():
    await asyncio.gather(count(1), count(2), count(3))
asyncio.run(main())
)");
    // The first unit: module code, until it starts the loop.
    REQUIRE(run.session.step(Session::Unit::Iteration).state == State::Stepped);
    CHECK(run.session.loop()->iteration() == 0);
    // Iteration 1 runs main's first step; iteration 2 the three counts.
    REQUIRE(run.session.step(Session::Unit::Iteration).state == State::Stepped);
    CHECK(run.out.empty());
    CHECK(run.session.loop()->iteration() == 1);
    REQUIRE(run.session.step(Session::Unit::Iteration).state == State::Stepped);
    CHECK(run.out == "One 1\nOne 2\nOne 3\n");
    CHECK(run.session.loop()->iteration() == 2);
    CHECK(run.finish() == 0);  // an Interp is discarded only after its run
}

TEST_CASE("stepping by task step stops after each step, the current task reported") {
    Run run(R"(import asyncio
async def count(n):
    print("One", n)
    await asyncio.sleep(1)
async def main():
    await asyncio.gather(count(1), count(2))
asyncio.run(main())
)");
    REQUIRE(run.session.step(Session::Unit::TaskStep).state == State::Stepped);  // module code
    REQUIRE(run.session.step(Session::Unit::TaskStep).state == State::Stepped);  // main's first step
    CHECK(run.out.empty());
    REQUIRE(run.session.step(Session::Unit::TaskStep).state == State::Stepped);
    CHECK(run.out == "One 1\n");
    REQUIRE(run.session.step(Session::Unit::TaskStep).state == State::Stepped);
    CHECK(run.out == "One 1\nOne 2\n");
    CHECK(run.session.current_task_id() == 0);  // between steps
    CHECK(run.finish() == 0);
}

TEST_CASE("a syntax error ends the session with its position") {
    Run run("print('a')\nx = (1,\n");
    CHECK(run.finish() == 1);
    CHECK(run.out.empty());
    CHECK(run.err.find("line 2") != std::string::npos);
    CHECK(run.err.find("SyntaxError: '(' was never closed") != std::string::npos);
}

namespace {

struct Recorder : corio::trace::Listener {
    std::vector<std::string> lines;
    void on_event(const corio::trace::Event& e) override {
        using K = corio::trace::EventKind;
        if (e.kind == K::TaskCreated) lines.push_back("created " + std::string(e.text));
        if (e.kind == K::LineReached)
            lines.push_back("line " + std::to_string(e.id) + " " + std::to_string(e.a) + " " +
                            std::string(e.text));
    }
};

}  // namespace

TEST_CASE("the trace names each task's coroutine and the line each one waits at") {
    Recorder recorder;  // outlives the run: the loops report until destroyed
    Run run(R"(import asyncio
async def leaf():
    await asyncio.sleep(1)
async def count():
    await leaf()
async def main():
    await asyncio.gather(count(), count())
asyncio.run(main())
)");
    run.interp.trace_listener = &recorder;
    CHECK(run.finish() == 0);
    std::vector<std::string> want = {
        "created Task-1\tmain", "created Task-2\tcount", "created Task-3\tcount",
        // Ids are shared with futures: main 1, gather 2, the counts 3 and 5
        // (the first count's sleep future took 4).
        "line 1 7 main",
        "line 3 3 leaf",
        "line 5 3 leaf",
    };
    REQUIRE(recorder.lines.size() >= want.size());
    CHECK(std::vector<std::string>(recorder.lines.begin(), recorder.lines.begin() + 6) == want);
}

namespace {

struct WaitRecorder : corio::trace::Listener {
    std::map<uint64_t, uint64_t> timer_owner;  // timer id -> task id
    std::vector<std::string> waits;
    void on_event(const corio::trace::Event& e) override {
        using K = corio::trace::EventKind;
        if (e.kind == K::TimerArmed) timer_owner[e.id] = static_cast<uint64_t>(e.b);
        if (e.kind == K::TaskStepEnd) {
            std::string w = corio::trace::wait_kind_name(e.wait);
            if (e.wait == corio::trace::WaitKind::Timer)
                w += timer_owner[static_cast<uint64_t>(e.a)] == e.id ? " (own timer)" : " (?)";
            waits.push_back(w);
        }
    }
};

}  // namespace

TEST_CASE("the trace shows asyncio.sleep as a timer wait and gather as a gather") {
    WaitRecorder recorder;
    Run run(R"(import asyncio
async def c():
    await asyncio.sleep(1)
async def main():
    await asyncio.gather(c(), c())
asyncio.run(main())
)");
    run.interp.trace_listener = &recorder;
    CHECK(run.finish() == 0);
    REQUIRE(recorder.waits.size() >= 3);
    CHECK(recorder.waits[0] == "Gather");
    CHECK(recorder.waits[1] == "Timer (own timer)");
    CHECK(recorder.waits[2] == "Timer (own timer)");
}
