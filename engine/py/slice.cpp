// slice.cpp — slice objects and CPython's slice index arithmetic
// (PySlice_Unpack + PySlice_AdjustIndices), clamping big bounds.
#include "py/slice.hpp"

#include <string>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

void Slice::trace(Tracer& tracer) {
    tracer.visit(start);
    tracer.visit(stop);
    tracer.visit(step);
}

Slice* make_slice(Interp& interp, Value start, Value stop, Value step) {
    return interp.heap.make<Slice>(interp.types.slice, start ? start : interp.none, stop ? stop : interp.none,
                                   step ? step : interp.none);
}

namespace {
constexpr int64_t kMaxIndex = INT64_MAX;

int64_t clamp_index(Interp& interp, Value v) {
    if (v.is_small_int()) return v.as_small_int();
    if (!is_int(interp, v) && !interp.type_of(v)->slots.index)
        raise_type_error(interp, "slice indices must be integers or None or have an __index__ method");
    Value i = index(interp, v);
    int64_t out;
    if (int_to_i64(interp, i, out)) return out;
    return int_compare(interp, i, Value::small_int(0)) < 0 ? -kMaxIndex : kMaxIndex;
}
}  // namespace

SliceBounds slice_indices(Interp& interp, Slice* s, int64_t length) {
    int64_t step = s->step == interp.none ? 1 : clamp_index(interp, s->step);
    if (step == 0) raise_value_error(interp, "slice step cannot be zero");
    if (step < -kMaxIndex) step = -kMaxIndex;
    int64_t start = s->start == interp.none ? (step < 0 ? kMaxIndex : 0) : clamp_index(interp, s->start);
    int64_t stop = s->stop == interp.none ? (step < 0 ? -kMaxIndex : kMaxIndex) : clamp_index(interp, s->stop);
    if (start < 0) {
        start += length;
        if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= length) {
        start = step < 0 ? length - 1 : length;
    }
    if (stop < 0) {
        stop += length;
        if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= length) {
        stop = step < 0 ? length - 1 : length;
    }
    int64_t n = 0;
    if (step < 0) {
        if (stop < start) n = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        n = (stop - start - 1) / step + 1;
    }
    return {start, stop, step, n};
}

namespace {

Slice* self_slice(Value v) { return static_cast<Slice*>(v.as_object()); }

Value slice_new(Interp& interp, Type*, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "slice() takes no keyword arguments");
    if (nargs == 0) raise_type_error(interp, "slice expected at least 1 argument, got 0");
    if (nargs > 3) raise_type_error(interp, std::string("slice expected at most 3 arguments, got ") + std::to_string(nargs));
    if (nargs == 1) return make_slice(interp, interp.none, args[0], interp.none);
    return make_slice(interp, args[0], args[1], nargs == 3 ? args[2] : interp.none);
}

Value slice_repr(Interp& interp, Value self) {
    Slice* s = self_slice(self);
    return make_str(interp, std::string("slice(") + repr_utf8(interp, s->start) + ", " + repr_utf8(interp, s->stop) + ", " +
                                repr_utf8(interp, s->step) + ")");
}

Value slice_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (interp.type_of(b) != interp.types.slice) return interp.not_implemented;
    Slice* x = self_slice(a);
    Slice* y = self_slice(b);
    return compare(interp, make_tuple(interp, {x->start, x->stop, x->step}), make_tuple(interp, {y->start, y->stop, y->step}), op);
}

Value slice_indices_method(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "indices", 2, 2);
    int64_t n = index_i64(interp, a[1]);
    if (n < 0) raise_value_error(interp, "length should not be negative");
    SliceBounds b = slice_indices(interp, self_slice(a[0]), n);
    return make_tuple(interp, {make_int(interp, b.start), make_int(interp, b.stop), make_int(interp, b.step)});
}

Value get_start(Interp&, Object* o, int) { return static_cast<Slice*>(o)->start; }
Value get_stop(Interp&, Object* o, int) { return static_cast<Slice*>(o)->stop; }
Value get_step(Interp&, Object* o, int) { return static_cast<Slice*>(o)->step; }

}  // namespace

void init_slice_type(Interp& interp) {
    Type* t = interp.types.slice;
    t->slots.new_ = slice_new;
    t->slots.repr = slice_repr;
    t->slots.compare = slice_compare;
    add_method(interp, t, "indices", slice_indices_method);
    add_member(interp, t, "start", get_start, nullptr);
    add_member(interp, t, "stop", get_stop, nullptr);
    add_member(interp, t, "step", get_step, nullptr);
}

}  // namespace corio::py
