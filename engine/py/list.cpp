// list.cpp — list storage (CPython's over-allocation), slots (repr with
// recursion guard, comparison, indexing and slice assignment, +, *, +=, *=)
// and methods, including a stable merge sort with key and reverse.
#include "py/list.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/pool.hpp"
#include "py/builtin_function.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/iterators.hpp"
#include "py/protocols.hpp"
#include "py/slice.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

List::~List() { pool::deallocate(items_, capacity_ * sizeof(Value)); }

void List::trace(Tracer& tracer) {
    for (std::size_t i = 0; i < size_; ++i) tracer.visit(items_[i]);
}

void List::grow(Interp& interp, std::size_t min_capacity) {
    // CPython's list_resize: new_allocated = n + (n >> 3) + 6, rounded to 4.
    std::size_t cap = (min_capacity + (min_capacity >> 3) + 6) & ~std::size_t{3};
    if (cap < min_capacity) cap = min_capacity;
    interp.heap.note_external_bytes(static_cast<std::ptrdiff_t>((cap - capacity_) * sizeof(Value)));
    auto* fresh = static_cast<Value*>(pool::allocate(cap * sizeof(Value)));
    if (size_) std::memcpy(static_cast<void*>(fresh), items_, size_ * sizeof(Value));
    pool::deallocate(items_, capacity_ * sizeof(Value));
    items_ = fresh;
    capacity_ = cap;
}

void List::insert(Interp& interp, std::size_t index, Value v) {
    if (index > size_) index = size_;
    if (size_ == capacity_) grow(interp, size_ + 1);
    std::memmove(static_cast<void*>(items_ + index + 1), items_ + index, (size_ - index) * sizeof(Value));
    items_[index] = v;
    ++size_;
}

void List::erase(std::size_t index) noexcept {
    std::memmove(static_cast<void*>(items_ + index), items_ + index + 1, (size_ - index - 1) * sizeof(Value));
    --size_;
}

void List::resize(Interp& interp, std::size_t n) {
    if (n > capacity_) grow(interp, n);
    for (std::size_t i = size_; i < n; ++i) items_[i] = interp.none;
    size_ = n;
}

void List::extend(Interp& interp, const Value* items, std::size_t n) {
    reserve(interp, size_ + n);
    for (std::size_t i = 0; i < n; ++i) items_[size_ + i] = items[i];
    size_ += n;
}

List* make_list(Interp& interp, std::size_t reserve) {
    List* l = interp.heap.make<List>(interp.types.list);
    if (reserve) l->reserve(interp, reserve);
    return l;
}

List* make_list(Interp& interp, const Value* items, std::size_t n) {
    List* l = make_list(interp, n);
    l->extend(interp, items, n);
    return l;
}

bool is_list(Interp& interp, Value v) noexcept {
    return v.is_object() && (v.as_object()->type() == interp.types.list ||
                             (v.as_object()->type()->flags & kTypeListSubclass));
}

List* list_from_iterable(Interp& interp, Value iterable) {
    if (is_list(interp, iterable)) {
        List* src = static_cast<List*>(iterable.as_object());
        return make_list(interp, src->items(), src->size());
    }
    if (is_tuple(interp, iterable)) {
        Tuple* t = static_cast<Tuple*>(iterable.as_object());
        return make_list(interp, t->items(), t->size());
    }
    List* out = make_list(interp);
    Value it = iter(interp, iterable);
    while (Value v = iter_next(interp, it)) out->append(interp, v);
    return out;
}

namespace {

// Stable merge sort on (key, value) pairs; `less` may throw.
template <class Less>
void merge_sort(std::vector<std::pair<Value, Value>>& v, Less less) {
    std::vector<std::pair<Value, Value>> tmp(v.size());
    std::size_t n = v.size();
    // Insertion sort runs of 16, then merge.
    constexpr std::size_t kRun = 16;
    for (std::size_t lo = 0; lo < n; lo += kRun) {
        std::size_t hi = std::min(lo + kRun, n);
        for (std::size_t i = lo + 1; i < hi; ++i) {
            auto x = v[i];
            std::size_t j = i;
            while (j > lo && less(x.first, v[j - 1].first)) {
                v[j] = v[j - 1];
                --j;
            }
            v[j] = x;
        }
    }
    for (std::size_t width = kRun; width < n; width *= 2) {
        for (std::size_t lo = 0; lo < n; lo += 2 * width) {
            std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            std::size_t i = lo, j = mid, k = lo;
            if (mid >= hi || !less(v[mid].first, v[mid - 1].first)) continue;
            while (i < mid && j < hi) tmp[k++] = less(v[j].first, v[i].first) ? v[j++] : v[i++];
            while (i < mid) tmp[k++] = v[i++];
            while (j < hi) tmp[k++] = v[j++];
            std::copy(tmp.begin() + static_cast<std::ptrdiff_t>(lo), tmp.begin() + static_cast<std::ptrdiff_t>(hi),
                      v.begin() + static_cast<std::ptrdiff_t>(lo));
        }
    }
}

}  // namespace

