// dict_type.cpp — the dict type: slots (repr, ==, d[k] with __missing__,
// |, |=), methods, the keys/values/items views (set operations on keys and
// items) and the dict iterators (which detect size changes).
#include <algorithm>
#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/set.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {

Dict* self_dict(Value v) { return static_cast<Dict*>(v.as_object()); }

// A view or an iterator over a dict: which part, and the position.
class DictView : public Object {
public:
    DictView(Type* type, Dict* d) noexcept : Object(type), dict(d) {}
    void trace(Tracer& tracer) override { tracer.visit(dict); }
    Dict* dict;
    std::size_t pos = 0;
    std::size_t size_at_start = 0;
    bool reverse = false;
};

DictView* self_view(Value v) { return static_cast<DictView*>(v.as_object()); }

}  // namespace

Dict* dict_copy(Interp& interp, Dict* src) {
    Dict* d = make_dict(interp);
    for (std::size_t i = 0; i < src->entry_count(); ++i) {
        const Dict::Entry& e = src->entry(i);
        if (e.key) d->set(interp, e.key, e.hash, e.value);
    }
    return d;
}

void dict_update(Interp& interp, Dict* dict, Value other) {
    if (is_dict(interp, other) && interp.type_of(other)->slots.iter == interp.types.dict->slots.iter) {
        Dict* src = self_dict(other);
        for (std::size_t i = 0; i < src->entry_count(); ++i) {
            const Dict::Entry e = src->entry(i);
            if (e.key) dict->set(interp, e.key, e.hash, e.value);
        }
        return;
    }
    if (Value keys = getattr_opt(interp, other, interp.names.keys)) {
        Value ks = call(interp, keys, {});
        Value it = iter(interp, ks);
        while (Value k = iter_next(interp, it)) dict->set(interp, k, getitem(interp, other, k));
        return;
    }
    Value it = iter(interp, other);
    std::size_t n = 0;
    while (Value item = iter_next(interp, it)) {
        List* pair;
        try {
            pair = list_from_iterable(interp, item);
        } catch (PyException& e) {
            if (!exception_matches(interp, e.exc, interp.exc.TypeError)) throw;
            raise_type_error(interp, std::string("cannot convert dictionary update sequence element #") + std::to_string(n) +
                                         " to a sequence");
        }
        if (pair->size() != 2)
            raise_value_error(interp, std::string("dictionary update sequence element #") + std::to_string(n) + " has length " +
                                          std::to_string(pair->size()) + "; 2 is required");
        dict->set(interp, (*pair)[0], (*pair)[1]);
        ++n;
    }
}

