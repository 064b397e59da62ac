// locks_test.cpp — Lock, Event, Semaphore, Condition and Barrier: each
// reference program (programs/*.py) re-enacted with C++ tasks must print
// what CPython printed, leaving no future or task behind.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/barrier.hpp"
#include "core/condition.hpp"
#include "core/corio.hpp"
#include "core/event.hpp"
#include "core/lock.hpp"
#include "core/semaphore.hpp"
#include "expected.hpp"
#include "sync_support.hpp"

using namespace corio;
using test::finish;
using test::py;

namespace {

using Tasks = std::vector<Ref<ScheduledTask<void>>>;

void check_program(const test::ProgramRun& run, const char* name) {
    CHECK(run.out == test::expected_output(name));
    CHECK(run.leaked_futures == 0);
    CHECK(run.leaked_tasks == 0);
    CHECK(run.loop_errors == 0);
}

Task<void> other(std::string& out) {
    out += "other task runs\n";
    co_return;
}

// ---- programs/lock_fifo.py

Task<void> lock_user(std::string& out, Lock& lock, std::string name, double hold) {
    out += name + " wants the lock (locked=" + py(lock.locked()) + ")\n";
    co_await lock.acquire();
    out += name + " acquired\n";
    co_await corio::sleep(hold);
    out += name + " releasing\n";
    lock.release();
}

Task<void> lock_fifo(std::string& out) {
    Loop& loop = co_await get_loop();
    Lock lock(loop);
    auto t = create_task(loop, other(out));
    co_await lock.acquire();
    out += "main acquired without suspending: " + py(lock.locked()) + "\n";
    auto a = create_task(loop, lock_user(out, lock, "A", 1));
    auto b = create_task(loop, lock_user(out, lock, "B", 0.5));
    auto c = create_task(loop, lock_user(out, lock, "C", 0));
    co_await corio::sleep(0);
    out += "main releasing\n";
    lock.release();
    out += "locked after release: " + py(lock.locked()) + "\n";
    auto d = create_task(loop, lock_user(out, lock, "D", 0));
    co_await lock.acquire();
    out += "main acquired again, last in line\n";
    lock.release();
    for (auto& task : test::tasks(t, a, b, c, d)) co_await task;
    out += "locked: " + py(lock.locked()) + "\n";
    try {
        lock.release();
    } catch (const RuntimeError& e) {
        out += std::string("RuntimeError: ") + e.what() + "\n";
    }
}

// ---- programs/lock_cancel.py

Task<void> cancelled_user(std::string& out, Lock& lock, std::string name) {
    out += name + " waits\n";
    try {
        co_await lock.acquire();
    } catch (const CancelledError&) {
        out += name + " cancelled while waiting (locked=" + py(lock.locked()) + ")\n";
        throw;
    }
    out += name + " acquired\n";
    co_await corio::sleep(0.1);
    lock.release();
    out += name + " released\n";
}

Task<void> lock_cancel(std::string& out) {
    Loop& loop = co_await get_loop();
    Lock lock(loop);
    co_await lock.acquire();
    auto a = create_task(loop, cancelled_user(out, lock, "A"));
    auto b = create_task(loop, cancelled_user(out, lock, "B"));
    auto c = create_task(loop, cancelled_user(out, lock, "C"));
    co_await corio::sleep(0);
    a->cancel();
    co_await corio::sleep(0);
    out += "A cancelled: " + py(a->cancelled()) + "\n";
    lock.release();
    b->cancel();
    co_await finish(out, test::tasks(b, c));
    out += "B cancelled: " + py(b->cancelled()) + " locked: " + py(lock.locked()) + "\n";

    co_await lock.acquire();
    auto d = create_task(loop, cancelled_user(out, lock, "D"));
    co_await corio::sleep(0);
    d->cancel();
    lock.release();
    co_await lock.acquire();
    out += "main re-acquired at once: " + py(lock.locked()) + "\n";
    try {
        co_await d;
    } catch (const CancelledError&) {
        out += "D cancelled: " + py(d->cancelled()) + "\n";
    }
    lock.release();
    out += "locked: " + py(lock.locked()) + "\n";
}

// ---- programs/event.py

Task<void> event_waiter(std::string& out, Event& ev, std::string name) {
    out += name + " waiting\n";
    bool r = false;
    try {
        r = co_await ev.wait();
    } catch (const CancelledError&) {
        out += name + " cancelled\n";
        throw;
    }
    out += name + " woke: " + py(r) + "\n";
}

Task<void> event_setter(std::string& out, Event& ev, double delay) {
    co_await corio::sleep(delay);
    out += "setter sets\n";
    ev.set();
}

Task<void> event_program(std::string& out) {
    Loop& loop = co_await get_loop();
    Event ev(loop);
    auto a = create_task(loop, event_waiter(out, ev, "A"));
    auto b = create_task(loop, event_waiter(out, ev, "B"));
    auto c = create_task(loop, event_waiter(out, ev, "C"));
    co_await corio::sleep(0);
    b->cancel();
    co_await corio::sleep(0);
    out += "setting\n";
    ev.set();
    out += "is_set: " + py(ev.is_set()) + "\n";
    ev.clear();
    out += "cleared, is_set: " + py(ev.is_set()) + "\n";
    co_await a;
    co_await c;
    out += "B cancelled: " + py(b->cancelled()) + "\n";

    auto d = create_task(loop, event_waiter(out, ev, "D"));
    auto s = create_task(loop, event_setter(out, ev, 0.5));
    co_await d;
    co_await s;
    auto t = create_task(loop, other(out));
    bool r = co_await ev.wait();
    out += "main waited on a set event: " + py(r) + "\n";
    co_await t;
}

// ---- programs/semaphore.py

Task<void> sem_worker(std::string& out, Semaphore& sem, std::string name, double hold) {
    out += name + " wants (locked=" + py(sem.locked()) + ")\n";
    try {
        co_await sem.acquire();
    } catch (const CancelledError&) {
        out += name + " cancelled\n";
        throw;
    }
    out += name + " got it\n";
    co_await corio::sleep(hold);
    sem.release();
    out += name + " released\n";
}

Task<void> semaphore_program(std::string& out) {
    Loop& loop = co_await get_loop();
    Semaphore sem(loop, 2);
    Tasks tasks;
    using Worker = std::pair<const char*, double>;
    for (auto [name, hold] : {Worker{"A", 1}, Worker{"B", 2}, Worker{"C", 1}, Worker{"D", 1}, Worker{"E", 1}})
        tasks.push_back(create_task(loop, sem_worker(out, sem, name, hold)));
    co_await corio::sleep(0);
    tasks[3]->cancel();
    co_await finish(out, tasks);
    out += "locked: " + py(sem.locked()) + "\n";

    Semaphore one(loop, 1);
    co_await one.acquire();
    auto x = create_task(loop, sem_worker(out, one, "X", 0));
    auto y = create_task(loop, sem_worker(out, one, "Y", 0));
    co_await corio::sleep(0);
    one.release();
    out += "locked after release: " + py(one.locked()) + "\n";
    x->cancel();
    co_await finish(out, test::tasks(x, y));
    out += "locked: " + py(one.locked()) + "\n";

    BoundedSemaphore bounded(loop, 1);
    co_await bounded.acquire();
    bounded.release();
    try {
        bounded.release();
    } catch (const ValueError& e) {
        out += std::string("ValueError: ") + e.what() + "\n";
    }
    try {
        Semaphore bad(loop, -1);
    } catch (const ValueError& e) {
        out += std::string("ValueError: ") + e.what() + "\n";
    }
}

// ---- programs/condition.py

Task<void> cond_waiter(std::string& out, Condition& cond, std::string name) {
    co_await cond.acquire();
    try {
        out += name + " waiting\n";
        try {
            co_await cond.wait();
        } catch (const CancelledError&) {
            out += name + " cancelled, holds the lock: " + py(cond.locked()) + "\n";
            throw;
        }
        out += name + " notified\n";
    } catch (...) {
        cond.release();
        throw;
    }
    cond.release();
}

Task<void> until_two(std::string& out, Condition& cond, std::vector<std::string>& items) {
    co_await cond.acquire();
    try {
        bool r = co_await cond.wait_for([&] {
            out += "F checks " + test::py_list(items) + "\n";
            return items.size() >= 2;
        });
        out += "F done waiting: " + py(r) + "\n";
    } catch (...) {
        cond.release();
        throw;
    }
    cond.release();
}

Task<void> notify(std::string& out, Condition& cond, std::size_t n) {
    co_await cond.acquire();
    out += "notify(" + std::to_string(n) + ")\n";
    cond.notify(n);
    cond.release();
    co_await corio::sleep(0);
}

Task<void> condition_program(std::string& out) {
    Loop& loop = co_await get_loop();
    Condition cond(loop);
    Tasks ws;
    for (const char* name : {"A", "B", "C", "D"}) ws.push_back(create_task(loop, cond_waiter(out, cond, name)));
    co_await corio::sleep(0);
    co_await notify(out, cond, 1);
    co_await notify(out, cond, 2);
    co_await cond.acquire();
    ws[3]->cancel();
    co_await corio::sleep(0);
    out += "main releases the lock\n";
    cond.release();
    co_await finish(out, ws);

    auto e = create_task(loop, cond_waiter(out, cond, "E"));
    co_await corio::sleep(0);
    co_await cond.acquire();
    cond.notify();
    co_await corio::sleep(0);
    e->cancel();
    co_await corio::sleep(0);
    out += "main releases the lock\n";
    cond.release();
    co_await finish(out, test::tasks(e));

    std::vector<std::string> items;
    auto f = create_task(loop, until_two(out, cond, items));
    auto g = create_task(loop, cond_waiter(out, cond, "G"));
    co_await corio::sleep(0);
    const std::vector<const char*> xy = {"x", "y"};
    for (const char* item : xy) {
        co_await cond.acquire();
        items.push_back(item);
        out += "notify_all\n";
        cond.notify_all();
        cond.release();
        co_await corio::sleep(0);
    }
    co_await finish(out, test::tasks(f, g));

    try {
        co_await cond.wait();
    } catch (const RuntimeError& err) {
        out += std::string("RuntimeError: ") + err.what() + "\n";
    }
    try {
        cond.notify();
    } catch (const RuntimeError& err) {
        out += std::string("RuntimeError: ") + err.what() + "\n";
    }
    out += "locked: " + py(cond.locked()) + "\n";
}

// ---- programs/barrier.py

Task<void> party(std::string& out, Barrier& barrier, std::string name, std::vector<double> delays) {
    for (std::size_t round = 0; round < delays.size(); ++round) {
        co_await corio::sleep(delays[round]);
        out += name + " arrives for round " + std::to_string(round) +
               " (n_waiting=" + std::to_string(barrier.n_waiting()) + ")\n";
        int64_t index = co_await barrier.wait();
        out += name + " passes round " + std::to_string(round) + " with index " + std::to_string(index) + "\n";
    }
}

Task<void> try_wait(std::string& out, Barrier& barrier, std::string name) {
    out += name + " waits (n_waiting=" + std::to_string(barrier.n_waiting()) + ")\n";
    try {
        int64_t index = co_await barrier.wait();
        out += name + " passes with index " + std::to_string(index) + "\n";
    } catch (const BrokenBarrierError& e) {
        out += name + " BrokenBarrierError: " + e.what() + "\n";
    } catch (const CancelledError&) {
        out += name + " cancelled\n";
        throw;
    }
}

Task<void> barrier_program(std::string& out) {
    Loop& loop = co_await get_loop();
    Barrier barrier(loop, 3);
    out += "parties: " + std::to_string(barrier.parties()) + " broken: " + py(barrier.broken()) + "\n";
    Tasks parties = {create_task(loop, party(out, barrier, "A", {0.1, 0.3})),
                     create_task(loop, party(out, barrier, "B", {0.2, 0.1})),
                     create_task(loop, party(out, barrier, "C", {0.3, 0.2}))};
    co_await finish(out, parties);
    out += "n_waiting: " + std::to_string(barrier.n_waiting()) + "\n";

    Tasks ts = {create_task(loop, try_wait(out, barrier, "D")), create_task(loop, try_wait(out, barrier, "E"))};
    co_await corio::sleep(0);
    out += "n_waiting: " + std::to_string(barrier.n_waiting()) + "\n";
    co_await barrier.abort();
    out += "broken: " + py(barrier.broken()) + "\n";
    co_await finish(out, ts);
    co_await try_wait(out, barrier, "F");

    co_await barrier.reset();
    out += "after reset, broken: " + py(barrier.broken()) + "\n";
    ts = {create_task(loop, try_wait(out, barrier, "G")), create_task(loop, try_wait(out, barrier, "H"))};
    co_await corio::sleep(0);
    co_await barrier.reset();
    co_await finish(out, ts);
    out += "n_waiting: " + std::to_string(barrier.n_waiting()) + "\n";

    ts = {create_task(loop, try_wait(out, barrier, "I")), create_task(loop, try_wait(out, barrier, "J"))};
    co_await corio::sleep(0);
    ts[0]->cancel();
    co_await corio::sleep(0);
    out += "n_waiting after cancel: " + std::to_string(barrier.n_waiting()) + "\n";
    ts.push_back(create_task(loop, try_wait(out, barrier, "K")));
    ts.push_back(create_task(loop, try_wait(out, barrier, "L")));
    co_await finish(out, ts);
    out += "n_waiting: " + std::to_string(barrier.n_waiting()) + " broken: " + py(barrier.broken()) + "\n";
}

}  // namespace

