// switch.cpp — the cost of a task switch: 100 tasks each loop N times over
// `co_await corio::sleep(0)` (a bare yield: the task runs again in the next
// iteration). ops = 100 * N switches. Twin of switch.py.
#include <vector>

#include "bench_util.hpp"

namespace {

constexpr int kTasks = 100;

corio::Task<void> worker(long n, long long& switches) {
    for (long i = 0; i < n; ++i) {
        co_await corio::sleep(0);
        ++switches;
    }
}

corio::Task<void> bench(long n) {
    corio::Loop& loop = co_await corio::get_loop();
    long long switches = 0;
    int64_t t0 = corio_bench::wall_ns();
    std::vector<corio::Task<void>> workers;
    for (int i = 0; i < kTasks; ++i) workers.push_back(worker(n, switches));
    co_await corio::gather_all(loop, std::move(workers));
    int64_t t1 = corio_bench::wall_ns();
    corio_bench::report("switch", kTasks * static_cast<long long>(n), t1 - t0, switches);
}

}  // namespace

int main(int argc, char** argv) {
    auto opt = corio_bench::parse(argc, argv, 10'000, false);
    return corio_bench::run(opt, bench(opt.n));
}
