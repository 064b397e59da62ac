// as_completed.cpp — the callbacks and the queue behind as_completed.
#include "core/as_completed.hpp"

#include <algorithm>

namespace corio {

AsCompleted::AsCompleted(Loop& loop, std::vector<Ref<FutureBase>> fs, double timeout_s)
    : done_(loop) {
    for (auto& f : fs)
        if (std::find(todo_.begin(), todo_.end(), f) == todo_.end()) todo_.push_back(f);
    count_ = todo_.size();
    for (auto& f : todo_)
        f->add_done_callback([this](FutureBase& done) { on_completion(done); }, this);
    if (!todo_.empty() && timeout_s >= 0)
        timeout_handle_ = loop.call_later(timeout_s, [this] { on_timeout(); });
}

AsCompleted::~AsCompleted() {
    if (timeout_handle_) timeout_handle_->cancel();
    for (auto& f : todo_) f->remove_done_callback(this);
}

void AsCompleted::on_timeout() {
    for (auto& f : todo_) {
        f->remove_done_callback(this);
        done_.put_nowait(nullptr);  // a dummy value for _wait_for_one()
    }
    todo_.clear();
}

void AsCompleted::on_completion(FutureBase& f) {
    if (todo_.empty()) return;  // on_timeout() was here first
    std::erase_if(todo_, [&](const Ref<FutureBase>& t) { return t.get() == &f; });
    done_.put_nowait(Ref<FutureBase>(&f));
    if (todo_.empty() && timeout_handle_) timeout_handle_->cancel();
}

Task<Ref<FutureBase>> AsCompleted::next() {
    Ref<FutureBase> f = co_await done_.get();
    if (!f) throw TimeoutError();
    co_return f;
}

}  // namespace corio
