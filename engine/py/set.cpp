// set.cpp — set and frozenset: the hash table of CPython 3.11's
// Objects/setobject.c (set_add_entry, set_insert_clean, set_table_resize,
// set_merge, set_update_internal, set_pop with its finger), so iteration
// order matches CPython; the set algebra follows the same functions so
// that result orders match too.
#include "py/set.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {
constexpr std::size_t kLinearProbes = 9;
constexpr unsigned kPerturbShift = 5;
}  // namespace

Set::~Set() {
    if (table_ != small_) delete[] table_;
}

void Set::trace(Tracer& tracer) {
    for (std::size_t i = 0; i <= mask_; ++i) tracer.visit(table_[i].key);
}

bool Set::is_live(std::size_t i) const noexcept { return static_cast<bool>(table_[i].key); }

Set* make_set(Interp& interp) { return interp.heap.make<Set>(interp.types.set); }
Set* make_frozenset(Interp& interp) { return interp.heap.make<Set>(interp.types.frozenset); }

bool is_anyset(Interp& interp, Value v) noexcept {
    if (!v.is_object()) return false;
    Type* t = v.as_object()->type();
    return is_subtype(t, interp.types.set) || is_subtype(t, interp.types.frozenset);
}

Set::Entry* Set::lookup(Interp& interp, Value key, int64_t hash) {
    while (true) {
        Entry* table = table_;
        std::size_t mask = mask_;
        std::size_t i = static_cast<std::size_t>(hash) & mask;
        auto perturb = static_cast<uint64_t>(hash);
        bool restart = false;
        while (!restart) {
            Entry* entry = &table_[i];
            std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
            do {
                if (entry->hash == 0 && !entry->key) return entry;
                if (entry->hash == hash && entry->key) {
                    Value start = entry->key;
                    if (start == key) return entry;
                    bool same = eq(interp, start, key);
                    if (table != table_ || entry->key != start) {
                        restart = true;
                        break;
                    }
                    if (same) return entry;
                    mask = mask_;
                }
                ++entry;
            } while (probes--);
            if (restart) break;
            perturb >>= kPerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }
}

void Set::insert_clean(Entry* table, std::size_t mask, Value key, int64_t hash) noexcept {
    auto perturb = static_cast<uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (true) {
        Entry* entry = &table[i];
        if (!entry->key && entry->hash == 0) {
            entry->key = key;
            entry->hash = hash;
            return;
        }
        if (i + kLinearProbes <= mask) {
            for (std::size_t j = 0; j < kLinearProbes; ++j) {
                ++entry;
                if (!entry->key && entry->hash == 0) {
                    entry->key = key;
                    entry->hash = hash;
                    return;
                }
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void Set::resize(Interp& interp, std::size_t min_used) {
    std::size_t newsize = kMinSize;
    while (newsize <= min_used) newsize <<= 1;
    std::vector<Entry> old(table_, table_ + mask_ + 1);
    if (table_ != small_) delete[] table_;
    if (newsize == kMinSize) {
        table_ = small_;
        std::fill(small_, small_ + kMinSize, Entry{});
    } else {
        interp.heap.note_external_bytes(static_cast<std::ptrdiff_t>(newsize * sizeof(Entry)));
        table_ = new Entry[newsize]();
    }
    mask_ = newsize - 1;
    for (const Entry& e : old)
        if (e.key) insert_clean(table_, mask_, e.key, e.hash);
    fill_ = used_;
    ++version_;
}

bool Set::add(Interp& interp, Value key) { return add(interp, key, py::hash(interp, key)); }

bool Set::add(Interp& interp, Value key, int64_t hash) {
    while (true) {
        Entry* table = table_;
        std::size_t mask = mask_;
        std::size_t i = static_cast<std::size_t>(hash) & mask;
        auto perturb = static_cast<uint64_t>(hash);
        bool restart = false;
        while (!restart) {
            Entry* entry = &table_[i];
            std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
            do {
                if (entry->hash == 0 && !entry->key) {
                    ++fill_;
                    ++used_;
                    ++version_;
                    entry->key = key;
                    entry->hash = hash;
                    if (fill_ * 5 >= mask * 3) resize(interp, used_ > 50000 ? used_ * 2 : used_ * 4);
                    return true;
                }
                if (entry->hash == hash && entry->key) {
                    Value start = entry->key;
                    if (start == key) return false;
                    bool same = eq(interp, start, key);
                    if (table != table_ || entry->key != start) {
                        restart = true;
                        break;
                    }
                    if (same) return false;
                    mask = mask_;
                }
                ++entry;
            } while (probes--);
            if (restart) break;
            perturb >>= kPerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }
}

bool Set::contains(Interp& interp, Value key) {
    Entry* e = lookup(interp, key, py::hash(interp, key));
    return static_cast<bool>(e->key);
}

bool Set::discard(Interp& interp, Value key) {
    Entry* e = lookup(interp, key, py::hash(interp, key));
    if (!e->key) return false;
    e->key = Value();
    e->hash = -1;
    --used_;
    ++version_;
    return true;
}

Value Set::pop(Interp& interp) {
    if (used_ == 0) raise(interp, interp.exc.KeyError, "pop from an empty set");
    std::size_t i = finger_ & mask_;
    while (!table_[i].key) i = (i + 1) & mask_;
    Value key = table_[i].key;
    table_[i].key = Value();
    table_[i].hash = -1;
    --used_;
    ++version_;
    finger_ = i + 1;
    return key;
}

void Set::clear() noexcept {
    if (table_ != small_) delete[] table_;
    table_ = small_;
    std::fill(small_, small_ + kMinSize, Entry{});
    mask_ = kMinSize - 1;
    fill_ = used_ = 0;
    ++version_;
}

void Set::merge(Interp& interp, const Set* other) {
    if (other == this || other->used_ == 0) return;
    if ((fill_ + other->used_) * 5 >= mask_ * 3) resize(interp, (used_ + other->used_) * 2);
    if (fill_ == 0 && mask_ == other->mask_ && other->fill_ == other->used_) {
        for (std::size_t i = 0; i <= other->mask_; ++i)
            if (other->table_[i].key) table_[i] = other->table_[i];
        fill_ = other->fill_;
        used_ = other->used_;
        ++version_;
        return;
    }
    if (fill_ == 0) {
        fill_ = used_ = other->used_;
        for (std::size_t i = 0; i <= other->mask_; ++i)
            if (other->table_[i].key) insert_clean(table_, mask_, other->table_[i].key, other->table_[i].hash);
        ++version_;
        return;
    }
    std::vector<Entry> entries;
    for (std::size_t i = 0; i <= other->mask_; ++i)
        if (other->table_[i].key) entries.push_back(other->table_[i]);
    for (const Entry& e : entries) add(interp, e.key, e.hash);
}

void Set::update_from(Interp& interp, Value iterable) {
    if (is_anyset(interp, iterable)) {
        merge(interp, static_cast<Set*>(iterable.as_object()));
        return;
    }
    if (iterable.is_object() && iterable.as_object()->type() == interp.types.dict) {
        Dict* d = static_cast<Dict*>(iterable.as_object());
        if ((fill_ + d->size()) * 5 >= mask_ * 3) resize(interp, (used_ + d->size()) * 2);
        for (std::size_t i = 0; i < d->entry_count(); ++i) {
            const Dict::Entry e = d->entry(i);
            if (e.key) add(interp, e.key, e.hash);
        }
        return;
    }
    Value it = iter(interp, iterable);
    while (Value v = iter_next(interp, it)) add(interp, v);
}

namespace {

Set* self_set(Value v) { return static_cast<Set*>(v.as_object()); }

// A new empty set of the same base kind as `like` (set or frozenset).
Set* new_like(Interp& interp, Value like) {
    bool frozen = is_subtype(interp.type_of(like), interp.types.frozenset);
    return frozen ? make_frozenset(interp) : make_set(interp);
}

Set* copy_of(Interp& interp, Value s) {
    Set* r = new_like(interp, s);
    r->merge(interp, self_set(s));
    return r;
}

Set* as_set(Interp& interp, Value v) {
    if (is_anyset(interp, v)) return self_set(v);
    Set* s = make_set(interp);
    s->update_from(interp, v);
    return s;
}

std::vector<Set::Entry> live_entries(const Set* s) {
    std::vector<Set::Entry> out;
    for (std::size_t i = 0; i <= s->mask(); ++i)
        if (s->is_live(i)) out.push_back({s->key_at(i), s->hash_at(i)});
    return out;
}

bool contains_entry(Interp& interp, Value container, Value key, int64_t hash) {
    if (is_anyset(interp, container)) {
        (void)hash;
        return self_set(container)->contains(interp, key);
    }
    return static_cast<bool>(static_cast<Dict*>(container.as_object())->get(interp, key, hash));
}

Set* intersection(Interp& interp, Value so, Value other) {
    Set* result = new_like(interp, so);
    if (is_anyset(interp, other)) {
        if (self_set(other)->size() > self_set(so)->size()) std::swap(so, other);
        for (const Set::Entry& e : live_entries(self_set(other)))
            if (self_set(so)->contains(interp, e.key)) result->add(interp, e.key, e.hash);
        return result;
    }
    Value it = iter(interp, other);
    while (Value key = iter_next(interp, it)) {
        int64_t h = py::hash(interp, key);
        if (self_set(so)->contains(interp, key)) result->add(interp, key, h);
    }
    return result;
}

void difference_update(Interp& interp, Set* so, Value other) {
    if (is_anyset(interp, other)) {
        if (self_set(other) == so) {
            so->clear();
            return;
        }
        for (const Set::Entry& e : live_entries(self_set(other))) so->discard(interp, e.key);
        return;
    }
    Value it = iter(interp, other);
    while (Value key = iter_next(interp, it)) so->discard(interp, key);
}

Set* difference(Interp& interp, Value so, Value other) {
    std::size_t other_size;
    bool other_dict = other.is_object() && other.as_object()->type() == interp.types.dict;
    if (is_anyset(interp, other)) other_size = self_set(other)->size();
    else if (other_dict) other_size = static_cast<Dict*>(other.as_object())->size();
    else {
        Set* r = copy_of(interp, so);
        difference_update(interp, r, other);
        return r;
    }
    if ((self_set(so)->size() >> 2) > other_size) {
        Set* r = copy_of(interp, so);
        difference_update(interp, r, other);
        return r;
    }
    Set* result = new_like(interp, so);
    for (const Set::Entry& e : live_entries(self_set(so)))
        if (!contains_entry(interp, other, e.key, e.hash)) result->add(interp, e.key, e.hash);
    return result;
}

void symmetric_difference_update(Interp& interp, Set* so, Value other) {
    Set* otherset = is_anyset(interp, other) ? self_set(other) : as_set(interp, other);
    if (otherset == so) {
        so->clear();
        return;
    }
    for (const Set::Entry& e : live_entries(otherset))
        if (!so->discard(interp, e.key)) so->add(interp, e.key, e.hash);
}

Set* symmetric_difference(Interp& interp, Value so, Value other) {
    Set* otherset = new_like(interp, so);
    otherset->update_from(interp, other);
    symmetric_difference_update(interp, otherset, so);
    return otherset;
}

bool is_subset(Interp& interp, Set* a, Set* b) {
    if (a->size() > b->size()) return false;
    for (const Set::Entry& e : live_entries(a))
        if (!b->contains(interp, e.key)) return false;
    return true;
}

// slots

Value set_repr(Interp& interp, Value self) {
    Set* s = self_set(self);
    std::string name(type_name(interp, self));
    if (s->size() == 0) return make_str(interp, name + "()");
    static thread_local std::vector<Set*> active;
    if (std::find(active.begin(), active.end(), s) != active.end()) return make_str(interp, name + "(...)");
    active.push_back(s);
    std::string out = "{";
    try {
        bool first = true;
        for (const Set::Entry& e : live_entries(s)) {
            if (!first) out += ", ";
            first = false;
            out += repr_utf8(interp, e.key);
        }
    } catch (...) {
        active.pop_back();
        throw;
    }
    active.pop_back();
    out += '}';
    if (s->type() != interp.types.set) out = name + "(" + out + ")";
    return make_str(interp, out);
}

Value set_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (!is_anyset(interp, b)) return interp.not_implemented;
    Set* x = self_set(a);
    Set* y = self_set(b);
    switch (op) {
    case CompareOp::Eq: return interp.boolean(x->size() == y->size() && is_subset(interp, x, y));
    case CompareOp::Ne: return interp.boolean(!(x->size() == y->size() && is_subset(interp, x, y)));
    case CompareOp::Le: return interp.boolean(is_subset(interp, x, y));
    case CompareOp::Lt: return interp.boolean(x->size() < y->size() && is_subset(interp, x, y));
    case CompareOp::Ge: return interp.boolean(is_subset(interp, y, x));
    default: return interp.boolean(x->size() > y->size() && is_subset(interp, y, x));
    }
}

int64_t frozenset_hash(Interp&, Value self) {
    Set* s = self_set(self);
    auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
    uint64_t hash = 0;
    for (const Set::Entry& e : live_entries(s)) hash ^= shuffle(static_cast<uint64_t>(e.hash));
    hash ^= (static_cast<uint64_t>(s->size()) + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
    return static_cast<int64_t>(hash);
}

int64_t set_len(Interp&, Value self) { return static_cast<int64_t>(self_set(self)->size()); }

bool set_contains(Interp& interp, Value self, Value key) {
    if (is_anyset(interp, key) && interp.type_of(key) != interp.types.frozenset) {
        Set* f = make_frozenset(interp);
        f->merge(interp, self_set(key));
        key = f;
    }
    return self_set(self)->contains(interp, key);
}

class SetIterator : public Object {
public:
    SetIterator(Type* type, Set* s) noexcept : Object(type), set(s), size(s->size()) {}
    void trace(Tracer& tracer) override { tracer.visit(set); }
    Set* set;
    std::size_t pos = 0;
    std::size_t size;
};

Value set_iter(Interp& interp, Value self) {
    return interp.heap.make<SetIterator>(interp.types.set_iterator, self_set(self));
}

Value set_iter_next(Interp& interp, Value self) {
    auto* it = static_cast<SetIterator*>(self.as_object());
    Set* s = it->set;
    if (!s) return Value();
    if (s->size() != it->size) {
        it->size = static_cast<std::size_t>(-1);
        raise_runtime_error(interp, "Set changed size during iteration");
    }
    while (it->pos <= s->mask()) {
        std::size_t i = it->pos++;
        if (s->is_live(i)) return s->key_at(i);
    }
    it->set = nullptr;
    return Value();
}

Value iter_self(Interp&, Value self) { return self; }

template <BinaryOp Op>
Value set_binop(Interp& interp, Value a, Value b) {
    if (!is_anyset(interp, a) || !is_anyset(interp, b)) return interp.not_implemented;
    switch (Op) {
    case BinaryOp::And: return intersection(interp, a, b);
    case BinaryOp::Or: {
        Set* r = copy_of(interp, a);
        r->update_from(interp, b);
        return r;
    }
    case BinaryOp::Subtract: return difference(interp, a, b);
    default: return symmetric_difference(interp, a, b);
    }
}

template <BinaryOp Op>
Value set_inplace(Interp& interp, Value a, Value b) {
    if (!is_anyset(interp, b)) return interp.not_implemented;
    Set* s = self_set(a);
    switch (Op) {
    case BinaryOp::And: {
        Set* r = intersection(interp, a, b);
        s->clear();
        s->merge(interp, r);
        break;
    }
    case BinaryOp::Or: s->update_from(interp, b); break;
    case BinaryOp::Subtract: difference_update(interp, s, b); break;
    default: symmetric_difference_update(interp, s, b); break;
    }
    return a;
}

Value set_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    bool frozen = is_subtype(cls, interp.types.frozenset);
    if (kwnames && kwnames->size()) raise_type_error(interp, std::string(cls->name->view()) + "() takes no keyword arguments");
    if (nargs > 1) raise_type_error(interp, std::string(cls->name->view()) + " expected at most 1 argument, got " + std::to_string(nargs));
    Set* s = make_instance<Set>(interp, cls);
    if (frozen && nargs == 1) s->update_from(interp, args[0]);
    return s;
}

void set_init(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "set() takes no keyword arguments");
    if (nargs > 1) raise_type_error(interp, std::string("set expected at most 1 argument, got ") + std::to_string(nargs));
    Set* s = self_set(self);
    s->clear();
    if (nargs == 1) s->update_from(interp, args[0]);
}

// methods

Value m_add(Interp& interp, const CallArgs& a) { check_nargs(interp, a, "add", 2, 2); self_set(a[0])->add(interp, a[1]); return interp.none; }
Value m_remove(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "remove", 2, 2);
    if (!self_set(a[0])->discard(interp, a[1])) raise_key_error(interp, a[1]);
    return interp.none;
}
Value m_discard(Interp& interp, const CallArgs& a) { check_nargs(interp, a, "discard", 2, 2); self_set(a[0])->discard(interp, a[1]); return interp.none; }
Value m_pop(Interp& interp, const CallArgs& a) { check_nargs(interp, a, "pop", 1, 1); return self_set(a[0])->pop(interp); }
Value m_clear(Interp& interp, const CallArgs& a) { check_nargs(interp, a, "clear", 1, 1); self_set(a[0])->clear(); return interp.none; }
Value m_copy(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "copy", 1, 1);
    if (interp.type_of(a[0]) == interp.types.frozenset) return a[0];
    return copy_of(interp, a[0]);
}
Value m_update(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "update");
    for (std::size_t i = 1; i < a.nargs; ++i) self_set(a[0])->update_from(interp, a[i]);
    return interp.none;
}
Value m_union(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "union");
    Set* r = copy_of(interp, a[0]);
    for (std::size_t i = 1; i < a.nargs; ++i) r->update_from(interp, a[i]);
    return r;
}
Value m_intersection(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "intersection");
    if (a.nargs == 1) return copy_of(interp, a[0]);
    Value r = a[0];
    for (std::size_t i = 1; i < a.nargs; ++i) r = intersection(interp, r, a[i]);
    return r;
}
Value m_intersection_update(Interp& interp, const CallArgs& a) {
    Value r = m_intersection(interp, a);
    Set* s = self_set(a[0]);
    if (r != a[0]) {
        Set* tmp = make_set(interp);
        tmp->merge(interp, self_set(r));
        s->clear();
        s->merge(interp, tmp);
    }
    return interp.none;
}
Value m_difference(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "difference");
    if (a.nargs == 1) return copy_of(interp, a[0]);
    Value r = difference(interp, a[0], a[1]);
    for (std::size_t i = 2; i < a.nargs; ++i) difference_update(interp, self_set(r), a[i]);
    return r;
}
Value m_difference_update(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "difference_update");
    for (std::size_t i = 1; i < a.nargs; ++i) difference_update(interp, self_set(a[0]), a[i]);
    return interp.none;
}
Value m_symmetric_difference(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "symmetric_difference", 2, 2);
    return symmetric_difference(interp, a[0], a[1]);
}
Value m_symmetric_difference_update(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "symmetric_difference_update", 2, 2);
    symmetric_difference_update(interp, self_set(a[0]), a[1]);
    return interp.none;
}
Value m_issubset(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "issubset", 2, 2);
    return interp.boolean(is_subset(interp, self_set(a[0]), as_set(interp, a[1])));
}
Value m_issuperset(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "issuperset", 2, 2);
    return interp.boolean(is_subset(interp, as_set(interp, a[1]), self_set(a[0])));
}
Value m_isdisjoint(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "isdisjoint", 2, 2);
    Set* s = self_set(a[0]);
    Value it = iter(interp, a[1]);
    while (Value v = iter_next(interp, it))
        if (s->contains(interp, v)) return interp.false_;
    return interp.true_;
}

}  // namespace

