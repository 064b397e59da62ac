// abc_gather.cpp — C++ twin of abc_gather.py: three "downloads" a, b, c run
// concurrently with gather; the results come back in argument order although
// they finish in another. Prints exactly what abc_gather.py prints under the
// virtual clock (abc_gather.out).
#include <cstdio>
#include <string>
#include <vector>

#include "example_main.hpp"

namespace {

corio::Task<std::string> fetch(std::string name, int delay) {
    std::printf("%s: start (will take %ds)\n", name.c_str(), delay);
    co_await corio::sleep(delay);
    std::printf("%s: done\n", name.c_str());
    co_return name + "-result";
}

// Python's repr of a list of plain strings: ['a', 'b'].
std::string repr(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += "'" + items[i] + "'";
    }
    return out + "]";
}

corio::Task<void> async_main() {
    corio::Loop& loop = co_await corio::get_loop();
    double start = loop.time();
    std::vector<corio::Task<std::string>> fetches;
    fetches.push_back(fetch("a", 3));
    fetches.push_back(fetch("b", 1));
    fetches.push_back(fetch("c", 2));
    std::vector<std::string> results = co_await corio::gather_all(loop, std::move(fetches));
    std::printf("results: %s\n", repr(results).c_str());
    const char* names = "abc";
    for (std::size_t i = 0; i < results.size(); ++i)
        std::printf("%c -> %s\n", names[i], results[i].c_str());
    std::printf("elapsed: %.1fs\n", loop.time() - start);
}

}  // namespace

int main(int argc, char** argv) {
    return corio_example::main_with_host(
        argc, argv, [](corio::Host& host) { corio_example::run(host, async_main()); });
}