namespace {

Value dict_repr(Interp& interp, Value self) {
    Dict* d = self_dict(self);
    if (d->size() == 0) return make_str(interp, "{}");
    static thread_local std::vector<Dict*> active;
    if (std::find(active.begin(), active.end(), d) != active.end()) return make_str(interp, "{...}");
    active.push_back(d);
    std::string out = "{";
    try {
        bool first = true;
        for (std::size_t i = 0; i < d->entry_count(); ++i) {
            const Dict::Entry e = d->entry(i);
            if (!e.key) continue;
            if (!first) out += ", ";
            first = false;
            out += repr_utf8(interp, e.key);
            out += ": ";
            out += repr_utf8(interp, e.value);
        }
    } catch (...) {
        active.pop_back();
        throw;
    }
    active.pop_back();
    out += '}';
    return make_str(interp, out);
}

Value dict_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (!is_dict(interp, b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return interp.not_implemented;
    Dict* x = self_dict(a);
    Dict* y = self_dict(b);
    bool equal = x->size() == y->size();
    for (std::size_t i = 0; equal && i < x->entry_count(); ++i) {
        const Dict::Entry e = x->entry(i);
        if (!e.key) continue;
        Value other = y->get(interp, e.key, e.hash);
        if (!other || !eq(interp, e.value, other)) equal = false;
    }
    return interp.boolean(op == CompareOp::Eq ? equal : !equal);
}

int64_t dict_len(Interp&, Value self) { return static_cast<int64_t>(self_dict(self)->size()); }

Value dict_getitem(Interp& interp, Value self, Value key) {
    Dict* d = self_dict(self);
    if (Value v = d->get(interp, key)) return v;
    if (d->type() != interp.types.dict)
        if (Value r = call_dunder(interp, self, interp.names.missing, &key, 1)) return r;
    raise_key_error(interp, key);
}

void dict_setitem(Interp& interp, Value self, Value key, Value value) {
    Dict* d = self_dict(self);
    if (value) d->set(interp, key, value);
    else if (!d->remove(interp, key)) raise_key_error(interp, key);
}

bool dict_contains(Interp& interp, Value self, Value key) { return static_cast<bool>(self_dict(self)->get(interp, key)); }

Value make_view(Interp& interp, Type* type, Dict* d) {
    auto* v = interp.heap.make<DictView>(type, d);
    v->size_at_start = d->size();
    return v;
}

Value dict_iter(Interp& interp, Value self) { return make_view(interp, interp.types.dict_keyiterator, self_dict(self)); }

Value dict_or(Interp& interp, Value a, Value b) {
    if (!is_dict(interp, a) || !is_dict(interp, b)) return interp.not_implemented;
    Dict* r = dict_copy(interp, self_dict(a));
    dict_update(interp, r, b);
    return r;
}

Value dict_ior(Interp& interp, Value a, Value b) {
    dict_update(interp, self_dict(a), b);
    return a;
}

void dict_init(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (nargs > 1) raise_type_error(interp, std::string("dict expected at most 1 argument, got ") + std::to_string(nargs));
    Dict* d = self_dict(self);
    if (nargs == 1) dict_update(interp, d, args[0]);
    if (kwnames)
        for (std::size_t k = 0; k < kwnames->size(); ++k) d->set(interp, (*kwnames)[k], args[nargs + k]);
}

Value dict_new(Interp& interp, Type* cls, const Value*, std::size_t, Tuple*) { return make_instance<Dict>(interp, cls); }

// methods

Value m_keys(Interp& interp, const CallArgs& a) { check_nargs(interp, a, "keys", 1, 1); return make_view(interp, interp.types.dict_keys, self_dict(a[0])); }
Value m_values(Interp& interp, const CallArgs& a) { check_nargs(interp, a, "values", 1, 1); return make_view(interp, interp.types.dict_values, self_dict(a[0])); }
Value m_items(Interp& interp, const CallArgs& a) { check_nargs(interp, a, "items", 1, 1); return make_view(interp, interp.types.dict_items, self_dict(a[0])); }

Value m_get(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "get", 2, 3);
    Value v = self_dict(a[0])->get(interp, a[1]);
    return v ? v : (a.nargs > 2 ? a[2] : interp.none);
}
Value m_setdefault(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "setdefault", 2, 3);
    return self_dict(a[0])->set_default(interp, a[1], a.nargs > 2 ? a[2] : interp.none);
}
Value m_pop(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "pop", 2, 3);
    Value v = self_dict(a[0])->pop(interp, a[1]);
    if (v) return v;
    if (a.nargs > 2) return a[2];
    raise_key_error(interp, a[1]);
}
Value m_popitem(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "popitem", 1, 1);
    Dict* d = self_dict(a[0]);
    for (std::size_t i = d->entry_count(); i-- > 0;) {
        const Dict::Entry e = d->entry(i);
        if (!e.key) continue;
        d->pop(interp, e.key);
        return make_tuple(interp, {e.key, e.value});
    }
    raise(interp, interp.exc.KeyError, "popitem(): dictionary is empty");
}
Value m_update(Interp& interp, const CallArgs& a) {
    if (a.nargs > 2) raise_type_error(interp, std::string("update expected at most 1 argument, got ") + std::to_string(a.nargs - 1));
    Dict* d = self_dict(a[0]);
    if (a.nargs == 2) dict_update(interp, d, a[1]);
    for (std::size_t k = 0; k < a.kwcount(); ++k) d->set(interp, (*a.kwnames)[k], a.args[a.nargs + k]);
    return interp.none;
}
Value m_clear(Interp& interp, const CallArgs& a) { check_nargs(interp, a, "clear", 1, 1); self_dict(a[0])->clear(); return interp.none; }
Value m_copy(Interp& interp, const CallArgs& a) { check_nargs(interp, a, "copy", 1, 1); return dict_copy(interp, self_dict(a[0])); }
Value m_fromkeys(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "fromkeys", 2, 3);
    Value d = call(interp, a[0], {});
    Value v = a.nargs > 2 ? a[2] : interp.none;
    Value it = iter(interp, a[1]);
    while (Value k = iter_next(interp, it)) setitem(interp, d, k, v);
    return d;
}
Value m_reversed(Interp& interp, const CallArgs& a) {
    auto* v = static_cast<DictView*>(make_view(interp, interp.types.dict_reversekeyiterator, self_dict(a[0])).as_object());
    v->pos = v->dict->entry_count();
    v->reverse = true;
    return v;
}

