// as_completed.hpp — asyncio.as_completed (tasks.py): one awaitable per
// future, each giving the next future to complete, in completion order; if
// the timeout passes first, the awaitables still pending raise TimeoutError.
// Completions go through an asyncio Queue, exactly as CPython's do.
#pragma once

#include <vector>

#include "core/queue.hpp"
#include "core/task.hpp"

namespace corio {

class AsCompleted {
public:
    // Duplicates in fs count once (asyncio builds a set). A negative timeout
    // means none.
    AsCompleted(Loop& loop, std::vector<Ref<FutureBase>> fs, double timeout_s = -1);
    AsCompleted(const AsCompleted&) = delete;
    AsCompleted& operator=(const AsCompleted&) = delete;
    ~AsCompleted();

    // How many awaitables as_completed yields (the number of futures).
    std::size_t size() const noexcept { return count_; }
    // asyncio's _wait_for_one(), without the final f.result(): the next
    // future to complete (done), or TimeoutError.
    Task<Ref<FutureBase>> next();

private:
    void on_completion(FutureBase& f);
    void on_timeout();

    std::vector<Ref<FutureBase>> todo_;  // creation order (DESIGN.md rule 6)
    Queue<Ref<FutureBase>> done_;        // a null entry: the timeout passed
    HandleRef timeout_handle_;
    std::size_t count_;
};

}  // namespace corio
