// countasync.cpp — C++ twin of countasync.py (Real Python's "Async IO in
// Python"): three coroutines gathered, each printing, sleeping one second and
// printing again. Prints exactly what countasync.py prints under the virtual
// clock (countasync.out).
#include <cstdio>

#include "example_main.hpp"

namespace {

corio::Task<void> count() {
    std::printf("One\n");
    co_await corio::sleep(1);
    std::printf("Two\n");
}

corio::Task<void> async_main() {
    corio::Loop& loop = co_await corio::get_loop();
    co_await corio::gather(loop, count(), count(), count());
}

}  // namespace

int main(int argc, char** argv) {
    return corio_example::main_with_host(argc, argv, [](corio::Host& host) {
        double s = corio_example::seconds(host);
        corio_example::run(host, async_main());
        double elapsed = corio_example::seconds(host) - s;
        std::printf("countasync.py executed in %0.2f seconds.\n", elapsed);
    });
}
