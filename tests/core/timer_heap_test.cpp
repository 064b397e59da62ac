// timer_heap_test.cpp — the timer heap's order when many timers come due
// at once (then it sorts them instead of popping them one by one) and when
// only some do: always (deadline, creation), as asyncio's heap.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/corio.hpp"

using namespace corio;

namespace {
// Arms `n` timers with deadlines in ns from delay(i), in creation order
// i = 0..n-1; returns the expected firing order: by (deadline, creation).
template <class Delay>
std::vector<int> arm(Loop& loop, int n, Delay delay, std::vector<int>& fired) {
    std::vector<std::pair<int64_t, int>> keys;
    for (int i = 0; i < n; ++i) {
        int64_t d = delay(i);
        keys.emplace_back(d, i);
        loop.call_later(static_cast<double>(d) * 1e-9, [&fired, i] { fired.push_back(i); });
    }
    std::sort(keys.begin(), keys.end());
    std::vector<int> order;
    for (auto& k : keys) order.push_back(k.second);
    return order;
}
}  // namespace

TEST_CASE("timers due together fire by deadline then creation, however many") {
    for (int n : {5, 300, 5000}) {
        VirtualHost host;
        Loop loop(host);
        std::vector<int> fired;
        // Scrambled deadlines, many of them equal (a tenth as many values).
        auto expected = arm(loop, n, [n](int i) { return (i * 7919LL) % (n / 10 + 1) + 1; }, fired);
        host.advance(1'000'000);  // every timer is due at the first iteration
        loop.run_once();
        CHECK(loop.timers().empty());
        CHECK(fired == expected);
    }
}

TEST_CASE("when only some timers are due, those fire in order and the others stay") {
    VirtualHost host;
    Loop loop(host);
    std::vector<int> fired;
    constexpr int kCount = 4000;
    // Deadlines 1..kCount ns scrambled, plus a few far ones; at 3000 ns,
    // about 3000 are due.
    auto expected = arm(
        loop, kCount,
        [](int i) { return i % 97 == 0 ? 1'000'000 + i : (i * 7919LL) % kCount + 1; }, fired);
    host.advance(3000);
    loop.run_once();
    std::vector<int> first(expected.begin(), expected.begin() + static_cast<long>(fired.size()));
    CHECK(fired.size() > 1000);
    CHECK(fired == first);
    loop.run_forever();  // stops once nothing is left (stalled)
    CHECK(fired == expected);
}

TEST_CASE("cancelled timers due together are skipped, not fired") {
    VirtualHost host;
    Loop loop(host);
    std::string out;
    std::vector<HandleRef> timers;
    for (int i = 0; i < 1000; ++i)
        timers.push_back(loop.call_later(1e-6 * (1000 - i), [&out, i] { out += std::to_string(i % 10); }));
    for (int i = 0; i < 1000; i += 2) timers[static_cast<std::size_t>(i)]->cancel();
    host.advance(10'000'000);
    loop.run_once();
    std::string expected;
    for (int i = 999; i >= 0; --i)
        if (i % 2) expected += std::to_string(i % 10);
    CHECK(out == expected);
}
