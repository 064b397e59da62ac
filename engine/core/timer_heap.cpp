// timer_heap.cpp — heap operations and the lazy removal of cancelled timers.
#include "core/timer_heap.hpp"

#include <algorithm>

namespace corio {

namespace {
// std heap functions build a max-heap; "later" makes the earliest the top.
struct Later {
    bool operator()(const TimerHeap::Entry& a, const TimerHeap::Entry& b) const noexcept {
        if (a.when_ns != b.when_ns) return a.when_ns > b.when_ns;
        return a.seq > b.seq;  // handle ids grow with creation order
    }
};
}  // namespace

TimerHeap::~TimerHeap() {
    for (auto& entry : heap_) entry.timer->release();
}

void TimerHeap::push(HandleRef timer) {
    int64_t when = timer->when_ns();
    uint64_t seq = timer->id();
    heap_.push_back({when, seq, timer.leak()});
    std::push_heap(heap_.begin(), heap_.end(), Later{});
}

HandleRef TimerHeap::pop() {
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    HandleRef top;
    Handle* timer = heap_.back().timer;
    heap_.pop_back();
    timer->in_heap_ = false;
    top = HandleRef(timer);
    timer->release();  // the heap's reference, now held by `top`
    return top;
}

std::size_t TimerHeap::drop_cancelled() {
    std::size_t removed = 0;
    // cancelled / size > 0.5, in integers.
    static_assert(kMinCancelledFraction == 0.5);
    if (heap_.size() > kMinTimersForCompaction && 2 * cancelled_count_ > heap_.size()) {
        std::vector<Entry> kept;
        kept.reserve(heap_.size() - cancelled_count_);
        for (auto& entry : heap_) {
            if (entry.timer->cancelled()) {
                entry.timer->in_heap_ = false;
                entry.timer->release();
                ++removed;
            } else {
                kept.push_back(entry);
            }
        }
        heap_ = std::move(kept);
        std::make_heap(heap_.begin(), heap_.end(), Later{});
        cancelled_count_ = 0;
        return removed;
    }
    while (!heap_.empty() && heap_.front().timer->cancelled()) {
        --cancelled_count_;
        pop();
        ++removed;
    }
    return removed;
}

}  // namespace corio
