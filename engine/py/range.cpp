// range.cpp — range (int64 bounds), its iterator, and reversed(range).
#include "py/range.hpp"

#include <string>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/protocols.hpp"
#include "py/slice.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {
int64_t range_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop) return static_cast<int64_t>((static_cast<uint64_t>(stop) - static_cast<uint64_t>(start) - 1) / static_cast<uint64_t>(step) + 1);
    if (step < 0 && start > stop) return static_cast<int64_t>((static_cast<uint64_t>(start) - static_cast<uint64_t>(stop) - 1) / (0 - static_cast<uint64_t>(step)) + 1);
    return 0;
}
Range* self_range(Value v) { return static_cast<Range*>(v.as_object()); }
}  // namespace

Range* make_range(Interp& interp, int64_t start, int64_t stop, int64_t step) {
    return interp.heap.make<Range>(interp.types.range, start, stop, step, range_length(start, stop, step));
}

namespace {

int64_t range_arg(Interp& interp, Value v) {
    if (v.is_small_int()) return v.as_small_int();
    if (!is_int(interp, v) && !interp.type_of(v)->slots.index)
        raise_type_error(interp, std::string("'") + std::string(type_name(interp, v)) + "' object cannot be interpreted as an integer");
    Value i = index(interp, v);
    int64_t out;
    if (!int_to_i64(interp, i, out)) raise_overflow_error(interp, "Python int too large to convert to C ssize_t");
    return out;
}

Value range_new(Interp& interp, Type*, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "range() takes no keyword arguments");
    if (nargs == 0) raise_type_error(interp, "range expected at least 1 argument, got 0");
    if (nargs > 3) raise_type_error(interp, std::string("range expected at most 3 arguments, got ") + std::to_string(nargs));
    int64_t start = 0, stop, step = 1;
    if (nargs == 1) stop = range_arg(interp, args[0]);
    else {
        start = range_arg(interp, args[0]);
        stop = range_arg(interp, args[1]);
        if (nargs == 3) step = range_arg(interp, args[2]);
    }
    if (step == 0) raise_value_error(interp, "range() arg 3 must not be zero");
    return make_range(interp, start, stop, step);
}

Value range_repr(Interp& interp, Value self) {
    Range* r = self_range(self);
    std::string s = std::string("range(") + std::to_string(r->start) + ", " + std::to_string(r->stop);
    if (r->step != 1) s += std::string(", ") + std::to_string(r->step);
    return make_str(interp, s + ")");
}

int64_t range_len(Interp&, Value self) { return self_range(self)->length; }

Value range_getitem(Interp& interp, Value self, Value key) {
    Range* r = self_range(self);
    if (key.is_object() && key.as_object()->type() == interp.types.slice) {
        SliceBounds b = slice_indices(interp, static_cast<Slice*>(key.as_object()), r->length);
        int64_t start = r->start + b.start * r->step;
        int64_t step = r->step * b.step;
        return make_range(interp, start, start + b.length * step, step);
    }
    if (!is_int(interp, key) && !interp.type_of(key)->slots.index)
        raise_type_error(interp, std::string("range indices must be integers or slices, not ") + std::string(type_name(interp, key)));
    int64_t i = index_i64(interp, key);
    if (!normalize_index(i, r->length)) raise_index_error(interp, "range object index out of range");
    return make_int(interp, r->start + i * r->step);
}

bool range_contains(Interp& interp, Value self, Value item) {
    Range* r = self_range(self);
    int64_t v;
    if (interp.type_of(item) == interp.types.int_ || interp.type_of(item) == interp.types.bool_) {
        if (!int_to_i64(interp, item, v)) return false;
        if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return false;
        return (v - r->start) % r->step == 0;
    }
    for (int64_t i = 0; i < r->length; ++i)
        if (eq(interp, make_int(interp, r->start + i * r->step), item)) return true;
    return false;
}

Value range_iter(Interp& interp, Value self) {
    Range* r = self_range(self);
    return interp.heap.make<RangeIterator>(interp.types.range_iterator, r->start, r->step, r->length);
}

Value range_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (interp.type_of(b) != interp.types.range || (op != CompareOp::Eq && op != CompareOp::Ne)) return interp.not_implemented;
    Range* x = self_range(a);
    Range* y = self_range(b);
    bool same = x->length == y->length && (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
    return interp.boolean(op == CompareOp::Eq ? same : !same);
}

int64_t range_hash(Interp& interp, Value self) {
    Range* r = self_range(self);
    Value parts[3] = {make_int(interp, r->length), r->length ? make_int(interp, r->start) : interp.none,
                      r->length > 1 ? make_int(interp, r->step) : interp.none};
    return hash(interp, make_tuple(interp, parts, 3));
}

bool range_truthy(Interp&, Value self) { return self_range(self)->length != 0; }

Value range_iter_next(Interp& interp, Value self) {
    auto* it = static_cast<RangeIterator*>(self.as_object());
    if (it->remaining <= 0) return Value();
    int64_t v = it->next;
    it->next += it->step;
    --it->remaining;
    return make_int(interp, v);
}

Value iter_self(Interp&, Value self) { return self; }

Value range_reversed(Interp& interp, const CallArgs& a) {
    Range* r = self_range(a[0]);
    int64_t last = r->start + (r->length - 1) * r->step;
    return interp.heap.make<RangeIterator>(interp.types.range_iterator, last, -r->step, r->length);
}

Value range_count(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "count", 2, 2);
    return Value::small_int(range_contains(interp, a[0], a[1]) ? 1 : 0);
}

Value range_index(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "index", 2, 2);
    Range* r = self_range(a[0]);
    if (!range_contains(interp, a[0], a[1]))
        raise_value_error(interp, repr_utf8(interp, a[1]) + " is not in range");
    int64_t v;
    if (int_to_i64(interp, a[1], v)) return make_int(interp, (v - r->start) / r->step);
    return Value::small_int(0);
}

Value get_start(Interp& interp, Object* o, int) { return make_int(interp, static_cast<Range*>(o)->start); }
Value get_stop(Interp& interp, Object* o, int) { return make_int(interp, static_cast<Range*>(o)->stop); }
Value get_step(Interp& interp, Object* o, int) { return make_int(interp, static_cast<Range*>(o)->step); }

Value range_iter_length_hint(Interp& interp, const CallArgs& a) {
    (void)interp;
    return Value::small_int(static_cast<RangeIterator*>(a[0].as_object())->remaining);
}

}  // namespace

void init_range_type(Interp& interp) {
    Type* t = interp.types.range;
    t->slots.new_ = range_new;
    t->slots.repr = range_repr;
    t->slots.len = range_len;
    t->slots.getitem = range_getitem;
    t->slots.contains = range_contains;
    t->slots.iter = range_iter;
    t->slots.compare = range_compare;
    t->slots.hash = range_hash;
    t->slots.truthy = range_truthy;
    add_method(interp, t, "__reversed__", range_reversed);
    add_method(interp, t, "count", range_count);
    add_method(interp, t, "index", range_index);
    add_member(interp, t, "start", get_start, nullptr);
    add_member(interp, t, "stop", get_stop, nullptr);
    add_member(interp, t, "step", get_step, nullptr);
    Type* it = interp.types.range_iterator;
    it->slots.iter = iter_self;
    it->slots.next = range_iter_next;
    add_method(interp, it, "__length_hint__", range_iter_length_hint);
}

}  // namespace corio::py