void init_set_type(Interp& interp) {
    for (Type* t : {interp.types.set, interp.types.frozenset}) {
        t->slots.repr = set_repr;
        t->slots.compare = set_compare;
        t->slots.len = set_len;
        t->slots.contains = set_contains;
        t->slots.iter = set_iter;
        t->slots.new_ = set_new;
        t->slots.binary[binary_slot_index(BinaryOp::And)] = set_binop<BinaryOp::And>;
        t->slots.binary[binary_slot_index(BinaryOp::Or)] = set_binop<BinaryOp::Or>;
        t->slots.binary[binary_slot_index(BinaryOp::Subtract)] = set_binop<BinaryOp::Subtract>;
        t->slots.binary[binary_slot_index(BinaryOp::Xor)] = set_binop<BinaryOp::Xor>;
        t->subclass_instance_dict = Subclassed<Set>::dict_of;
        add_method(interp, t, "copy", m_copy);
        add_method(interp, t, "union", m_union);
        add_method(interp, t, "intersection", m_intersection);
        add_method(interp, t, "difference", m_difference);
        add_method(interp, t, "symmetric_difference", m_symmetric_difference);
        add_method(interp, t, "issubset", m_issubset);
        add_method(interp, t, "issuperset", m_issuperset);
        add_method(interp, t, "isdisjoint", m_isdisjoint);
    }
    interp.types.frozenset->slots.hash = frozenset_hash;
    Type* s = interp.types.set;
    s->slots.init = set_init;
    s->slots.inplace[binary_slot_index(BinaryOp::And)] = set_inplace<BinaryOp::And>;
    s->slots.inplace[binary_slot_index(BinaryOp::Or)] = set_inplace<BinaryOp::Or>;
    s->slots.inplace[binary_slot_index(BinaryOp::Subtract)] = set_inplace<BinaryOp::Subtract>;
    s->slots.inplace[binary_slot_index(BinaryOp::Xor)] = set_inplace<BinaryOp::Xor>;
    add_method(interp, s, "add", m_add);
    add_method(interp, s, "remove", m_remove);
    add_method(interp, s, "discard", m_discard);
    add_method(interp, s, "pop", m_pop);
    add_method(interp, s, "clear", m_clear);
    add_method(interp, s, "update", m_update);
    add_method(interp, s, "intersection_update", m_intersection_update);
    add_method(interp, s, "difference_update", m_difference_update);
    add_method(interp, s, "symmetric_difference_update", m_symmetric_difference_update);
    interp.types.set_iterator->slots.iter = iter_self;
    interp.types.set_iterator->slots.next = set_iter_next;
}

}  // namespace corio::py
