// asyncq.cpp — C++ twin of asyncq.py (Real Python): producers put items on a
// corio::Queue, consumers take them; main gathers the producers, joins the
// queue, then cancels the consumers. The item counts, delays and items are
// those asyncq.py fixes (the values random.seed(444) gives the original).
// Prints exactly what asyncq.py prints under the virtual clock (asyncq.out).
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/queue.hpp"
#include "example_main.hpp"

namespace {

constexpr int kProducers = 5;
constexpr int kConsumers = 10;

const std::vector<std::vector<std::string>> kItems = {
    {"45dbb7f2b6", "3e1ef5bf0e", "f62b8573e3", "3e8c5bfd43"},
    {},
    {"6776df5ecd", "3115758aaa", "52483c3a3d", "795505fda0"},
    {"88dbbdde01", "6f483eb1bc", "847e2ccb14", "02a0e1679d"},
    {"c667e88327", "f4fcf85560", "86b0b33cb9", "1381e9a14f", "08b0db8672", "99394c95bb",
     "ec15356613", "2a9bc881d1"},
};
const std::vector<std::vector<int>> kProducerDelays = {
    {4, 10, 3, 6}, {}, {7, 10, 10, 10}, {4, 1, 9, 5}, {10, 5, 4, 2, 5, 4, 1, 4},
};
// A consumer cycles through its delays.
const std::vector<std::vector<int>> kConsumerDelays = {
    {7, 5, 1, 1}, {8, 10}, {4, 0, 3}, {7, 2}, {1, 1, 0, 6, 3, 3},
    {6, 10},      {9, 6},  {3, 5, 10}, {9, 0, 4, 0}, {7, 8},
};

// An item and the time it was put on the queue.
using Entry = std::pair<std::string, double>;
using EntryQueue = corio::Queue<Entry>;

corio::Task<std::string> makeitem(int name, std::size_t k) { co_return kItems[name][k]; }

corio::Task<void> randsleep(int i, std::string caller) {
    if (!caller.empty()) std::printf("%s sleeping for %d seconds.\n", caller.c_str(), i);
    co_await corio::sleep(i);
}

corio::Task<void> produce(int name, EntryQueue& q) {
    corio::Loop& loop = co_await corio::get_loop();
    for (std::size_t k = 0; k < kItems[name].size(); ++k) {
        co_await randsleep(kProducerDelays[name][k], "Producer " + std::to_string(name));
        std::string i = co_await makeitem(name, k);
        double t = loop.time();
        co_await q.put({i, t});
        std::printf("Producer %d added <%s> to queue.\n", name, i.c_str());
    }
}

corio::Task<void> consume(int name, EntryQueue& q) {
    corio::Loop& loop = co_await corio::get_loop();
    const std::vector<int>& delays = kConsumerDelays[name];
    for (std::size_t k = 0;; ++k) {
        co_await randsleep(delays[k % delays.size()], "Consumer " + std::to_string(name));
        auto [i, t] = co_await q.get();
        double now = loop.time();
        std::printf("Consumer %d got element <%s> in %0.5f seconds.\n", name, i.c_str(), now - t);
        q.task_done();
    }
}

corio::Task<void> async_main(int nprod, int ncon) {
    corio::Loop& loop = co_await corio::get_loop();
    EntryQueue q(loop);
    std::vector<corio::Ref<corio::FutureBase>> producers;
    std::vector<corio::Ref<corio::ScheduledTask<void>>> consumers;
    for (int n = 0; n < nprod; ++n) producers.emplace_back(corio::create_task(loop, produce(n, q)));
    for (int n = 0; n < ncon; ++n) consumers.push_back(corio::create_task(loop, consume(n, q)));
    co_await *corio::gather_futures(loop, std::move(producers));
    co_await q.join();  // Implicitly awaits consumers, too
    for (auto& c : consumers) c->cancel();
    // In Python the consumers' frames keep the queue alive until asyncio.run
    // has finished cancelling them; here the queue lives in this frame, so
    // wait for them to end before it goes (nothing is printed meanwhile).
    for (auto& c : consumers) co_await corio::settled(*c);
}

}  // namespace

int main(int argc, char** argv) {
    return corio_example::main_with_host(argc, argv, [](corio::Host& host) {
        double start = corio_example::seconds(host);
        corio_example::run(host, async_main(kProducers, kConsumers));
        double elapsed = corio_example::seconds(host) - start;
        std::printf("Program completed in %0.5f seconds.\n", elapsed);
    });
}
