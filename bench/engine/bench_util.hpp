// bench_util.hpp — what the engine benchmarks share: the command line
// (`PROG [N] [--host=native|virtual]`), the wall clock, running a main task
// on a fresh loop, and the one result line the runner (run.py) parses:
//   NAME ops=<operations> ns=<wall-clock nanoseconds> check=<checksum>
// The .py twin of each benchmark prints the same line.
// CORIO_BENCH_NO_NATIVE (the WebAssembly build) leaves the native host out.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

#include "core/corio.hpp"
#include "core/gather.hpp"
#ifndef CORIO_BENCH_NO_NATIVE
#include "core/native_host.hpp"
#endif

namespace corio_bench {

struct Options {
    long n;
    bool virtual_host;
};

// Parses `[N] [--host=native|virtual]`; exits with a message if wrong.
inline Options parse(int argc, char** argv, long default_n, bool default_virtual) {
    Options opt{default_n, default_virtual};
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--host=native") == 0) {
            opt.virtual_host = false;
        } else if (std::strcmp(argv[i], "--host=virtual") == 0) {
            opt.virtual_host = true;
        } else if (char* end = nullptr; (opt.n = std::strtol(argv[i], &end, 10)) <= 0 || *end) {
            std::fprintf(stderr, "usage: %s [N] [--host=native|virtual]\n", argv[0]);
            std::exit(2);
        }
    }
#ifdef CORIO_BENCH_NO_NATIVE
    opt.virtual_host = true;
#endif
    return opt;
}

inline std::unique_ptr<corio::Host> make_host(const Options& opt) {
#ifndef CORIO_BENCH_NO_NATIVE
    if (!opt.virtual_host) return std::make_unique<corio::NativeHost>();
#endif
    return std::make_unique<corio::VirtualHost>();
}

// Wall-clock nanoseconds (never the loop's clock, which may be virtual).
inline int64_t wall_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline void report(const char* name, long long ops, int64_t ns, long long check) {
    std::printf("%s ops=%lld ns=%lld check=%lld\n", name, ops, static_cast<long long>(ns), check);
}

// asyncio.run(main) for a main that leaves no task behind.
inline int run(const Options& opt, corio::Task<void> main) {
    auto host = make_host(opt);
    corio::Loop loop(*host);
    auto task = corio::create_task(loop, std::move(main));
    loop.run_until_complete(*task);
    task->result();
    return 0;
}

}  // namespace corio_bench
