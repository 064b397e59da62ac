// sync_support.hpp — helpers shared by the tests of the synchronization
// primitives and queues: run a reference program's C++ twin on a fresh loop
// and virtual clock, and print values the way Python's print() does.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/corio.hpp"

namespace corio::test {

// Python's str(bool).
inline std::string py(bool value) { return value ? "True" : "False"; }

// Python's repr of a list of str.
inline std::string py_list(const std::vector<std::string>& items) {
    std::string s = "[";
    for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", '" : "'") + items[i] + "'";
    return s + "]";
}

// f"[{loop.time():4.1f}]"
inline std::string stamp(const Loop& loop) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "[%4.1f]", loop.time());
    return buf;
}

// A list of tasks. (g++ 12 cannot keep a braced list alive across a
// co_await: "array used as initializer".)
template <class... Ts>
std::vector<Ref<ScheduledTask<void>>> tasks(const Ts&... ts) {
    std::vector<Ref<ScheduledTask<void>>> list;
    (list.push_back(ts), ...);
    return list;
}

// Awaits one task; a cancelled one is reported, not raised.
inline Task<void> finish_one(std::string& out, const Ref<ScheduledTask<void>>& task) {
    try {
        co_await task;
    } catch (const CancelledError&) {
        out += "main: a task was cancelled\n";
    }
}

// Awaits each task in turn, as the programs' `finish(tasks)`. (The
// try/catch is in finish_one: clang 14 at -O2 for WebAssembly miscompiles a
// typed catch around a co_await inside a loop, letting the exception
// escape the coroutine.)
inline Task<void> finish(std::string& out, std::vector<Ref<ScheduledTask<void>>> tasks) {
    for (auto& task : tasks) co_await finish_one(out, task);
}

// What a program printed, and whether it left futures, tasks or loop
// errors behind.
struct ProgramRun {
    std::string out;
    int64_t leaked_futures = 0;
    int64_t leaked_tasks = 0;
    std::size_t loop_errors = 0;
};

// Runs main(out) as the main task of a fresh loop (asyncio.run), until done.
template <class Main>
ProgramRun run_program(Main main) {
    ProgramRun run;
    int64_t futures_before = FutureBase::live_count();
    int64_t tasks_before = TaskBase::live_count();
    {
        VirtualHost host;
        Loop loop(host);
        auto task = create_task(loop, main(run.out));
        // A failure shows as the last line of the output, so that the test
        // shows how far the program got.
        try {
            loop.run_until_complete(*task);
            task->result();
        } catch (const std::exception& e) {
            run.out += std::string("!! ") + e.what() + "\n";
        }
        run.loop_errors = loop.errors().size();
        for (const ErrorContext& error : loop.errors())
            run.out += "!! loop error: " + error.message + " " + describe(error.exception) + "\n";
    }
    run.leaked_futures = FutureBase::live_count() - futures_before;
    run.leaked_tasks = TaskBase::live_count() - tasks_before;
    return run;
}

}  // namespace corio::test
