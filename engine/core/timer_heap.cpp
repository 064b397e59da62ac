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

void TimerHeap::push(HandleRef timer) {
    int64_t when = timer->when_ns();
    uint64_t seq = timer->id();
    heap_.push_back({when, seq, std::move(timer)});
    std::push_heap(heap_.begin(), heap_.end(), Later{});
}

HandleRef TimerHeap::pop() {
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    HandleRef top = std::move(heap_.back().timer);
    heap_.pop_back();
    top->in_heap_ = false;
    return top;
}

std::size_t TimerHeap::drop_cancelled() {
    std::size_t removed = 0;
    if (heap_.size() > kMinTimersForCompaction &&
        static_cast<double>(cancelled_count_) / static_cast<double>(heap_.size()) >
            kMinCancelledFraction) {
        std::vector<Entry> kept;
        kept.reserve(heap_.size() - cancelled_count_);
        for (auto& entry : heap_) {
            if (entry.timer->cancelled()) {
                entry.timer->in_heap_ = false;
                ++removed;
            } else {
                kept.push_back(std::move(entry));
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
