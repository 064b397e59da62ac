// timer_heap.hpp — the loop's timers: a min-heap ordered by
// (deadline, creation sequence), so equal deadlines fire in creation order
// (4-ary rather than binary: see timer_heap.cpp).
// Cancelled timers stay in the heap until they reach the top or until
// CPython's compaction rule rebuilds the heap without them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/handle.hpp"
#include "core/ring_queue.hpp"

namespace corio {

class TimerHeap {
public:
    // asyncio's _MIN_SCHEDULED_TIMER_HANDLES and
    // _MIN_CANCELLED_TIMER_HANDLES_FRACTION (base_events.py).
    static constexpr std::size_t kMinTimersForCompaction = 100;
    static constexpr double kMinCancelledFraction = 0.5;

    // A timer with its ordering key copied out, so that sifting compares
    // plain integers instead of chasing handle pointers.
    // The heap holds one reference to each timer (a raw pointer keeps the
    // entry trivially copyable, so sifting is plain word moves).
    struct Entry {
        int64_t when_ns;
        uint64_t seq;
        Handle* timer;
    };

    TimerHeap() = default;
    TimerHeap(const TimerHeap&) = delete;
    TimerHeap& operator=(const TimerHeap&) = delete;
    ~TimerHeap();

    void push(HandleRef timer, int64_t when_ns);
    HandleRef pop();
    // Moves every timer due at `now_ns` (deadline <= now) to the back of
    // `ready`, in (deadline, creation) order, as that many pop()s would;
    // returns how many.
    std::size_t pop_due(int64_t now_ns, RingQueue<HandleRef>& ready);
    Handle& top() const noexcept { return *heap_.front().timer; }
    int64_t top_when_ns() const noexcept { return heap_.front().when_ns; }
    bool empty() const noexcept { return heap_.empty(); }
    std::size_t size() const noexcept { return heap_.size(); }
    std::size_t cancelled_count() const noexcept { return cancelled_count_; }
    // Called by Handle::cancel for a timer still in the heap.
    void note_cancelled() noexcept { ++cancelled_count_; }

    // The first step of an iteration: either rebuild the heap without the
    // cancelled timers (when they are many), or pop those at the top.
    // Returns the number of timers removed.
    std::size_t drop_cancelled();

    // The timers in heap order (for introspection and the loop view).
    const std::vector<Entry>& entries() const noexcept { return heap_; }

private:
    std::vector<Entry> heap_;
    std::size_t cancelled_count_ = 0;
};

}  // namespace corio
