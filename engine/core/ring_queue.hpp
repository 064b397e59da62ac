// ring_queue.hpp — a FIFO on a growable power-of-two ring buffer. The ready
// queue of the loop and the waiter queues of the primitives use it: pushing
// and popping never allocate once the ring has grown to its working size.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>

namespace corio {

template <class T>
class RingQueue {
public:
    RingQueue() = default;
    RingQueue(const RingQueue&) = delete;
    RingQueue& operator=(const RingQueue&) = delete;
    RingQueue(RingQueue&& o) noexcept { swap(o); }
    RingQueue& operator=(RingQueue&& o) noexcept { RingQueue(std::move(o)).swap(*this); return *this; }
    ~RingQueue() { clear(); }

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }

    // Makes room for n elements in all (pushing up to that many then
    // cannot fail).
    void reserve(std::size_t n) {
        if (n <= capacity_) return;
        std::size_t cap = capacity_ ? capacity_ : 16;
        while (cap < n) cap *= 2;
        grow_to(cap);
    }

    void push_back(T value) {
        if (size_ == capacity_) grow();
        ::new (static_cast<void*>(slot(head_ + size_))) T(std::move(value));
        ++size_;
    }
    void push_front(T value) {
        if (size_ == capacity_) grow();
        head_ = (head_ + capacity_ - 1) & (capacity_ - 1);
        ::new (static_cast<void*>(slot(head_))) T(std::move(value));
        ++size_;
    }
    T pop_front() {
        T* p = slot(head_);
        T value = std::move(*p);
        p->~T();
        head_ = (head_ + 1) & (capacity_ - 1);
        --size_;
        return value;
    }
    T pop_back() {
        T* p = slot(head_ + size_ - 1);
        T value = std::move(*p);
        p->~T();
        --size_;
        return value;
    }
    T& front() noexcept { return *slot(head_); }
    T& back() noexcept { return *slot(head_ + size_ - 1); }
    T& operator[](std::size_t i) noexcept { return *slot(head_ + i); }
    const T& operator[](std::size_t i) const noexcept { return *slot(head_ + i); }

    // Removes the element at index i, keeping the order of the others; moves
    // the shorter side, so removing near either end is O(1) (waiters are
    // mostly removed from the front, in the order they were woken).
    void erase(std::size_t i) {
        if (i < size_ / 2) {
            for (std::size_t k = i; k > 0; --k) (*this)[k] = std::move((*this)[k - 1]);
            pop_front();
            return;
        }
        for (std::size_t k = i; k + 1 < size_; ++k) (*this)[k] = std::move((*this)[k + 1]);
        pop_back();
    }
    void clear() noexcept {
        while (size_) pop_back();
    }
    void swap(RingQueue& o) noexcept {
        std::swap(buf_, o.buf_);
        std::swap(capacity_, o.capacity_);
        std::swap(head_, o.head_);
        std::swap(size_, o.size_);
    }

private:
    T* slot(std::size_t i) const noexcept { return buf_.get() + (i & (capacity_ - 1)); }

    // Out of line: push_back and push_front stay small enough to inline.
    [[gnu::noinline]] void grow() { grow_to(capacity_ ? capacity_ * 2 : 16); }

    void grow_to(std::size_t cap) {
        Storage fresh(static_cast<T*>(::operator new(cap * sizeof(T))));
        for (std::size_t i = 0; i < size_; ++i) {
            T* p = slot(head_ + i);
            ::new (static_cast<void*>(fresh.get() + i)) T(std::move(*p));
            p->~T();
        }
        buf_ = std::move(fresh);
        capacity_ = cap;
        head_ = 0;
    }

    struct Free {
        void operator()(T* p) const noexcept { ::operator delete(p); }
    };
    using Storage = std::unique_ptr<T, Free>;

    Storage buf_;
    std::size_t capacity_ = 0;
    std::size_t head_ = 0;
    std::size_t size_ = 0;
};

}  // namespace corio
