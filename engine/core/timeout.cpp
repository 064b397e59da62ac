// timeout.cpp — the Timeout state machine of CPython's timeouts.py.
#include "core/timeout.hpp"

namespace corio {

Timeout::~Timeout() {
    if (handler_) handler_->cancel();
}

const char* Timeout::state_name() const noexcept {
    switch (state_) {
        case State::Created: return "created";
        case State::Entered: return "active";
        case State::Expiring: return "expiring";
        case State::Expired: return "expired";
        case State::Exited: return "finished";
    }
    return "?";
}

void Timeout::enter(TaskBase& task) {
    if (state_ != State::Created) throw RuntimeError("Timeout has already been entered");
    state_ = State::Entered;
    task_ = Ref<TaskBase>(&task);
    cancelling_ = task.cancelling();
    reschedule(when_);
}

void Timeout::reschedule(std::optional<double> when) {
    if (state_ != State::Entered) {
        if (state_ == State::Created) throw RuntimeError("Timeout has not been entered");
        throw RuntimeError(std::string("Cannot change state of ") + state_name() + " Timeout");
    }
    when_ = when;
    if (handler_) handler_->cancel();
    handler_.reset();
    if (!when) return;
    Loop& loop = task_->loop();
    if (*when <= loop.time()) handler_ = loop.call_soon([this] { on_timeout(); });
    else handler_ = loop.call_at(*when, [this] { on_timeout(); });
}

bool Timeout::exit(bool leaving_with_cancelled_error) {
    if (handler_) {
        handler_->cancel();
        handler_.reset();
    }
    bool to_timeout = false;
    if (state_ == State::Expiring) {
        state_ = State::Expired;
        to_timeout = task_->uncancel() <= cancelling_ && leaving_with_cancelled_error;
    } else if (state_ == State::Entered) {
        state_ = State::Exited;
    }
    task_.reset();
    return to_timeout;
}

void Timeout::on_timeout() {
    task_->cancel();
    state_ = State::Expiring;
    handler_.reset();
}

}  // namespace corio
