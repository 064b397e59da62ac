// spawn.cpp — spawning and completing N tasks (default 100,000) with
// gather_all: each task returns its index, the checksum is their sum.
// ops = N tasks. Twin of spawn.py.
#include <vector>

#include "bench_util.hpp"

namespace {

corio::Task<long> work(long i) { co_return i; }

corio::Task<void> bench(long n) {
    corio::Loop& loop = co_await corio::get_loop();
    int64_t t0 = corio_bench::wall_ns();
    std::vector<corio::Task<long>> tasks;
    tasks.reserve(static_cast<std::size_t>(n));
    for (long i = 0; i < n; ++i) tasks.push_back(work(i));
    std::vector<long> results = co_await corio::gather_all(loop, std::move(tasks));
    long long sum = 0;
    for (long r : results) sum += r;
    int64_t t1 = corio_bench::wall_ns();
    corio_bench::report("spawn", n, t1 - t0, sum);
}

}  // namespace

int main(int argc, char** argv) {
    auto opt = corio_bench::parse(argc, argv, 100'000, false);
    return corio_bench::run(opt, bench(opt.n));
}
