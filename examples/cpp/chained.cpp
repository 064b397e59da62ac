// chained.cpp — C++ twin of chained.py (Real Python): each chain awaits
// part1 then part2 inline, and the chains run concurrently under gather. The
// delays are those chained.py fixes (the values random.seed(444) gives the
// original). Prints exactly what chained.py prints under the virtual clock
// (chained.out).
#include <cstdio>
#include <string>
#include <vector>

#include "example_main.hpp"

namespace {

// Delays of part1 and part2 for chains 1, 2 and 3 (index 0 unused).
constexpr int kPart1Delay[] = {0, 4, 4, 0};
constexpr int kPart2Delay[] = {0, 7, 4, 4};

corio::Task<std::string> part1(int n) {
    int i = kPart1Delay[n];
    std::printf("part1(%d) sleeping for %d seconds.\n", n, i);
    co_await corio::sleep(i);
    std::string result = "result" + std::to_string(n) + "-1";
    std::printf("Returning part1(%d) == %s.\n", n, result.c_str());
    co_return result;
}

corio::Task<std::string> part2(int n, std::string arg) {
    int i = kPart2Delay[n];
    std::printf("part2(%d, '%s') sleeping for %d seconds.\n", n, arg.c_str(), i);
    co_await corio::sleep(i);
    std::string result = "result" + std::to_string(n) + "-2 derived from " + arg;
    std::printf("Returning part2(%d, '%s') == %s.\n", n, arg.c_str(), result.c_str());
    co_return result;
}

corio::Task<void> chain(int n) {
    corio::Loop& loop = co_await corio::get_loop();
    double start = loop.time();
    std::string p1 = co_await part1(n);
    std::string p2 = co_await part2(n, p1);
    double end = loop.time() - start;
    std::printf("-->Chained result%d => %s (took %0.2f seconds).\n", n, p2.c_str(), end);
}

corio::Task<void> async_main(std::vector<int> args) {
    corio::Loop& loop = co_await corio::get_loop();
    std::vector<corio::Task<void>> chains;
    for (int n : args) chains.push_back(chain(n));
    co_await corio::gather_all(loop, std::move(chains));
}

}  // namespace

int main(int argc, char** argv) {
    return corio_example::main_with_host(argc, argv, [](corio::Host& host) {
        double start = corio_example::seconds(host);
        corio_example::run(host, async_main({1, 2, 3}));
        double end = corio_example::seconds(host) - start;
        std::printf("Program finished in %0.2f seconds.\n", end);
    });
}
