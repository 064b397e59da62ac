// range.hpp — range objects (int64 bounds; CPython's messages) and their
// iterator, which the VM may fast-path in FOR_ITER.
#pragma once

#include <cstdint>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Range : public Object {
public:
    Range(Type* type, int64_t b, int64_t e, int64_t s, int64_t n) noexcept
        : Object(type), start(b), stop(e), step(s), length(n) {}
    int64_t start, stop, step, length;
};

class RangeIterator : public Object {
public:
    RangeIterator(Type* type, int64_t n, int64_t s, int64_t count) noexcept
        : Object(type), next(n), step(s), remaining(count) {}
    int64_t next, step, remaining;
};

Range* make_range(Interp& interp, int64_t start, int64_t stop, int64_t step);

void init_range_type(Interp& interp);

}  // namespace corio::py
