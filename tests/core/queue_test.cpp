// queue_test.cpp — Queue, PriorityQueue and LifoQueue: each reference
// program (programs/queue_*.py) re-enacted with C++ tasks must print what
// CPython printed, leaving no future or task behind; plus heapq's order and
// the get/put operations driven by hand, as the Python layer will.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/corio.hpp"
#include "core/queue.hpp"
#include "expected.hpp"
#include "sync_support.hpp"

using namespace corio;
using test::finish;
using test::py;
using test::stamp;

namespace {

using Tasks = std::vector<Ref<ScheduledTask<void>>>;

void check_program(const test::ProgramRun& run, const char* name) {
    CHECK(run.out == test::expected_output(name));
    CHECK(run.leaked_futures == 0);
    CHECK(run.leaked_tasks == 0);
    CHECK(run.loop_errors == 0);
}

std::string ints(const std::vector<int>& values) {
    std::string s = "[";
    for (std::size_t i = 0; i < values.size(); ++i) s += (i ? ", " : "") + std::to_string(values[i]);
    return s + "]";
}

// ---- programs/queue_backpressure.py

Task<void> producer(std::string& out, Queue<int>& q, int n) {
    Loop& loop = co_await get_loop();
    for (int i = 0; i < n; ++i) {
        out += stamp(loop) + " producer: putting " + std::to_string(i) + " (qsize=" + std::to_string(q.qsize()) +
               ", full=" + py(q.full()) + ")\n";
        co_await q.put(i);
        out += stamp(loop) + " producer: put " + std::to_string(i) + " done\n";
    }
    co_await q.put(-1);
    out += stamp(loop) + " producer: finished\n";
}

Task<int> consumer(std::string& out, Queue<int>& q) {
    Loop& loop = co_await get_loop();
    int total = 0;
    for (;;) {
        int item = co_await q.get();
        if (item == -1) break;
        out += stamp(loop) + " consumer: got " + std::to_string(item) + "\n";
        total += item;
        co_await corio::sleep(1);
    }
    out += stamp(loop) + " consumer: total " + std::to_string(total) + "\n";
    co_return total;
}

Task<void> backpressure_program(std::string& out) {
    Loop& loop = co_await get_loop();
    Queue<int> q(loop, 2);
    out += "maxsize: " + std::to_string(q.maxsize()) + " empty: " + py(q.empty()) + "\n";
    auto p = create_task(loop, producer(out, q, 5));
    auto c = create_task(loop, consumer(out, q));
    co_await p;
    int total = co_await c;
    out += "total: " + std::to_string(total) + " empty: " + py(q.empty()) + "\n";
}

// ---- programs/queue_join.py

Task<void> worker(std::string& out, Queue<int>& q, std::string name) {
    for (;;) {
        int item = co_await q.get();
        if (item < 0) {
            q.task_done();
            out += name + " stops\n";
            co_return;
        }
        co_await corio::sleep(item / 10.0);
        out += name + " did " + std::to_string(item) + "\n";
        q.task_done();
    }
}

Task<void> joiner(std::string& out, Queue<int>& q) {
    co_await q.join();
    out += "joiner: all done\n";
}

Task<void> join_program(std::string& out) {
    Loop& loop = co_await get_loop();
    Queue<int> q(loop);
    co_await q.join();
    out += "join on a fresh queue returns at once\n";
    for (int item : {3, 1, 2, 2}) q.put_nowait(item);
    out += "qsize: " + std::to_string(q.qsize()) + " full: " + py(q.full()) + "\n";
    auto j = create_task(loop, joiner(out, q));
    Tasks ws = {create_task(loop, worker(out, q, "W1")), create_task(loop, worker(out, q, "W2"))};
    co_await q.join();
    out += "main: join returned, qsize: " + std::to_string(q.qsize()) + "\n";
    co_await j;
    q.put_nowait(-1);
    q.put_nowait(-1);
    for (auto& w : ws) co_await w;
    co_await q.join();
    try {
        q.task_done();
    } catch (const ValueError& e) {
        out += std::string("ValueError: ") + e.what() + "\n";
    }
    try {
        q.get_nowait();
    } catch (const QueueEmpty&) {
        out += "QueueEmpty\n";
    }
    Queue<std::string> small(loop, 1);
    small.put_nowait("a");
    try {
        small.put_nowait("b");
    } catch (const QueueFull&) {
        out += "QueueFull, full: " + py(small.full()) + "\n";
    }
    std::string got = small.get_nowait();
    out += "got " + got + " empty: " + py(small.empty()) + "\n";
}

// ---- programs/queue_cancel.py

Task<void> getter(std::string& out, Queue<std::string>& q, std::string name) {
    out += name + " gets\n";
    std::string item;
    try {
        item = co_await q.get();
    } catch (const CancelledError&) {
        out += name + " cancelled (qsize=" + std::to_string(q.qsize()) + ")\n";
        throw;
    }
    out += name + " got " + item + "\n";
}

Task<void> putter(std::string& out, Queue<int>& q, std::string name, int item) {
    out += name + " puts " + std::to_string(item) + "\n";
    try {
        co_await q.put(item);
    } catch (const CancelledError&) {
        out += name + " cancelled (qsize=" + std::to_string(q.qsize()) + ")\n";
        throw;
    }
    out += name + " put " + std::to_string(item) + "\n";
}

Task<void> cancel_program(std::string& out) {
    Loop& loop = co_await get_loop();
    Queue<std::string> q(loop);
    Tasks gs;
    for (const char* name : {"G1", "G2", "G3", "G4"}) gs.push_back(create_task(loop, getter(out, q, name)));
    co_await corio::sleep(0);
    gs[0]->cancel();
    co_await corio::sleep(0);
    q.put_nowait("a");
    q.put_nowait("b");
    gs[1]->cancel();
    co_await finish(out, gs);
    out += "qsize: " + std::to_string(q.qsize()) + "\n";

    auto g5 = create_task(loop, getter(out, q, "G5"));
    co_await corio::sleep(0);
    q.put_nowait("c");
    out += "main steals " + q.get_nowait() + "\n";
    co_await corio::sleep(0);
    q.put_nowait("d");
    co_await finish(out, test::tasks(g5));

    Queue<int> bounded(loop, 1);
    bounded.put_nowait(0);
    Tasks ps;
    int i = 1;
    for (const char* name : {"P1", "P2", "P3", "P4"}) ps.push_back(create_task(loop, putter(out, bounded, name, i++)));
    co_await corio::sleep(0);
    ps[0]->cancel();
    co_await corio::sleep(0);
    out += "main got " + std::to_string(bounded.get_nowait()) + "\n";
    ps[1]->cancel();
    co_await corio::sleep(0);
    co_await corio::sleep(0);
    out += "main got " + std::to_string(bounded.get_nowait()) + "\n";
    co_await finish(out, ps);
    out += "qsize: " + std::to_string(bounded.qsize());
    out += " last: " + std::to_string(bounded.get_nowait()) + "\n";
}

// ---- programs/queue_order.py

struct Job {
    int key;
    std::string name;
    friend bool operator<(const Job& a, const Job& b) { return a.key < b.key; }
    std::string str() const { return std::to_string(key) + name; }
};

Task<void> priority_consumer(std::string& out, PriorityQueue<int>& pq) {
    for (;;) {
        int item = co_await pq.get();
        out += "consumer got " + std::to_string(item) + "\n";
        if (item == 0) co_return;
    }
}

Task<void> order_program(std::string& out) {
    Loop& loop = co_await get_loop();
    PriorityQueue<Job> jobs(loop);
    const std::vector<Job> input = {{3, "a"}, {1, "b"}, {3, "c"}, {2, "d"}, {1, "e"}, {3, "f"},
                                    {1, "g"}, {2, "h"}, {3, "i"}, {1, "j"}, {2, "k"}, {3, "l"}};
    for (const Job& job : input) co_await jobs.put(job);
    out += "heap:";
    for (const Job& job : jobs.items()) out += " " + job.str();
    out += "\npriority:";
    while (!jobs.empty()) {
        Job job = co_await jobs.get();
        out += " " + job.str();
    }
    out += "\n";

    LifoQueue<int> lq(loop);
    for (int i = 0; i < 5; ++i) lq.put_nowait(i);
    std::vector<int> popped;
    for (int i = 0; i < 5; ++i) popped.push_back(lq.get_nowait());
    out += "lifo: " + ints(popped) + "\n";

    PriorityQueue<int> pq(loop, 3);
    for (int item : {5, 2, 8}) pq.put_nowait(item);
    out += "full: " + py(pq.full()) + "\n";
    auto c = create_task(loop, priority_consumer(out, pq));
    const std::vector<int> more = {4, 0, 1};
    for (int item : more) {
        co_await pq.put(item);
        out += "main put " + std::to_string(item) + "\n";
    }
    co_await c;
    std::vector<int> left(pq.items().begin(), pq.items().end());
    std::sort(left.begin(), left.end());
    out += "left: " + ints(left) + "\n";
}

}  // namespace