// views and iterators

enum class Part { Keys, Values, Items };

Part part_of(Interp& interp, Type* t) {
    if (t == interp.types.dict_values || t == interp.types.dict_valueiterator) return Part::Values;
    if (t == interp.types.dict_items || t == interp.types.dict_itemiterator) return Part::Items;
    return Part::Keys;
}

Value iter_next_slot(Interp& interp, Value self) {
    DictView* v = self_view(self);
    Dict* d = v->dict;
    if (!d) return Value();
    if (d->size() != v->size_at_start) {
        v->size_at_start = static_cast<std::size_t>(-1);
        raise_runtime_error(interp, "dictionary changed size during iteration");
    }
    Part part = part_of(interp, v->type());
    while (v->reverse ? v->pos > 0 : v->pos < d->entry_count()) {
        const Dict::Entry& e = d->entry(v->reverse ? --v->pos : v->pos++);
        if (!e.key) continue;
        if (part == Part::Keys) return e.key;
        if (part == Part::Values) return e.value;
        return make_tuple(interp, {e.key, e.value});
    }
    v->dict = nullptr;
    return Value();
}

Value iter_self(Interp&, Value self) { return self; }

int64_t view_len(Interp&, Value self) { return static_cast<int64_t>(self_view(self)->dict->size()); }

Value view_iter(Interp& interp, Value self) {
    DictView* v = self_view(self);
    Part part = part_of(interp, v->type());
    Type* it = part == Part::Keys ? interp.types.dict_keyiterator
               : part == Part::Values ? interp.types.dict_valueiterator : interp.types.dict_itemiterator;
    return make_view(interp, it, v->dict);
}

bool view_contains(Interp& interp, Value self, Value item) {
    DictView* v = self_view(self);
    Part part = part_of(interp, v->type());
    if (part == Part::Keys) return static_cast<bool>(v->dict->get(interp, item));
    if (part == Part::Items) {
        if (!is_tuple(interp, item) || static_cast<Tuple*>(item.as_object())->size() != 2) return false;
        Tuple* t = static_cast<Tuple*>(item.as_object());
        Value found = v->dict->get(interp, (*t)[0]);
        return found && eq(interp, found, (*t)[1]);
    }
    Value it = view_iter(interp, self);
    while (Value x = iter_next(interp, it))
        if (eq(interp, x, item)) return true;
    return false;
}

Value view_repr(Interp& interp, Value self) {
    DictView* v = self_view(self);
    List* l = list_from_iterable(interp, self);
    (void)v;
    return make_str(interp, std::string(type_name(interp, self)) + "(" + repr_utf8(interp, l) + ")");
}

Set* set_of(Interp& interp, Value v) {
    Set* s = make_set(interp);
    s->update_from(interp, v);
    return s;
}

