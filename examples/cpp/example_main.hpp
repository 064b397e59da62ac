// example_main.hpp — what the C++ twins share: the choice of host from the
// command line (--clock=virtual, the default, or --clock=real) and a copy of
// asyncio.run(main()): run the main task to completion on a fresh loop, then
// cancel the tasks left and let them finish (asyncio's _cancel_all_tasks).
// Header-only so that each twin stays one program in one .cpp.
#pragma once

#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "core/corio.hpp"
#include "core/gather.hpp"
#include "core/native_host.hpp"

namespace corio_example {

// The host named by argv (nullptr and a message on stderr if argv is wrong).
inline std::unique_ptr<corio::Host> host_from_args(int argc, char** argv) {
    bool real = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--clock=real") == 0) {
            real = true;
        } else if (std::strcmp(argv[i], "--clock=virtual") == 0) {
            real = false;
        } else {
            std::fprintf(stderr, "usage: %s [--clock=virtual|--clock=real]\n", argv[0]);
            return nullptr;
        }
    }
    if (real) return std::make_unique<corio::NativeHost>();
    return std::make_unique<corio::VirtualHost>();
}

// time.perf_counter() on the host's clock (virtual: starts at 0).
inline double seconds(const corio::Host& host) {
    return static_cast<double>(host.now_ns()) / 1e9;
}

// asyncio.run(main): throws what main raised.
template <class T>
void run(corio::Host& host, corio::Task<T> main) {
    corio::Loop loop(host);
    auto task = corio::create_task(loop, std::move(main));
    loop.run_until_complete(*task);
    std::vector<corio::Ref<corio::FutureBase>> left;
    for (corio::TaskBase* t : loop.all_tasks()) {
        t->cancel();
        left.emplace_back(t);
    }
    if (!left.empty()) {
        auto all = corio::gather_futures(loop, std::move(left), /*return_exceptions=*/true);
        loop.run_until_complete(*all);
    }
    task->result();
}

// main() of a twin: picks the host, runs body(host), maps errors to exit 1.
template <class Body>
int main_with_host(int argc, char** argv, Body body) {
    auto host = host_from_args(argc, argv);
    if (!host) return 2;
    try {
        body(*host);
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    std::fflush(stdout);
    return 0;
}

}  // namespace corio_example
