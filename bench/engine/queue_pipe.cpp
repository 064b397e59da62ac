// queue_pipe.cpp — N items (default 1,000,000) through a Queue(maxsize=100)
// from one producer task to one consumer task, the bounded queue a CPython
// producer/consumer program uses for back-pressure: the producer blocks when
// 100 items wait, the consumer when none does. ops = N items; the checksum
// is the sum of the items. Twin of queue_pipe.py.
#include "bench_util.hpp"
#include "core/queue.hpp"

namespace {

constexpr int64_t kMaxSize = 100;

corio::Task<void> producer(corio::Queue<long>& q, long n) {
    for (long i = 0; i < n; ++i) co_await q.put(i);
}

corio::Task<long long> consumer(corio::Queue<long>& q, long n) {
    long long sum = 0;
    for (long i = 0; i < n; ++i) sum += co_await q.get();
    co_return sum;
}

corio::Task<void> bench(long n) {
    corio::Loop& loop = co_await corio::get_loop();
    int64_t t0 = corio_bench::wall_ns();
    corio::Queue<long> q(loop, kMaxSize);
    auto [done, sum] = co_await corio::gather(loop, producer(q, n), consumer(q, n));
    (void)done;
    int64_t t1 = corio_bench::wall_ns();
    corio_bench::report("queue", n, t1 - t0, sum);
}

}  // namespace

int main(int argc, char** argv) {
    auto opt = corio_bench::parse(argc, argv, 1'000'000, false);
    return corio_bench::run(opt, bench(opt.n));
}