template <BinaryOp Op>
Value view_setop(Interp& interp, Value a, Value b) {
    auto is_view = [&](Value v) {
        Type* t = interp.type_of(v);
        return t == interp.types.dict_keys || t == interp.types.dict_items;
    };
    if (!is_view(a) && !is_view(b)) return interp.not_implemented;
    Set* x = set_of(interp, a);
    Value other = b;
    Str* name = Op == BinaryOp::And ? interp.intern("intersection_update")
                : Op == BinaryOp::Or ? interp.intern("update")
                : Op == BinaryOp::Subtract ? interp.intern("difference_update")
                                           : interp.intern("symmetric_difference_update");
    call_method(interp, x, name, {other});
    return x;
}

Value view_compare(Interp& interp, Value a, Value b, CompareOp op) {
    Type* t = interp.type_of(a);
    if (t == interp.types.dict_values) return interp.not_implemented;
    Type* tb = interp.type_of(b);
    if (!(tb == interp.types.dict_keys || tb == interp.types.dict_items || is_anyset(interp, b))) return interp.not_implemented;
    return compare(interp, set_of(interp, a), is_anyset(interp, b) ? b : Value(set_of(interp, b)), op);
}

Value view_mapping(Interp& interp, Object* self, int) {
    (void)interp;
    return static_cast<DictView*>(self)->dict;
}

}  // namespace

void init_dict_type(Interp& interp) {
    Type* t = interp.types.dict;
    t->slots.repr = dict_repr;
    t->slots.compare = dict_compare;
    t->slots.len = dict_len;
    t->slots.getitem = dict_getitem;
    t->slots.setitem = dict_setitem;
    t->slots.contains = dict_contains;
    t->slots.iter = dict_iter;
    t->slots.binary[binary_slot_index(BinaryOp::Or)] = dict_or;
    t->slots.inplace[binary_slot_index(BinaryOp::Or)] = dict_ior;
    t->slots.init = dict_init;
    t->slots.new_ = dict_new;
    t->subclass_instance_dict = Subclassed<Dict>::dict_of;
    add_method(interp, t, "keys", m_keys);
    add_method(interp, t, "values", m_values);
    add_method(interp, t, "items", m_items);
    add_method(interp, t, "get", m_get);
    add_method(interp, t, "setdefault", m_setdefault);
    add_method(interp, t, "pop", m_pop);
    add_method(interp, t, "popitem", m_popitem);
    add_method(interp, t, "update", m_update);
    add_method(interp, t, "clear", m_clear);
    add_method(interp, t, "copy", m_copy);
    add_method(interp, t, "fromkeys", m_fromkeys, NativeKind::ClassMethod);
    add_method(interp, t, "__reversed__", m_reversed);
    for (Type* it : {interp.types.dict_keyiterator, interp.types.dict_valueiterator, interp.types.dict_itemiterator,
                     interp.types.dict_reversekeyiterator}) {
        it->slots.iter = iter_self;
        it->slots.next = iter_next_slot;
    }
    for (Type* v : {interp.types.dict_keys, interp.types.dict_values, interp.types.dict_items}) {
        v->slots.len = view_len;
        v->slots.iter = view_iter;
        v->slots.contains = view_contains;
        v->slots.repr = view_repr;
        v->slots.compare = view_compare;
        add_member(interp, v, "mapping", view_mapping, nullptr);
    }
    for (Type* v : {interp.types.dict_keys, interp.types.dict_items}) {
        v->slots.binary[binary_slot_index(BinaryOp::And)] = view_setop<BinaryOp::And>;
        v->slots.binary[binary_slot_index(BinaryOp::Or)] = view_setop<BinaryOp::Or>;
        v->slots.binary[binary_slot_index(BinaryOp::Subtract)] = view_setop<BinaryOp::Subtract>;
        v->slots.binary[binary_slot_index(BinaryOp::Xor)] = view_setop<BinaryOp::Xor>;
    }
}

}  // namespace corio::py