TEST_CASE("a bounded queue makes a fast producer wait for a slow consumer") {
    check_program(test::run_program(backpressure_program), "queue_backpressure");
}

TEST_CASE("join waits until every item put was marked done, and the nowait methods raise") {
    check_program(test::run_program(join_program), "queue_join");
}

TEST_CASE("cancelled getters and putters pass their wake-up on to the next in line") {
    check_program(test::run_program(cancel_program), "queue_cancel");
}

TEST_CASE("PriorityQueue pops in heapq's order and LifoQueue pops the last item first") {
    check_program(test::run_program(order_program), "queue_order");
}

TEST_CASE("heapq push and pop match CPython's order for equal keys") {
    // heapq.heappush of (key, index) compared on key only, then heappop:
    // the index order CPython gives for these keys.
    struct Item {
        int key;
        int index;
    };
    auto less = [](const Item& a, const Item& b) { return a.key < b.key; };
    std::vector<Item> heap;
    const int keys[] = {5, 1, 5, 1, 5, 1, 2, 2, 5, 1, 2, 5, 1, 1, 2, 5};
    for (int i = 0; i < 16; ++i) heapq::push(heap, Item{keys[i], i}, less);
    std::string order;
    while (!heap.empty()) order += std::to_string(heapq::pop(heap, less).index) + " ";
    // What CPython's heapq printed for the same pushes and pops.
    CHECK(order == "1 5 13 12 3 9 14 6 10 7 11 2 4 8 15 0 ");
}

