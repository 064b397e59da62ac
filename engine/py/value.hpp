// value.hpp — a Python value in one 64-bit word, on every target.
//
// The interpreter's hot paths are integer arithmetic and comparisons, so
// small ints are immediates: bit 0 set, the value in the upper 63 bits
// (|v| < 2**62). Every other value is a pointer to a heap Object (bit 0
// clear; objects are at least 8-byte aligned), including None, True and
// False, which are permanent objects. Ints that do not fit are Int objects
// holding a BigInt. Values are plain words: copying one costs nothing and
// does not keep anything alive; liveness is the garbage collector's business
// (heap.hpp), which finds values through roots and traced objects.
#pragma once

#include <cstdint>

namespace corio::py {

class Object;

class Value {
public:
    static constexpr int64_t kMaxSmallInt = (int64_t{1} << 61) - 1;
    static constexpr int64_t kMinSmallInt = -(int64_t{1} << 61);

    constexpr Value() noexcept = default;  // the null value: "no value"
    Value(Object* object) noexcept  // NOLINT: implicit, objects are values
        : bits_(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(object))) {}

    static constexpr bool fits_small_int(int64_t v) noexcept {
        return v >= kMinSmallInt && v <= kMaxSmallInt;
    }
    // Precondition: fits_small_int(v).
    static constexpr Value small_int(int64_t v) noexcept {
        Value r;
        r.bits_ = (static_cast<uint64_t>(v) << 1) | 1u;
        return r;
    }

    constexpr bool is_null() const noexcept { return bits_ == 0; }
    constexpr explicit operator bool() const noexcept { return bits_ != 0; }
    constexpr bool is_small_int() const noexcept { return (bits_ & 1u) != 0; }
    constexpr bool is_object() const noexcept { return bits_ != 0 && (bits_ & 1u) == 0; }

    constexpr int64_t as_small_int() const noexcept { return static_cast<int64_t>(bits_) >> 1; }
    Object* as_object() const noexcept {
        return reinterpret_cast<Object*>(static_cast<uintptr_t>(bits_));
    }
    constexpr uint64_t bits() const noexcept { return bits_; }

    // Identity (Python's `is`).
    friend constexpr bool operator==(Value a, Value b) noexcept { return a.bits_ == b.bits_; }

private:
    uint64_t bits_ = 0;
};

}  // namespace corio::py