void list_sort(Interp& interp, List* list, Value key, bool reverse) {
    std::size_t n = list->size();
    std::vector<std::pair<Value, Value>> items(n);
    for (std::size_t i = 0; i < n; ++i) {
        Value v = (*list)[i];
        items[i] = {key && key != interp.none ? call(interp, key, {v}) : v, v};
    }
    // Python's reverse sort keeps stability: reverse, sort, reverse.
    if (reverse) std::reverse(items.begin(), items.end());
    list->clear();  // CPython empties the list while sorting
    try {
        merge_sort(items, [&](Value a, Value b) {
            if (a.is_small_int() && b.is_small_int()) return a.as_small_int() < b.as_small_int();
            return compare_bool(interp, a, b, CompareOp::Lt);
        });
    } catch (...) {
        if (reverse) std::reverse(items.begin(), items.end());
        list->resize(interp, 0);
        for (auto& p : items) list->append(interp, p.second);
        throw;
    }
    if (reverse) std::reverse(items.begin(), items.end());
    bool modified = list->size() != 0;
    list->resize(interp, 0);
    for (auto& p : items) list->append(interp, p.second);
    if (modified) raise_value_error(interp, "list modified during sort");
}

namespace {

List* self_list(Value v) { return static_cast<List*>(v.as_object()); }

Value list_repr(Interp& interp, Value self) {
    List* l = self_list(self);
    if (l->size() == 0) return make_str(interp, "[]");
    static thread_local std::vector<List*> active;
    if (std::find(active.begin(), active.end(), l) != active.end()) return make_str(interp, "[...]");
    active.push_back(l);
    std::string out = "[";
    try {
        for (std::size_t i = 0; i < l->size(); ++i) {
            if (i) out += ", ";
            out += repr_utf8(interp, (*l)[i]);
        }
    } catch (...) {
        active.pop_back();
        throw;
    }
    active.pop_back();
    out += ']';
    return make_str(interp, out);
}

Value list_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (!is_list(interp, b)) return interp.not_implemented;
    List* x = self_list(a);
    List* y = self_list(b);
    if ((op == CompareOp::Eq || op == CompareOp::Ne) && x->size() != y->size()) return interp.boolean(op == CompareOp::Ne);
    std::size_t i = 0;
    for (; i < x->size() && i < y->size(); ++i)
        if (!eq(interp, (*x)[i], (*y)[i])) break;
    if (i >= x->size() || i >= y->size())
        return compare(interp, Value::small_int(static_cast<int64_t>(x->size())), Value::small_int(static_cast<int64_t>(y->size())), op);
    if (op == CompareOp::Eq) return interp.false_;
    if (op == CompareOp::Ne) return interp.true_;
    return compare(interp, (*x)[i], (*y)[i], op);
}

int64_t list_len(Interp&, Value self) { return static_cast<int64_t>(self_list(self)->size()); }

bool is_slice(Interp& interp, Value v) { return v.is_object() && v.as_object()->type() == interp.types.slice; }

int64_t list_index_arg(Interp& interp, Value key) {
    if (key.is_small_int()) return key.as_small_int();
    if (!is_int(interp, key) && !interp.type_of(key)->slots.index)
        raise_type_error(interp, std::string("list indices must be integers or slices, not ") + std::string(type_name(interp, key)));
    return index_i64(interp, key);
}

Value list_getitem(Interp& interp, Value self, Value key) {
    List* l = self_list(self);
    if (is_slice(interp, key)) {
        SliceBounds b = slice_indices(interp, static_cast<Slice*>(key.as_object()), static_cast<int64_t>(l->size()));
        List* r = make_list(interp, static_cast<std::size_t>(b.length));
        for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) r->append(interp, (*l)[static_cast<std::size_t>(j)]);
        return r;
    }
    int64_t i = list_index_arg(interp, key);
    if (!normalize_index(i, static_cast<int64_t>(l->size()))) raise_index_error(interp, "list index out of range");
    return (*l)[static_cast<std::size_t>(i)];
}

