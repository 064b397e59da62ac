// heap.cpp — mark and sweep.
#include "py/heap.hpp"

namespace corio::py {

void Object::trace(Tracer&) {}

void Tracer::visit(Object* o) {
    if (!o || o->gc_marked_) return;
    o->gc_marked_ = true;
    heap_->mark_stack_.push_back(o);
    if (heap_->mark_stack_.size() >= Heap::kMarkStackLimit) [[unlikely]] heap_->drain_mark_stack();
}

void Heap::drain_mark_stack() {
    Tracer tracer(*this);
    while (!mark_stack_.empty()) {
        Object* o = mark_stack_.back();
        mark_stack_.pop_back();
        o->trace(tracer);
    }
}

ExternalRoot::ExternalRoot(Heap& heap) noexcept : heap_(&heap) {
    next_ = heap.roots_;
    if (next_) next_->prev_ = this;
    heap.roots_ = this;
}

ExternalRoot::~ExternalRoot() {
    if (prev_) prev_->next_ = next_;
    else heap_->roots_ = next_;
    if (next_) next_->prev_ = prev_;
}

SweepObserver::SweepObserver(Heap& heap) noexcept : heap_(&heap) {
    next_ = heap.observers_;
    if (next_) next_->prev_ = this;
    heap.observers_ = this;
}

SweepObserver::~SweepObserver() {
    if (prev_) prev_->next_ = next_;
    else heap_->observers_ = next_;
    if (next_) next_->prev_ = prev_;
}

Heap::~Heap() {
    for (ExternalRoot* r = roots_; r;) {
        ExternalRoot* next = r->next_;  // (a root may unregister itself)
        r->before_teardown();
        r = next;
    }
    while (all_) {
        Object* next = all_->gc_next_;
        destroy(all_);
        all_ = next;
    }
}

void* Heap::allocate(std::size_t size) {
    if (live_bytes_ + since_last_ + size > limit_) throw HeapExhausted{size};
    return pool::allocate(size);
}

void Heap::release(void* mem, std::size_t size) noexcept { pool::deallocate(mem, size); }

void Heap::adopt(Object* obj, std::size_t size) noexcept {
    obj->gc_size_ = static_cast<uint32_t>(size);
    obj->gc_next_ = all_;
    all_ = obj;
    since_last_ += size;
    ++objects_;
}

void Heap::destroy(Object* obj) noexcept {
    std::size_t size = obj->gc_size_;
    obj->~Object();
    release(obj, size);
    --objects_;
}

void Heap::note_external_bytes(std::ptrdiff_t delta) {
    if (delta > 0) {
        auto grow = static_cast<std::size_t>(delta);
        if (live_bytes_ + since_last_ + grow > limit_) throw HeapExhausted{grow};
        since_last_ += grow;
    } else {
        auto shrink = static_cast<std::size_t>(-delta);
        if (since_last_ >= shrink) since_last_ -= shrink;
        else live_bytes_ -= std::min(live_bytes_, shrink - since_last_), since_last_ = 0;
    }
}

std::size_t Heap::collect(const std::function<void(Tracer&)>& trace_roots) {
    Tracer tracer(*this);
    for (Object* o = all_; o; o = o->gc_next_)
        if (o->gc_permanent_) tracer.visit(o);
    trace_roots(tracer);
    for (ExternalRoot* r = roots_; r; r = r->next_) r->trace(tracer);
    drain_mark_stack();
    for (SweepObserver* s = observers_; s; s = s->next_) s->before_sweep();
    // Sweep: unlink and destroy the unmarked, clear the marks of the rest.
    std::size_t freed = 0;
    std::size_t live = 0;
    Object** link = &all_;
    while (Object* o = *link) {
        if (o->gc_marked_) {
            o->gc_marked_ = false;
            live += o->gc_size_;
            link = &o->gc_next_;
        } else {
            *link = o->gc_next_;
            destroy(o);
            ++freed;
        }
    }
    live_bytes_ = live;
    since_last_ = 0;
    threshold_ = live > kMinThresholdBytes ? live : kMinThresholdBytes;
    ++collections_;
    for (SweepObserver* s = observers_; s; s = s->next_) s->after_collection();
    return freed;
}

}  // namespace corio::py