TEST_CASE("a free lock is taken without suspending and waiters get it in FIFO order") {
    check_program(test::run_program(lock_fifo), "lock_fifo");
}

TEST_CASE("a cancelled lock waiter leaves the line or hands the lock to the next one") {
    check_program(test::run_program(lock_cancel), "lock_cancel");
}

TEST_CASE("Event.set wakes every waiter but the cancelled ones") {
    check_program(test::run_program(event_program), "event");
}

TEST_CASE("a Semaphore hands units over in FIFO order, also past cancelled waiters") {
    check_program(test::run_program(semaphore_program), "semaphore");
}

TEST_CASE("Condition waiters re-acquire the lock after notify, even when cancelled") {
    check_program(test::run_program(condition_program), "condition");
}

TEST_CASE("a Barrier releases its parties round after round until aborted or reset") {
    check_program(test::run_program(barrier_program), "barrier");
}

TEST_CASE("Lock.release wakes the next waiter through call_soon, not inline") {
    VirtualHost host;
    Loop loop(host);
    Lock lock(loop);
    std::string out;
    auto holder = [](Lock& lk) -> Task<void> { co_await lk.acquire(); };
    auto waiter = [](Lock& lk, std::string& o) -> Task<void> {
        co_await lk.acquire();
        o += "woke";
        lk.release();
    };
    auto h = create_task(loop, holder(lock));
    auto w = create_task(loop, waiter(lock, out));
    loop.run_once();  // h takes the lock, w waits on it
    REQUIRE(lock.locked());
    REQUIRE(w->awaiting() != nullptr);
    CHECK(w->awaiting()->wait_kind() == trace::WaitKind::Lock);
    CHECK(w->awaiting()->owner_id() == lock.id());
    CHECK(lock.waiters().size() == 1);
    lock.release();
    CHECK(out.empty());
    CHECK(loop.ready().size() == 1);  // the waiter's wake-up
    loop.run_once();
    CHECK(out == "woke");
    CHECK(lock.waiters().empty());
    CHECK_FALSE(lock.locked());
}

