// tuple.cpp — tuple allocation, its slots (repr, hash as CPython's xxHash
// variant, comparison, indexing and slicing, concatenation, repetition) and
// its methods (count, index).
#include "py/tuple.hpp"

#include <string>

#include "py/builtin_function.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/iterators.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/slice.hpp"
#include "py/str.hpp"
#include "py/type.hpp"

namespace corio::py {

void Tuple::trace(Tracer& tracer) {
    for (std::size_t i = 0; i < size_; ++i) tracer.visit(items_[i]);
}

Tuple* make_tuple_of_type(Interp& interp, Type* type, std::size_t size) {
    Tuple* t;
    if (type->is_heap_type() && type->instance_dict) {
        auto* s = interp.heap.make_sized<Subclassed<Tuple>>(sizeof(Subclassed<Tuple>) + size * sizeof(Value),
                                                             type, size);
        t = s;
        t->items_ = reinterpret_cast<Value*>(s + 1);
    } else {
        t = interp.heap.make_sized<Tuple>(sizeof(Tuple) + size * sizeof(Value), type, size);
        t->items_ = reinterpret_cast<Value*>(t + 1);
    }
    for (std::size_t i = 0; i < size; ++i) new (&t->items_[i]) Value();
    return t;
}

Tuple* make_tuple(Interp& interp, std::size_t size) {
    if (size == 0 && interp.empty_tuple) return interp.empty_tuple;
    return make_tuple_of_type(interp, interp.types.tuple, size);
}

Tuple* make_tuple(Interp& interp, std::initializer_list<Value> items) {
    return make_tuple(interp, items.begin(), items.size());
}

Tuple* make_tuple(Interp& interp, const Value* items, std::size_t size) {
    Tuple* t = make_tuple(interp, size);
    for (std::size_t i = 0; i < size; ++i) (*t)[i] = items[i];
    return t;
}

bool is_tuple(Interp& interp, Value v) noexcept {
    return v.is_object() && (v.as_object()->type() == interp.types.tuple ||
                             (v.as_object()->type()->flags & kTypeTupleSubclass));
}

namespace {

Tuple* self_tuple(Value v) { return static_cast<Tuple*>(v.as_object()); }

Value tuple_repr(Interp& interp, Value self) {
    Tuple* t = self_tuple(self);
    if (t->size() == 0) return make_str(interp, "()");
    std::string out = "(";
    for (std::size_t i = 0; i < t->size(); ++i) {
        if (i) out += ", ";
        out += repr_utf8(interp, (*t)[i]);
    }
    if (t->size() == 1) out += ',';
    out += ')';
    return make_str(interp, out);
}

// CPython 3.11's tuplehash (xxHash-based).
int64_t tuple_hash(Interp& interp, Value self) {
    Tuple* t = self_tuple(self);
    constexpr uint64_t kPrime1 = 11400714785074694791ULL, kPrime2 = 14029467366897019727ULL,
                       kPrime5 = 2870177450012600261ULL;
    uint64_t acc = kPrime5;
    for (Value item : *t) {
        auto lane = static_cast<uint64_t>(hash(interp, item));
        acc += lane * kPrime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= kPrime1;
    }
    acc += t->size() ^ (kPrime5 ^ 3527539UL);
    if (acc == static_cast<uint64_t>(-1)) return 1546275796;
    return static_cast<int64_t>(acc);
}

Value tuple_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (!is_tuple(interp, b)) return interp.not_implemented;
    Tuple* x = self_tuple(a);
    Tuple* y = self_tuple(b);
    std::size_t i = 0;
    for (; i < x->size() && i < y->size(); ++i)
        if (!eq(interp, (*x)[i], (*y)[i])) break;
    if (i >= x->size() || i >= y->size()) {
        int64_t lx = static_cast<int64_t>(x->size()), ly = static_cast<int64_t>(y->size());
        return compare(interp, Value::small_int(lx), Value::small_int(ly), op);
    }
    if (op == CompareOp::Eq) return interp.false_;
    if (op == CompareOp::Ne) return interp.true_;
    return compare(interp, (*x)[i], (*y)[i], op);
}

int64_t tuple_len(Interp&, Value self) { return static_cast<int64_t>(self_tuple(self)->size()); }

Value tuple_getitem(Interp& interp, Value self, Value key) {
    Tuple* t = self_tuple(self);
    if (key.is_object() && key.as_object()->type() == interp.types.slice) {
        SliceBounds b = slice_indices(interp, static_cast<Slice*>(key.as_object()), static_cast<int64_t>(t->size()));
        if (b.step == 1 && b.length == static_cast<int64_t>(t->size()) && t->type() == interp.types.tuple) return self;
        Tuple* r = make_tuple(interp, static_cast<std::size_t>(b.length));
        for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) (*r)[static_cast<std::size_t>(i)] = (*t)[static_cast<std::size_t>(j)];
        return r;
    }
    if (!key.is_small_int() && !is_int(interp, key) && !interp.type_of(key)->slots.index)
        raise_type_error(interp, std::string("tuple indices must be integers or slices, not ") + std::string(type_name(interp, key)));
    int64_t i = index_i64(interp, key);
    if (!normalize_index(i, static_cast<int64_t>(t->size()))) raise_index_error(interp, "tuple index out of range");
    return (*t)[static_cast<std::size_t>(i)];
}

