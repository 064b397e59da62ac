// queue.cpp — the item-independent part of queues.py: _wakeup_next,
// task_done and join.
#include "core/queue.hpp"

namespace corio {

QueueBase::QueueBase(Loop& loop, int64_t maxsize)
    : loop_(&loop), id_(loop.next_id()), maxsize_(maxsize), finished_(loop, {trace::WaitKind::Queue, id_}) {
    finished_.set();
}

void QueueBase::wakeup_first_pending(Waiters& waiters) {
    while (!waiters.empty()) {
        Ref<Future<void>> waiter = waiters.pop_front();
        if (!waiter->done()) {
            waiter->set_result();
            break;
        }
    }
}

void QueueBase::task_done() {
    if (unfinished_tasks_ <= 0) throw ValueError("task_done() called too many times");
    if (--unfinished_tasks_ == 0) finished_.set();
}

Wait QueueBase::JoinOp::begin() {
    if (queue_->unfinished_tasks_ <= 0) return {};
    wait_.emplace(queue_->finished_);
    return wait_->begin();
}

}  // namespace corio