TEST_CASE("a task waiting on a queue shows the queue as what it waits for") {
    VirtualHost host;
    Loop loop(host);
    Queue<int> q(loop);
    auto get_one = [](Queue<int>& queue) -> Task<int> { co_return co_await queue.get(); };
    auto t = create_task(loop, get_one(q));
    loop.run_once();
    REQUIRE(t->awaiting() != nullptr);
    CHECK(t->awaiting()->wait_kind() == trace::WaitKind::Queue);
    CHECK(t->awaiting()->owner_id() == q.id());
    CHECK(q.getters().size() == 1);
    q.put_nowait(7);
    CHECK(q.getters().empty());
    CHECK_FALSE(t->done());  // woken through call_soon, not inline
    loop.run_once();
    CHECK(t->result() == 7);
}

TEST_CASE("the get and put operations can be driven by hand with begin and finish") {
    VirtualHost host;
    Loop loop(host);
    Queue<std::string> q(loop, 1);
    auto get = q.get_op();
    Wait wait = get.begin();
    REQUIRE(wait);
    auto put = q.put_op("x");
    CHECK_FALSE(put.begin());  // room: put at once, wakes the getter
    CHECK(wait.future->done());
    auto blocked_put = q.put_op("y");
    Wait put_wait = blocked_put.begin();
    REQUIRE(put_wait);  // full
    CHECK_FALSE(get.finish(nullptr));
    CHECK(get.result() == "x");
    CHECK(put_wait.future->done());  // get_nowait woke the putter
    // The putter's task was cancelled before it ran: the wake-up passes on.
    auto cancelled = std::make_exception_ptr(CancelledError());
    CHECK_THROWS_AS(blocked_put.finish(cancelled), CancelledError);
    CHECK(q.empty());
    CHECK(q.putters().empty());
    auto join = q.join_op();
    Wait join_wait = join.begin();
    REQUIRE(join_wait);  // "x" is not done yet
    q.task_done();
    CHECK(join_wait.future->done());
    CHECK_FALSE(join.finish(nullptr));
}

TEST_CASE("tasks cancelled while waiting on a queue's get, put and join leave nothing behind") {
    int64_t futures_before = FutureBase::live_count();
    int64_t tasks_before = TaskBase::live_count();
    {
        VirtualHost host;
        Loop loop(host);
        Queue<int> empty(loop);
        Queue<int> full(loop, 1);
        full.put_nowait(1);
        auto on_get = [](Queue<int>& q) -> Task<int> { co_return co_await q.get(); };
        auto on_put = [](Queue<int>& q) -> Task<void> { co_await q.put(2); };
        auto on_join = [](Queue<int>& q) -> Task<void> { co_await q.join(); };
        std::vector<Ref<TaskBase>> tasks = {create_task(loop, on_get(empty)), create_task(loop, on_put(full)),
                                            create_task(loop, on_join(full))};
        loop.run_once();
        for (auto& t : tasks) {
            REQUIRE(t->awaiting() != nullptr);
            t->cancel();
        }
        while (!loop.all_tasks().empty()) loop.run_once();
        for (auto& t : tasks) CHECK(t->cancelled());
        CHECK(empty.getters().empty());
        CHECK(full.putters().empty());
        CHECK(loop.errors().empty());
    }
    CHECK(FutureBase::live_count() == futures_before);
    CHECK(TaskBase::live_count() == tasks_before);
}