TEST_CASE("the primitives reject bad arguments as asyncio does") {
    VirtualHost host;
    Loop loop(host);
    CHECK_THROWS_AS(Semaphore(loop, -1), ValueError);
    CHECK_THROWS_AS(Barrier(loop, 0), ValueError);
    Lock lock(loop);
    CHECK_THROWS_WITH(lock.release(), "Lock is not acquired.");
    Condition cond(lock);
    CHECK_THROWS_WITH(cond.notify_all(), "cannot notify on un-acquired lock");
    CHECK(state_name(BarrierState::Resetting) == std::string("resetting"));
}

TEST_CASE("a Condition on a shared lock acquires and releases that lock") {
    VirtualHost host;
    Loop loop(host);
    Lock lock(loop);
    Condition cond(lock);
    auto body = [](Condition& c, Lock& l) -> Task<bool> {
        co_await c.acquire();
        bool held = l.locked();
        c.release();
        co_return held && !l.locked();
    };
    auto t = create_task(loop, body(cond, lock));
    loop.run_until_complete(*t);
    CHECK(t->result());
}

TEST_CASE("the acquire operation can be driven by hand with begin and finish") {
    // What the Python layer does: begin, wait on the future, finish with
    // what the await raised.
    VirtualHost host;
    Loop loop(host);
    Lock lock(loop);
    auto first = lock.acquire_op();
    CHECK_FALSE(first.begin());  // fast path
    auto second = lock.acquire_op();
    Wait wait = second.begin();
    REQUIRE(wait);
    CHECK_FALSE(wait.future->done());
    lock.release();
    CHECK(wait.future->done());
    CHECK_FALSE(lock.locked());
    CHECK_FALSE(second.finish(nullptr));
    CHECK(second.result());
    CHECK(lock.locked());

    auto third = lock.acquire_op();
    wait = third.begin();
    REQUIRE(wait);
    wait.future->cancel();
    CHECK_THROWS_AS(third.finish(wait.future->make_cancelled_error()), CancelledError);
    CHECK(lock.waiters().empty());
    CHECK(lock.locked());
}