void list_setitem(Interp& interp, Value self, Value key, Value value) {
    List* l = self_list(self);
    if (is_slice(interp, key)) {
        SliceBounds b = slice_indices(interp, static_cast<Slice*>(key.as_object()), static_cast<int64_t>(l->size()));
        if (!value) {  // del l[a:b:c]
            std::vector<Value> keep;
            std::vector<bool> drop(l->size(), false);
            for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) drop[static_cast<std::size_t>(j)] = true;
            for (std::size_t i = 0; i < l->size(); ++i)
                if (!drop[i]) keep.push_back((*l)[i]);
            l->clear();
            l->extend(interp, keep.data(), keep.size());
            return;
        }
        List* src = list_from_iterable(interp, value);
        if (b.step == 1) {
            std::size_t start = static_cast<std::size_t>(b.start);
            std::size_t stop = start + static_cast<std::size_t>(std::max<int64_t>(b.length, 0));
            std::vector<Value> out(l->begin(), l->begin() + start);
            out.insert(out.end(), src->begin(), src->end());
            out.insert(out.end(), l->begin() + stop, l->end());
            l->clear();
            l->extend(interp, out.data(), out.size());
            return;
        }
        if (static_cast<int64_t>(src->size()) != b.length)
            raise_value_error(interp, std::string("attempt to assign sequence of size ") + std::to_string(src->size()) +
                                          " to extended slice of size " + std::to_string(b.length));
        for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step)
            (*l)[static_cast<std::size_t>(j)] = (*src)[static_cast<std::size_t>(i)];
        return;
    }
    int64_t i = list_index_arg(interp, key);
    if (!normalize_index(i, static_cast<int64_t>(l->size())))
        raise_index_error(interp, value ? "list assignment index out of range" : "list assignment index out of range");
    if (value) (*l)[static_cast<std::size_t>(i)] = value;
    else l->erase(static_cast<std::size_t>(i));
}

bool list_contains(Interp& interp, Value self, Value item) {
    List* l = self_list(self);
    for (std::size_t i = 0; i < l->size(); ++i)
        if (eq(interp, (*l)[i], item)) return true;
    return false;
}

Value list_iter(Interp& interp, Value self) { return make_seq_iterator(interp, interp.types.list_iterator, self); }

Value list_add(Interp& interp, Value a, Value b) {
    if (!is_list(interp, a) || !is_list(interp, b)) return interp.not_implemented;
    List* r = make_list(interp, self_list(a)->items(), self_list(a)->size());
    r->extend(interp, self_list(b)->items(), self_list(b)->size());
    return r;
}

Value list_mul(Interp& interp, Value a, Value b) {
    if (!is_list(interp, a)) std::swap(a, b);
    if (!is_list(interp, a) || (!is_int(interp, b) && !interp.type_of(b)->slots.index)) return interp.not_implemented;
    int64_t n = index_i64(interp, b);
    List* src = self_list(a);
    List* r = make_list(interp);
    if (n <= 0) return r;
    if (static_cast<uint64_t>(n) * src->size() > (uint64_t{1} << 32)) throw HeapExhausted{0};
    r->reserve(interp, src->size() * static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i) r->extend(interp, src->items(), src->size());
    return r;
}

Value list_iadd(Interp& interp, Value a, Value b) {
    List* l = self_list(a);
    if (is_list(interp, b)) {
        List* src = self_list(b);
        std::size_t n = src->size();
        l->reserve(interp, l->size() + n);
        l->extend(interp, src->items(), n);
        return a;
    }
    List* src = list_from_iterable(interp, b);
    l->extend(interp, src->items(), src->size());
    return a;
}

Value list_imul(Interp& interp, Value a, Value b) {
    if (!is_int(interp, b) && !interp.type_of(b)->slots.index) return interp.not_implemented;
    int64_t n = index_i64(interp, b);
    List* l = self_list(a);
    if (n <= 0) {
        l->clear();
        return a;
    }
    std::vector<Value> copy(l->begin(), l->end());
    for (int64_t i = 1; i < n; ++i) l->extend(interp, copy.data(), copy.size());
    return a;
}

void list_init(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "list() takes no keyword arguments");
    if (nargs > 1) raise_type_error(interp, std::string("list expected at most 1 argument, got ") + std::to_string(nargs));
    List* l = self_list(self);
    l->clear();
    if (nargs == 1) {
        List* src = list_from_iterable(interp, args[0]);
        l->extend(interp, src->items(), src->size());
    }
}

Value list_new(Interp& interp, Type* cls, const Value*, std::size_t, Tuple*) {
    return make_instance<List>(interp, cls);
}

// methods

