// small_vector.hpp — a vector of trivially copyable elements that keeps its
// first N inline. A task's coroutine stack and a future's done callbacks are
// almost always one or two entries deep: no allocation for those.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <type_traits>

namespace corio {

template <class T, std::size_t N>
class SmallVector {
    static_assert(std::is_trivially_copyable_v<T>, "SmallVector moves elements with memcpy");

public:
    SmallVector() noexcept = default;
    SmallVector(const SmallVector&) = delete;
    SmallVector& operator=(const SmallVector&) = delete;

    std::size_t size() const noexcept { return size_; }
    static_assert(N < (uint64_t{1} << 31), "inline capacity fits 32 bits");
    bool empty() const noexcept { return size_ == 0; }
    T* begin() noexcept { return data(); }
    T* end() noexcept { return data() + size_; }
    T& back() noexcept { return data()[size_ - 1]; }
    const T& back() const noexcept { return data()[size_ - 1]; }
    T& operator[](std::size_t i) noexcept { return data()[i]; }

    void push_back(const T& value) {
        if (size_ == capacity_) grow();
        data()[size_++] = value;
    }
    void pop_back() noexcept { --size_; }
    void clear() noexcept { size_ = 0; }
    // Removes element i, keeping the order of the rest.
    void erase(std::size_t i) noexcept {
        std::memmove(data() + i, data() + i + 1, (size_ - i - 1) * sizeof(T));
        --size_;
    }

private:
    T* data() noexcept { return heap_ ? heap_.get() : inline_; }
    const T* data() const noexcept { return heap_ ? heap_.get() : inline_; }

    void grow() {
        uint32_t cap = capacity_ * 2;
        std::unique_ptr<T[]> fresh(new T[cap]);
        std::memcpy(fresh.get(), data(), size_ * sizeof(T));
        heap_ = std::move(fresh);
        capacity_ = cap;
    }

    T inline_[N]{};
    std::unique_ptr<T[]> heap_;
    uint32_t size_ = 0;
    uint32_t capacity_ = N;
};

}  // namespace corio
