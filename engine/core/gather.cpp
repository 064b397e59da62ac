// gather.cpp — _GatheringFuture and gather's _done_callback.
#include "core/gather.hpp"

#include <algorithm>
#include <memory>
#include <vector>

namespace corio {

namespace {
// Open-addressing set of pointers: finds duplicate children (among those
// already done) in linear time without a node allocation per child.
class PointerSet {
public:
    explicit PointerSet(std::size_t n) {
        std::size_t cap = 16;
        while (cap < 2 * n) cap *= 2;
        slots_.assign(cap, nullptr);
    }
    // False if p was there already.
    bool insert(const void* p) {
        std::size_t mask = slots_.size() - 1;
        std::size_t i = (reinterpret_cast<std::uintptr_t>(p) >> 4) * 0x9E3779B97F4A7C15ull & mask;
        while (slots_[i]) {
            if (slots_[i] == p) return false;
            i = (i + 1) & mask;
        }
        slots_[i] = p;
        return true;
    }

private:
    std::vector<const void*> slots_;
};
}  // namespace

GatheringFuture::GatheringFuture(Loop& loop, std::vector<Ref<FutureBase>> children,
                                 bool return_exceptions)
    : FutureBase(loop, trace::WaitKind::Gather),
      children_(std::move(children)),
      return_exceptions_(return_exceptions) {
    // Duplicates are found without a set of all children (a hash set of
    // 100,000 children is megabytes probed at random): a pending child seen
    // before has this gather's callback last. The key marks it: `this` plus
    // one, an address no other caller passes as a key, and never stale,
    // since the callback keeps this future alive. Children already done get
    // their callback scheduled at once, so those go through a set, which
    // most gathers never need.
    const void* key = reinterpret_cast<const char*>(this) + 1;
    std::unique_ptr<PointerSet> done_seen;
    for (std::size_t i = 0; i < children_.size(); ++i) {
        FutureBase& child = *children_[i];
        if (child.done()) {
            if (!done_seen) done_seen = std::make_unique<PointerSet>(children_.size());
            if (!done_seen->insert(&child)) continue;  // a duplicate
        } else if (child.last_callback_has_key(key)) {
            continue;  // a duplicate
        }
        ++unique_children_;
        Ref<GatheringFuture> self(this);
        child.add_done_callback([self](FutureBase& c) { self->on_child_done(c); }, key);
    }
    if (children_.empty()) finish_with_result();
}

Ref<GatheringFuture> gather_futures(Loop& loop, std::vector<Ref<FutureBase>> children,
                                    bool return_exceptions) {
    return Ref<GatheringFuture>(new GatheringFuture(loop, std::move(children), return_exceptions));
}

bool GatheringFuture::cancel(std::optional<std::string> message) {
    if (done()) return false;
    bool any = false;
    for (auto& child : children_)
        if (child->cancel(message)) any = true;
    // If any child was actually cancelled, the cancellation propagates
    // whatever return_exceptions says (bpo-32684).
    if (any) cancel_requested_ = true;
    return any;
}

std::exception_ptr GatheringFuture::child_error(std::size_t i) const {
    FutureBase& child = *children_[i];
    if (child.cancelled())
        return std::make_exception_ptr(CancelledError(child.cancel_message().value_or("")));
    return child.exception();
}

void GatheringFuture::on_child_done(FutureBase& child) {
    ++finished_;
    if (done()) {
        if (!child.cancelled()) child.mark_retrieved();
        return;
    }
    if (!return_exceptions_) {
        if (child.cancelled()) {
            set_exception(child.make_cancelled_error());
            return;
        }
        if (auto error = child.exception()) {
            set_exception(error);
            return;
        }
    }
    if (finished_ == unique_children_) {
        for (auto& c : children_)
            if (!c->cancelled()) c->mark_retrieved();
        if (cancel_requested_) set_exception(child.make_cancelled_error());
        else finish_with_result();
    }
}

}  // namespace corio