bool tuple_contains(Interp& interp, Value self, Value item) {
    for (Value v : *self_tuple(self))
        if (eq(interp, v, item)) return true;
    return false;
}

Value tuple_iter(Interp& interp, Value self) {
    return make_seq_iterator(interp, interp.types.tuple_iterator, self);
}

Value tuple_add(Interp& interp, Value a, Value b) {
    if (!is_tuple(interp, a) || !is_tuple(interp, b)) return interp.not_implemented;
    Tuple* x = self_tuple(a);
    Tuple* y = self_tuple(b);
    Tuple* r = make_tuple(interp, x->size() + y->size());
    std::size_t k = 0;
    for (Value v : *x) (*r)[k++] = v;
    for (Value v : *y) (*r)[k++] = v;
    return r;
}

Value tuple_mul(Interp& interp, Value a, Value b) {
    if (!is_tuple(interp, a)) std::swap(a, b);
    if (!is_tuple(interp, a)) return interp.not_implemented;
    if (!is_int(interp, b) && !interp.type_of(b)->slots.index) return interp.not_implemented;
    int64_t n = index_i64(interp, b);
    Tuple* x = self_tuple(a);
    if (n <= 0 || x->size() == 0) return interp.empty_tuple;
    if (n == 1 && x->type() == interp.types.tuple) return a;
    Tuple* r = make_tuple(interp, x->size() * static_cast<std::size_t>(n));
    std::size_t k = 0;
    for (int64_t i = 0; i < n; ++i)
        for (Value v : *x) (*r)[k++] = v;
    return r;
}

Value tuple_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "tuple() takes no keyword arguments");
    if (nargs > 1) raise_type_error(interp, std::string("tuple expected at most 1 argument, got ") + std::to_string(nargs));
    if (nargs == 0) return cls == interp.types.tuple ? interp.empty_tuple : make_tuple_of_type(interp, cls, 0);
    if (cls == interp.types.tuple && args[0].is_object() && args[0].as_object()->type() == cls) return args[0];
    List* items = list_from_iterable(interp, args[0]);
    Tuple* t = make_tuple_of_type(interp, cls, items->size());
    for (std::size_t i = 0; i < items->size(); ++i) (*t)[i] = (*items)[i];
    return t;
}

Value tuple_count(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "count", 2, 2);
    int64_t n = 0;
    for (Value v : *self_tuple(a[0]))
        if (eq(interp, v, a[1])) ++n;
    return Value::small_int(n);
}

Value tuple_index(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "index", 2, 4);
    Tuple* t = self_tuple(a[0]);
    auto size = static_cast<int64_t>(t->size());
    int64_t start = a.size() > 2 ? index_i64(interp, a[2]) : 0;
    int64_t stop = a.size() > 3 ? index_i64(interp, a[3]) : size;
    if (start < 0) start = std::max<int64_t>(0, start + size);
    if (stop < 0) stop += size;
    for (int64_t i = start; i < std::min(stop, size); ++i)
        if (eq(interp, (*t)[static_cast<std::size_t>(i)], a[1])) return Value::small_int(i);
    raise_value_error(interp, "tuple.index(x): x not in tuple");
}

Value tuple_getnewargs(Interp& interp, const CallArgs& a) {
    Tuple* t = self_tuple(a[0]);
    return make_tuple(interp, {make_tuple(interp, t->items(), t->size())});
}

}  // namespace

void init_tuple_type(Interp& interp) {
    Type* t = interp.types.tuple;
    t->slots.repr = tuple_repr;
    t->slots.hash = tuple_hash;
    t->slots.compare = tuple_compare;
    t->slots.len = tuple_len;
    t->slots.getitem = tuple_getitem;
    t->slots.contains = tuple_contains;
    t->slots.iter = tuple_iter;
    t->slots.binary[binary_slot_index(BinaryOp::Add)] = tuple_add;
    t->slots.binary[binary_slot_index(BinaryOp::Multiply)] = tuple_mul;
    t->slots.new_ = tuple_new;
    t->subclass_instance_dict = Subclassed<Tuple>::dict_of;
    add_method(interp, t, "count", tuple_count);
    add_method(interp, t, "index", tuple_index);
    add_method(interp, t, "__getnewargs__", tuple_getnewargs);
}

}  // namespace corio::py