TEST_CASE("tasks cancelled while waiting on every primitive leave nothing behind") {
    int64_t futures_before = FutureBase::live_count();
    int64_t tasks_before = TaskBase::live_count();
    {
        VirtualHost host;
        Loop loop(host);
        Lock lock(loop);
        Event event(loop);
        Semaphore sem(loop, 0);
        Condition cond(loop);
        Barrier barrier(loop, 2);
        auto on_lock = [](Lock& l) -> Task<void> {
            co_await l.acquire();
            co_await l.acquire();
        };
        auto on_event = [](Event& e) -> Task<void> { co_await e.wait(); };
        auto on_sem = [](Semaphore& s) -> Task<void> { co_await s.acquire(); };
        auto on_cond = [](Condition& c) -> Task<void> {
            co_await c.acquire();
            co_await c.wait();
        };
        auto on_barrier = [](Barrier& b) -> Task<int64_t> { co_return co_await b.wait(); };
        std::vector<Ref<TaskBase>> tasks = {create_task(loop, on_lock(lock)), create_task(loop, on_event(event)),
                                            create_task(loop, on_sem(sem)), create_task(loop, on_cond(cond)),
                                            create_task(loop, on_barrier(barrier))};
        loop.run_once();
        for (auto& t : tasks) {
            REQUIRE(t->awaiting() != nullptr);
            t->cancel();
        }
        while (!loop.all_tasks().empty()) loop.run_once();
        for (auto& t : tasks) CHECK(t->cancelled());
        CHECK(lock.waiters().empty());
        CHECK(event.waiters().empty());
        CHECK(sem.waiters().empty());
        CHECK(cond.waiters().empty());
        CHECK(barrier.n_waiting() == 0);
        CHECK(loop.errors().empty());
    }
    CHECK(FutureBase::live_count() == futures_before);
    CHECK(TaskBase::live_count() == tasks_before);
}
