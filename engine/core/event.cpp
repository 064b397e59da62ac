// event.cpp — Event.set / wait, step for step as CPython 3.11's locks.py.
#include "core/event.hpp"

namespace corio {

Event::Event(Loop& loop, WaitTag tag) : loop_(&loop), id_(loop.next_id()), tag_(tag) {
    if (tag_.id == 0) tag_.id = id_;
}

void Event::set() {
    if (value_) return;
    value_ = true;
    for (std::size_t i = 0; i < waiters_.size(); ++i) {
        if (!waiters_[i]->done()) waiters_[i]->set_result();
    }
}

Wait Event::WaitOp::begin() {
    Event& ev = *event_;
    if (ev.value_) return {};
    fut_ = detail::make_waiter(ev.loop(), ev.tag_);
    ev.waiters_.push_back(fut_);
    return {fut_.get()};
}

Wait Event::WaitOp::finish(std::exception_ptr error) {
    detail::remove_waiter(event_->waiters_, fut_.get());  // finally:
    if (error) std::rethrow_exception(error);
    return {};
}

}  // namespace corio
