// ring_queue_test.cpp — the ready queue's and the waiters' deque: FIFO
// order across wrap-around and growth, and erase keeping the others' order
// from either side.
#include <catch2/catch.hpp>

#include <vector>

#include "core/ring_queue.hpp"

using corio::RingQueue;

namespace {
std::vector<int> contents(const RingQueue<int>& q) {
    std::vector<int> out;
    for (std::size_t i = 0; i < q.size(); ++i) out.push_back(q[i]);
    return out;
}
}  // namespace

TEST_CASE("a ring queue stays FIFO across wrap-around and growth") {
    RingQueue<int> q;
    int next_in = 0, next_out = 0;
    for (int round = 0; round < 50; ++round) {
        for (int k = 0; k < round % 7 + 3; ++k) q.push_back(next_in++);
        for (int k = 0; k < round % 5 + 1 && !q.empty(); ++k) REQUIRE(q.pop_front() == next_out++);
    }
    while (!q.empty()) REQUIRE(q.pop_front() == next_out++);
    REQUIRE(next_out == next_in);
}

TEST_CASE("erasing from a ring queue keeps the order of the others, at every index") {
    for (std::size_t n = 1; n <= 9; ++n) {
        for (std::size_t i = 0; i < n; ++i) {
            RingQueue<int> q;
            for (int k = 0; k < 5; ++k) q.push_back(-1);  // wrap the head around
            for (int k = 0; k < 5; ++k) q.pop_front();
            std::vector<int> expected;
            for (std::size_t k = 0; k < n; ++k) {
                q.push_back(static_cast<int>(k));
                if (k != i) expected.push_back(static_cast<int>(k));
            }
            q.erase(i);
            REQUIRE(contents(q) == expected);
            q.push_back(100);
            q.push_front(-100);
            REQUIRE(q.pop_front() == -100);
        }
    }
}
