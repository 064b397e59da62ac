// slice.hpp — slice objects and the index arithmetic every sequence shares
// (CPython's PySlice_Unpack / PySlice_AdjustIndices).
#pragma once

#include <cstdint>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Slice : public Object {
public:
    Slice(Type* type, Value b, Value e, Value s) noexcept : Object(type), start(b), stop(e), step(s) {}
    void trace(Tracer& tracer) override;
    Value start, stop, step;  // None when omitted (never null)
};

Slice* make_slice(Interp& interp, Value start, Value stop, Value step);

// A slice resolved against a sequence length.
struct SliceBounds {
    int64_t start, stop, step, length;
};
SliceBounds slice_indices(Interp& interp, Slice* slice, int64_t length);
// seq[i]: a negative index counts from the end; false if out of range.
inline bool normalize_index(int64_t& i, int64_t length) noexcept {
    if (i < 0) i += length;
    return i >= 0 && i < length;
}

void init_slice_type(Interp& interp);

}  // namespace corio::py