Value m_append(Interp& interp, const CallArgs& a) {
    if (a.nargs != 2 || a.kwcount()) check_nargs(interp, a, "append", 2, 2);
    self_list(a[0])->append(interp, a[1]);
    return interp.none;
}
Value m_extend(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "extend", 2, 2);
    list_iadd(interp, a[0], a[1]);
    return interp.none;
}
Value m_insert(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "insert", 3, 3);
    List* l = self_list(a[0]);
    int64_t i = index_i64(interp, a[1]);
    auto n = static_cast<int64_t>(l->size());
    if (i < 0) i = std::max<int64_t>(0, i + n);
    l->insert(interp, static_cast<std::size_t>(std::min(i, n)), a[2]);
    return interp.none;
}
Value m_pop(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "pop", 1, 2);
    List* l = self_list(a[0]);
    if (l->size() == 0) raise_index_error(interp, "pop from empty list");
    int64_t i = a.nargs > 1 ? index_i64(interp, a[1]) : static_cast<int64_t>(l->size()) - 1;
    if (!normalize_index(i, static_cast<int64_t>(l->size()))) raise_index_error(interp, "pop index out of range");
    Value v = (*l)[static_cast<std::size_t>(i)];
    l->erase(static_cast<std::size_t>(i));
    return v;
}
Value m_remove(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "remove", 2, 2);
    List* l = self_list(a[0]);
    for (std::size_t i = 0; i < l->size(); ++i)
        if (eq(interp, (*l)[i], a[1])) {
            if (i < l->size()) l->erase(i);
            return interp.none;
        }
    raise_value_error(interp, "list.remove(x): x not in list");
}
Value m_index(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "index", 2, 4);
    List* l = self_list(a[0]);
    auto n = static_cast<int64_t>(l->size());
    int64_t start = a.nargs > 2 ? index_i64(interp, a[2]) : 0;
    int64_t stop = a.nargs > 3 ? index_i64(interp, a[3]) : n;
    if (start < 0) start = std::max<int64_t>(0, start + n);
    if (stop < 0) stop = std::max<int64_t>(0, stop + n);
    for (int64_t i = start; i < stop && i < static_cast<int64_t>(l->size()); ++i)
        if (eq(interp, (*l)[static_cast<std::size_t>(i)], a[1])) return Value::small_int(i);
    raise_value_error(interp, repr_utf8(interp, a[1]) + " is not in list");
}
Value m_count(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "count", 2, 2);
    int64_t c = 0;
    List* l = self_list(a[0]);
    for (std::size_t i = 0; i < l->size(); ++i)
        if (eq(interp, (*l)[i], a[1])) ++c;
    return Value::small_int(c);
}
Value m_clear(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "clear", 1, 1);
    self_list(a[0])->clear();
    return interp.none;
}
Value m_copy(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "copy", 1, 1);
    return make_list(interp, self_list(a[0])->items(), self_list(a[0])->size());
}
Value m_reverse(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "reverse", 1, 1);
    List* l = self_list(a[0]);
    std::reverse(l->items(), l->items() + l->size());
    return interp.none;
}
Value m_sort(Interp& interp, const CallArgs& a) {
    Value v[2];
    CallArgs rest{a.args + 1, a.nargs - 1, a.kwnames, a.fn};
    parse_args(interp, rest, ArgSpec{"sort", {"key", "reverse"}, 0, 0}, v);
    list_sort(interp, self_list(a[0]), v[0], v[1] && truthy(interp, v[1]));
    return interp.none;
}
Value m_reversed(Interp& interp, const CallArgs& a) {
    auto* it = static_cast<SeqIterator*>(make_seq_iterator(interp, interp.types.list_reverseiterator, a[0]).as_object());
    it->index = self_list(a[0])->size();
    return it;
}

}  // namespace

void init_list_type(Interp& interp) {
    Type* t = interp.types.list;
    t->slots.repr = list_repr;
    t->slots.compare = list_compare;
    t->slots.len = list_len;
    t->slots.getitem = list_getitem;
    t->slots.setitem = list_setitem;
    t->slots.contains = list_contains;
    t->slots.iter = list_iter;
    t->slots.binary[binary_slot_index(BinaryOp::Add)] = list_add;
    t->slots.binary[binary_slot_index(BinaryOp::Multiply)] = list_mul;
    t->slots.inplace[binary_slot_index(BinaryOp::Add)] = list_iadd;
    t->slots.inplace[binary_slot_index(BinaryOp::Multiply)] = list_imul;
    t->slots.init = list_init;
    t->slots.new_ = list_new;
    t->subclass_instance_dict = Subclassed<List>::dict_of;
    add_method(interp, t, "append", m_append);
    add_method(interp, t, "extend", m_extend);
    add_method(interp, t, "insert", m_insert);
    add_method(interp, t, "pop", m_pop);
    add_method(interp, t, "remove", m_remove);
    add_method(interp, t, "index", m_index);
    add_method(interp, t, "count", m_count);
    add_method(interp, t, "clear", m_clear);
    add_method(interp, t, "copy", m_copy);
    add_method(interp, t, "reverse", m_reverse);
    add_method(interp, t, "sort", m_sort);
    add_method(interp, t, "__reversed__", m_reversed);
}

}  // namespace corio::py
