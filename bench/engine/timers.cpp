// timers.cpp — N timers (default 100,000): N tasks, gathered, each sleeping
// a distinct delay of 1..N nanoseconds in a scrambled order (task i sleeps
// (i * 7919) % N + 1 ns: 7919 is prime, so every delay occurs once). Runs on
// the virtual host by default: the clock jumps from deadline to deadline, so
// only the engine's work is measured (heap push and pop, the sleep future,
// the wake-up). ops = N timers; the checksum is the number of sleeps that
// ended. Twin of timers.py (run.py explains the CPython side).
#include <vector>

#include "bench_util.hpp"

namespace {

corio::Task<void> sleeper(long delay_ns, long long& woken) {
    co_await corio::sleep(static_cast<double>(delay_ns) * 1e-9);
    ++woken;
}

corio::Task<void> bench(long n) {
    corio::Loop& loop = co_await corio::get_loop();
    long long woken = 0;
    int64_t t0 = corio_bench::wall_ns();
    std::vector<corio::Task<void>> sleepers;
    sleepers.reserve(static_cast<std::size_t>(n));
    for (long i = 0; i < n; ++i)
        sleepers.push_back(sleeper(static_cast<long>((i * 7919LL) % n + 1), woken));
    co_await corio::gather_all(loop, std::move(sleepers));
    int64_t t1 = corio_bench::wall_ns();
    corio_bench::report("timers", n, t1 - t0, woken);
}

}  // namespace

int main(int argc, char** argv) {
    auto opt = corio_bench::parse(argc, argv, 100'000, false);
    return corio_bench::run(opt, bench(opt.n));
}
