// type_class.cpp — user classes: type(name, bases, dict) / the class
// statement (C3 linearisation with CPython's errors, instance layout,
// __slots__, __set_name__, __init_subclass__), and the slot dispatchers
// that route the hot slots of a user class to its dunder methods,
// recomputed by update_slots when a dunder changes.
#include <algorithm>
#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

const char* binary_dunder_name(int index, int which);

Value call_special(Interp& interp, Value descr, Value self, const Value* args, std::size_t nargs) {
    Type* dt = interp.type_of(descr);
    if (dt->flags & kTypeMethodDescriptor) {
        Value buf[8];
        std::vector<Value> big;
        Value* all = buf;
        if (nargs + 1 > 8) {
            big.resize(nargs + 1);
            all = big.data();
        }
        all[0] = self;
        for (std::size_t i = 0; i < nargs; ++i) all[i + 1] = args[i];
        return call(interp, descr, all, nargs + 1);
    }
    if (dt->slots.descr_get) descr = dt->slots.descr_get(interp, descr, self, interp.type_of(self));
    return call(interp, descr, args, nargs);
}

Value call_dunder(Interp& interp, Value self, Str* name, const Value* args, std::size_t nargs) {
    Value f = type_lookup(interp, interp.type_of(self), name);
    if (!f) return Value();
    return call_special(interp, f, self, args, nargs);
}

namespace {

Value dunder0(Interp& interp, Value self, Str* name) {
    Value f = type_lookup(interp, interp.type_of(self), name);
    if (!f) raise_attribute_error(interp, self, name);
    return call_special(interp, f, self, nullptr, 0);
}
Value dunder1(Interp& interp, Value self, Str* name, Value arg) {
    Value f = type_lookup(interp, interp.type_of(self), name);
    if (!f) raise_attribute_error(interp, self, name);
    return call_special(interp, f, self, &arg, 1);
}

Value slot_repr(Interp& interp, Value self) { return dunder0(interp, self, interp.names.repr); }
Value slot_str(Interp& interp, Value self) { return dunder0(interp, self, interp.names.str); }
int64_t slot_hash(Interp& interp, Value self) {
    Value f = type_lookup(interp, interp.type_of(self), interp.names.hash);
    if (!f || f == interp.none) raise_type_error(interp, std::string("unhashable type: '") + std::string(type_name(interp, self)) + "'");
    Value r = call_special(interp, f, self, nullptr, 0);
    if (!is_int(interp, r)) raise_type_error(interp, "__hash__ method should return an integer");
    // As slot_tp_hash: the value itself when it fits a hash (str hashes
    // use all 64 bits), else the int's own hash.
    int64_t h;
    if (!int_to_i64(interp, r, h)) h = int_to_bigint(interp, r).hash();
    return h == -1 ? -2 : h;
}
Value slot_compare(Interp& interp, Value a, Value b, CompareOp op) {
    static constexpr Str* InternedNames::*kNames[] = {&InternedNames::lt, &InternedNames::le, &InternedNames::eq,
                                                      &InternedNames::ne, &InternedNames::gt, &InternedNames::ge};
    Value f = type_lookup(interp, interp.type_of(a), interp.names.*kNames[static_cast<int>(op)]);
    if (!f) return interp.not_implemented;
    return call_special(interp, f, a, &b, 1);
}
bool slot_truthy(Interp& interp, Value self) {
    Value f = type_lookup(interp, interp.type_of(self), interp.names.bool_);
    if (f) {
        Value r = call_special(interp, f, self, nullptr, 0);
        if (r == interp.true_) return true;
        if (r == interp.false_) return false;
        raise_type_error(interp, std::string("__bool__ should return bool, returned ") + std::string(type_name(interp, r)));
    }
    f = type_lookup(interp, interp.type_of(self), interp.names.len);
    if (!f) return true;
    Value r = call_special(interp, f, self, nullptr, 0);
    return index_i64(interp, r) != 0;
}
int64_t slot_len(Interp& interp, Value self) {
    Value r = dunder0(interp, self, interp.names.len);
    if (!is_int(interp, r) && !interp.type_of(r)->slots.index)
        raise_type_error(interp, std::string("'") + std::string(type_name(interp, r)) + "' object cannot be interpreted as an integer");
    int64_t n = index_i64(interp, r);
    if (n < 0) raise_value_error(interp, "__len__() should return >= 0");
    return n;
}
Value slot_iter(Interp& interp, Value self) {
    Value f = type_lookup(interp, interp.type_of(self), interp.names.iter);
    if (f == interp.none) raise_object_error(interp, self, "is not iterable");
    Value r = call_special(interp, f, self, nullptr, 0);
    if (!interp.type_of(r)->slots.next)
        raise_type_error(interp, std::string("iter() returned non-iterator of type '") + std::string(type_name(interp, r)) + "'");
    return r;
}
Value slot_next(Interp& interp, Value self) {
    Value f = type_lookup(interp, interp.type_of(self), interp.names.next);
    try {
        return call_special(interp, f, self, nullptr, 0);
    } catch (PyException& e) {
        if (exception_matches(interp, e.exc, interp.exc.StopIteration)) return Value();
        throw;
    }
}
Value slot_getitem(Interp& interp, Value self, Value key) { return dunder1(interp, self, interp.names.getitem, key); }
void slot_setitem(Interp& interp, Value self, Value key, Value value) {
    if (value) {
        Value args[2] = {key, value};
        Value f = type_lookup(interp, interp.type_of(self), interp.names.setitem);
        if (!f) raise_object_error(interp, self, "does not support item assignment");
        call_special(interp, f, self, args, 2);
    } else {
        Value f = type_lookup(interp, interp.type_of(self), interp.names.delitem);
        if (!f) raise_object_error(interp, self, "does not support item deletion");
        call_special(interp, f, self, &key, 1);
    }
}
bool slot_contains(Interp& interp, Value self, Value item) {
    Value f = type_lookup(interp, interp.type_of(self), interp.names.contains);
    if (f == interp.none) raise_object_error(interp, self, "is not a container");
    return truthy(interp, call_special(interp, f, self, &item, 1));
}
Value slot_call(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value f = type_lookup(interp, interp.type_of(self), interp.names.call);
    if (!f) raise_object_error(interp, self, "is not callable");
    Type* dt = interp.type_of(f);
    if (dt->flags & kTypeMethodDescriptor) {
        std::size_t total = nargs + (kwnames ? kwnames->size() : 0);
        std::vector<Value> all;
        all.reserve(total + 1);
        all.push_back(self);
        all.insert(all.end(), args, args + total);
        return call(interp, f, all.data(), nargs + 1, kwnames);
    }
    if (dt->slots.descr_get) f = dt->slots.descr_get(interp, f, self, interp.type_of(self));
    return call(interp, f, args, nargs, kwnames);
}
Value slot_getattr(Interp& interp, Value self, Str* name) {
    Type* t = interp.type_of(self);
    Value ga = type_lookup(interp, t, interp.names.getattribute);
    Value result;
    try {
        Value nv = name;
        if (ga && interp.type_of(ga) == interp.types.wrapper_descriptor &&
            static_cast<BuiltinFunction*>(ga.as_object())->owner == interp.types.object)
            result = generic_getattr(interp, self, name);
        else
            result = call_special(interp, ga, self, &nv, 1);
    } catch (PyException& e) {
        if (!exception_matches(interp, e.exc, interp.exc.AttributeError)) throw;
        Value getattr_fn = type_lookup(interp, t, interp.names.getattr);
        if (!getattr_fn) throw;
        Value nv = name;
        return call_special(interp, getattr_fn, self, &nv, 1);
    }
    if (result) return result;
    Value getattr_fn = type_lookup(interp, t, interp.names.getattr);
    if (!getattr_fn) return Value();
    Value nv = name;
    return call_special(interp, getattr_fn, self, &nv, 1);
}
void slot_setattr(Interp& interp, Value self, Str* name, Value value) {
    if (value) {
        Value args[2] = {name, value};
        call_special(interp, type_lookup(interp, interp.type_of(self), interp.names.setattr), self, args, 2);
    } else {
        Value nv = name;
        call_special(interp, type_lookup(interp, interp.type_of(self), interp.names.delattr), self, &nv, 1);
    }
}
Value slot_descr_get(Interp& interp, Value descr, Value obj, Type* owner) {
    Value args[2] = {obj ? obj : interp.none, Value(owner)};
    return call_special(interp, type_lookup(interp, interp.type_of(descr), interp.names.get), descr, args, 2);
}
void slot_descr_set(Interp& interp, Value descr, Value obj, Value value) {
    if (value) {
        Value args[2] = {obj, value};
        Value f = type_lookup(interp, interp.type_of(descr), interp.names.set);
        if (!f) raise_attribute_error(interp, descr, interp.names.set);
        call_special(interp, f, descr, args, 2);
    } else {
        Value f = type_lookup(interp, interp.type_of(descr), interp.names.delete_);
        if (!f) raise_attribute_error(interp, descr, interp.names.delete_);
        call_special(interp, f, descr, &obj, 1);
    }
}
Value slot_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value f = type_lookup(interp, cls, interp.names.new_);
    if (interp.type_of(f) == interp.types.staticmethod) f = static_cast<MethodWrapper*>(f.as_object())->func;
    std::size_t total = nargs + (kwnames ? kwnames->size() : 0);
    std::vector<Value> all;
    all.reserve(total + 1);
    all.push_back(cls);
    all.insert(all.end(), args, args + total);
    return call(interp, f, all.data(), nargs + 1, kwnames);
}
void slot_init(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value f = type_lookup(interp, interp.type_of(self), interp.names.init);
    Value r;
    Type* dt = interp.type_of(f);
    if (dt->flags & kTypeMethodDescriptor) {
        std::size_t total = nargs + (kwnames ? kwnames->size() : 0);
        Value buf[8];
        std::vector<Value> big;
        Value* all = buf;
        if (total + 1 > 8) {
            big.resize(total + 1);
            all = big.data();
        }
        all[0] = self;
        std::copy(args, args + total, all + 1);
        r = call(interp, f, all, nargs + 1, kwnames);
    } else {
        if (dt->slots.descr_get) f = dt->slots.descr_get(interp, f, self, interp.type_of(self));
        r = call(interp, f, args, nargs, kwnames);
    }
    if (r != interp.none)
        raise_type_error(interp, std::string("__init__() should return None, not '") + std::string(type_name(interp, r)) + "'");
}
template <Str* InternedNames::*Name>
Value slot_unary(Interp& interp, Value self) {
    return dunder0(interp, self, interp.names.*Name);
}

// CPython's SLOT1BINFULL: the left operand's __op__, or the right's __rop__
// (first when the right's type is a subclass overriding it).
template <int I>
Value slot_binary(Interp& interp, Value a, Value b) {
    Str* name = interp.intern(binary_dunder_name(I, 0));
    Str* rname = interp.intern(binary_dunder_name(I, 1));
    Type* ta = interp.type_of(a);
    Type* tb = interp.type_of(b);
    bool do_other = ta != tb && tb->slots.binary[I] == &slot_binary<I>;
    Value rf = do_other ? type_lookup(interp, tb, rname) : Value();
    if (do_other && !rf) do_other = false;
    if (ta->slots.binary[I] == &slot_binary<I>) {
        if (do_other && is_subtype(tb, ta) && rf != type_lookup(interp, ta, rname)) {
            Value r = call_special(interp, rf, b, &a, 1);
            if (r != interp.not_implemented) return r;
            do_other = false;
        }
        if (Value f = type_lookup(interp, ta, name)) {
            Value r = call_special(interp, f, a, &b, 1);
            if (r != interp.not_implemented || ta == tb) return r;
        }
    }
    if (do_other) return call_special(interp, rf, b, &a, 1);
    return interp.not_implemented;
}
template <int I>
Value slot_inplace(Interp& interp, Value a, Value b) {
    Value f = type_lookup(interp, interp.type_of(a), interp.intern(binary_dunder_name(I, 2)));
    if (!f) return interp.not_implemented;
    return call_special(interp, f, a, &b, 1);
}
Value slot_divmod(Interp& interp, Value a, Value b) {
    Type* ta = interp.type_of(a);
    Type* tb = interp.type_of(b);
    if (Value f = type_lookup(interp, ta, interp.names.divmod); f && ta->slots.divmod == slot_divmod) {
        Value r = call_special(interp, f, a, &b, 1);
        if (r != interp.not_implemented) return r;
    }
    if (ta != tb && tb->slots.divmod == slot_divmod)
        if (Value f = type_lookup(interp, tb, interp.names.rdivmod)) return call_special(interp, f, b, &a, 1);
    return interp.not_implemented;
}

// Which type along the MRO first defines one of `names`: its slot value
// (copied from a builtin type) or the dispatcher (a user class).
template <class Fn>
Fn pick_slot(Interp& interp, Type* type, std::initializer_list<const char*> names, Fn dispatcher,
             Fn TypeSlots::*member) {
    for (Value v : *type->mro) {
        Type* t = static_cast<Type*>(v.as_object());
        for (const char* n : names) {
            if (Value found = t->dict->get_str(interp.intern(n))) {
                if (!t->is_heap_type()) return t->slots.*member;
                return dispatcher;
            }
        }
    }
    return nullptr;
}

template <int... I>
void pick_binary_slots(Interp& interp, Type* type, std::integer_sequence<int, I...>) {
    auto one = [&](int i, BinaryFn disp, BinaryFn idisp) {
        type->slots.binary[i] = nullptr;
        type->slots.inplace[i] = nullptr;
        for (Value v : *type->mro) {
            Type* t = static_cast<Type*>(v.as_object());
            if (t->dict->get_str(interp.intern(binary_dunder_name(i, 0))) ||
                t->dict->get_str(interp.intern(binary_dunder_name(i, 1)))) {
                type->slots.binary[i] = t->is_heap_type() ? disp : t->slots.binary[i];
                break;
            }
        }
        for (Value v : *type->mro) {
            Type* t = static_cast<Type*>(v.as_object());
            if (t->dict->get_str(interp.intern(binary_dunder_name(i, 2)))) {
                type->slots.inplace[i] = t->is_heap_type() ? idisp : t->slots.inplace[i];
                break;
            }
        }
    };
    (one(I, &slot_binary<I>, &slot_inplace<I>), ...);
}

}  // namespace

void update_slots(Interp& interp, Type* type) {
    if (!type->is_heap_type()) return;
    TypeSlots& s = type->slots;
    s.repr = pick_slot<UnaryFn>(interp, type, {"__repr__"}, slot_repr, &TypeSlots::repr);
    s.str = pick_slot<UnaryFn>(interp, type, {"__str__"}, slot_str, &TypeSlots::str);
    s.hash = pick_slot<HashFn>(interp, type, {"__hash__"}, slot_hash, &TypeSlots::hash);
    if (Value h = type_lookup(interp, type, interp.names.hash); h == interp.none) s.hash = nullptr;
    s.compare = pick_slot<CompareFn>(interp, type, {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"},
                                     slot_compare, &TypeSlots::compare);
    s.truthy = pick_slot<BoolFn>(interp, type, {"__bool__"}, slot_truthy, &TypeSlots::truthy);
    if (!s.truthy || s.truthy != slot_truthy) {
        // A __len__ defined by a user class (and no __bool__) decides truth.
        BoolFn via_len = pick_slot<BoolFn>(interp, type, {"__len__"}, slot_truthy, &TypeSlots::truthy);
        if (via_len == slot_truthy && !pick_slot<BoolFn>(interp, type, {"__bool__"}, slot_truthy, &TypeSlots::truthy))
            s.truthy = slot_truthy;
    }
    s.len = pick_slot<LenFn>(interp, type, {"__len__"}, slot_len, &TypeSlots::len);
    s.iter = pick_slot<UnaryFn>(interp, type, {"__iter__"}, slot_iter, &TypeSlots::iter);
    s.next = pick_slot<NextFn>(interp, type, {"__next__"}, slot_next, &TypeSlots::next);
    s.getitem = pick_slot<BinaryFn>(interp, type, {"__getitem__"}, slot_getitem, &TypeSlots::getitem);
    s.setitem = pick_slot<SetItemFn>(interp, type, {"__setitem__", "__delitem__"}, slot_setitem, &TypeSlots::setitem);
    s.contains = pick_slot<ContainsFn>(interp, type, {"__contains__"}, slot_contains, &TypeSlots::contains);
    s.call = pick_slot<CallFn>(interp, type, {"__call__"}, slot_call, &TypeSlots::call);
    s.getattr = pick_slot<GetAttrFn>(interp, type, {"__getattribute__", "__getattr__"}, slot_getattr, &TypeSlots::getattr);
    if (type_lookup(interp, type, interp.names.getattr)) s.getattr = slot_getattr;
    s.setattr = pick_slot<SetAttrFn>(interp, type, {"__setattr__", "__delattr__"}, slot_setattr, &TypeSlots::setattr);
    s.descr_get = pick_slot<DescrGetFn>(interp, type, {"__get__"}, slot_descr_get, &TypeSlots::descr_get);
    s.descr_set = pick_slot<DescrSetFn>(interp, type, {"__set__", "__delete__"}, slot_descr_set, &TypeSlots::descr_set);
    s.new_ = pick_slot<NewFn>(interp, type, {"__new__"}, slot_new, &TypeSlots::new_);
    s.init = pick_slot<InitFn>(interp, type, {"__init__"}, slot_init, &TypeSlots::init);
    s.neg = pick_slot<UnaryFn>(interp, type, {"__neg__"}, slot_unary<&InternedNames::neg>, &TypeSlots::neg);
    s.pos = pick_slot<UnaryFn>(interp, type, {"__pos__"}, slot_unary<&InternedNames::pos>, &TypeSlots::pos);
    s.invert = pick_slot<UnaryFn>(interp, type, {"__invert__"}, slot_unary<&InternedNames::invert>, &TypeSlots::invert);
    s.abs = pick_slot<UnaryFn>(interp, type, {"__abs__"}, slot_unary<&InternedNames::abs>, &TypeSlots::abs);
    s.index = pick_slot<UnaryFn>(interp, type, {"__index__"}, slot_unary<&InternedNames::index>, &TypeSlots::index);
    s.to_int = pick_slot<UnaryFn>(interp, type, {"__int__"}, slot_unary<&InternedNames::int_>, &TypeSlots::to_int);
    s.to_float = pick_slot<UnaryFn>(interp, type, {"__float__"}, slot_unary<&InternedNames::float_>, &TypeSlots::to_float);
    s.divmod = pick_slot<BinaryFn>(interp, type, {"__divmod__", "__rdivmod__"}, slot_divmod, &TypeSlots::divmod);
    pick_binary_slots(interp, type, std::make_integer_sequence<int, kBinarySlotCount>{});
    if (type->subclasses)
        for (Value sub : *type->subclasses) update_slots(interp, static_cast<Type*>(sub.as_object()));
}

// ---------------------------------------------------------------------------
// Class creation.

namespace {

std::string base_names(const std::vector<Type*>& bases) {
    std::string out;
    for (std::size_t i = 0; i < bases.size(); ++i) {
        if (i) out += ", ";
        out += bases[i]->name->view();
    }
    return out;
}

// C3 linearisation (CPython's mro_internal / pmerge).
Tuple* compute_mro(Interp& interp, Type* type, const std::vector<Type*>& bases) {
    std::vector<std::vector<Type*>> seqs;
    for (Type* b : bases) {
        std::vector<Type*> seq;
        for (Value v : *b->mro) seq.push_back(static_cast<Type*>(v.as_object()));
        seqs.push_back(std::move(seq));
    }
    seqs.push_back(bases);
    std::vector<std::size_t> pos(seqs.size(), 0);
    std::vector<Type*> result{type};
    while (true) {
        bool empty = true;
        Type* candidate = nullptr;
        for (std::size_t i = 0; i < seqs.size(); ++i) {
            if (pos[i] >= seqs[i].size()) continue;
            empty = false;
            Type* head = seqs[i][pos[i]];
            bool in_tail = false;
            for (std::size_t j = 0; j < seqs.size() && !in_tail; ++j)
                for (std::size_t k = pos[j] + 1; k < seqs[j].size(); ++k)
                    if (seqs[j][k] == head) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail) {
                candidate = head;
                break;
            }
        }
        if (empty) break;
        if (!candidate) {
            // CPython names the bases still unmerged, in order, without repeats.
            std::vector<Type*> left;
            for (std::size_t i = 0; i + 1 < seqs.size(); ++i)
                if (pos[i] < seqs[i].size() && std::find(left.begin(), left.end(), seqs[i][pos[i]]) == left.end())
                    left.push_back(seqs[i][pos[i]]);
            raise_type_error(interp, std::string("Cannot create a consistent method resolution\norder (MRO) for bases ") + base_names(left));
        }
        result.push_back(candidate);
        for (std::size_t i = 0; i < seqs.size(); ++i)
            if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == candidate) ++pos[i];
    }
    Tuple* t = make_tuple(interp, result.size());
    for (std::size_t i = 0; i < result.size(); ++i) (*t)[i] = result[i];
    return t;
}

Type* solid_base_of(Interp& interp, const std::vector<Type*>& bases) {
    Type* winner = nullptr;
    for (Type* b : bases) {
        Type* s = b->solid_base;
        if (!winner || is_subtype(s, winner)) {
            winner = s;
        } else if (!is_subtype(winner, s)) {
            raise_type_error(interp, "multiple bases have instance lay-out conflict");
        }
    }
    return winner ? winner : interp.types.object;
}

}  // namespace

Type* new_class(Interp& interp, Type* metatype, Str* name, Tuple* bases_tuple, Dict* ns) {
    std::vector<Type*> bases;
    for (Value b : *bases_tuple) {
        if (!b.is_object() || !(interp.type_of(b)->flags & kTypeTypeSubclass))
            raise_type_error(interp, "bases must be types");
        Type* bt = static_cast<Type*>(b.as_object());
        if (!(bt->flags & kTypeBaseType))
            raise_type_error(interp, std::string("type '") + std::string(bt->name->view()) + "' is not an acceptable base type");
        if (std::find(bases.begin(), bases.end(), bt) != bases.end())
            raise_type_error(interp, std::string("duplicate base class ") + std::string(bt->name->view()));
        bases.push_back(bt);
    }
    if (bases.empty()) bases.push_back(interp.types.object);
    Type* solid = solid_base_of(interp, bases);

    Type* t = interp.heap.make<Type>(metatype);
    t->name = name;
    t->qualname = name;
    t->dict = dict_copy(interp, ns);
    t->dict->mark_type_dict();
    ++type_lookup_epoch;
    t->dict->set_type(interp.types.dict);
    if (Value q = t->dict->get_str(interp.names.qualname)) {
        if (Str* qs = as_str(interp, q)) t->qualname = qs;
        t->dict->remove(interp, interp.names.qualname);
    }
    t->module = t->dict->get_str(interp.names.module);
    Tuple* bt = make_tuple(interp, bases.size());
    for (std::size_t i = 0; i < bases.size(); ++i) (*bt)[i] = bases[i];
    t->bases = bt;
    t->base = bases[0];
    t->solid_base = solid;
    t->flags = kTypeHeap | kTypeBaseType;
    for (Type* b : bases)
        t->flags |= b->flags & (kTypeException | kTypeIntSubclass | kTypeStrSubclass | kTypeTupleSubclass |
                                kTypeListSubclass | kTypeDictSubclass | kTypeTypeSubclass);
    t->slots = solid->slots;
    t->instance_dict = solid->instance_dict ? solid->instance_dict : solid->subclass_instance_dict;
    t->subclass_instance_dict = solid->subclass_instance_dict;
    t->mro = compute_mro(interp, t, bases);
    ++type_lookup_epoch;

    if (Value slots = t->dict->get_str(interp.names.slots)) {
        List* names = is_str(interp, slots) ? make_list(interp, &slots, 1) : list_from_iterable(interp, slots);
        bool wants_dict = false;
        for (Value n : *names)
            if (Str* s = as_str(interp, n); s && s->view() == "__dict__") wants_dict = true;
        bool all_slotted = true;
        for (Value v : *t->mro) {
            Type* m = static_cast<Type*>(v.as_object());
            if (m != t && m->is_heap_type() && !(m->flags & kTypeHasSlots)) all_slotted = false;
        }
        if (!wants_dict && all_slotted) t->flags |= kTypeHasSlots;
        t->slot_names = make_tuple(interp, names->items(), names->size());
    }
    // __eq__ without __hash__ makes instances unhashable.
    if (t->dict->get_str(interp.names.eq) && !t->dict->get_str(interp.names.hash))
        t->dict->set_str(interp, interp.names.hash, interp.none);
    // __new__ is an implicit staticmethod; __init_subclass__ and
    // __class_getitem__ implicit classmethods.
    auto wrap = [&](Str* key, Type* wrapper) {
        Value f = t->dict->get_str(key);
        if (f && (interp.type_of(f)->flags & kTypeMethodDescriptor))
            t->dict->set_str(interp, key, interp.heap.make<MethodWrapper>(wrapper, f));
    };
    wrap(interp.names.new_, interp.types.staticmethod);
    wrap(interp.names.init_subclass, interp.types.classmethod);
    wrap(interp.names.class_getitem, interp.types.classmethod);
    if (Value cell = t->dict->get_str(interp.names.classcell)) {
        if (interp.type_of(cell) == interp.types.cell) static_cast<Cell*>(cell.as_object())->contents = t;
        t->dict->remove(interp, interp.names.classcell);
    }
    update_slots(interp, t);
    for (Type* b : bases) {
        if (!b->is_heap_type()) continue;
        if (!b->subclasses) b->subclasses = make_list(interp);
        b->subclasses->append(interp, t);
    }
    // __set_name__ on the attributes, then the parent's __init_subclass__.
    for (std::size_t i = 0; i < t->dict->entry_count(); ++i) {
        const Dict::Entry e = t->dict->entry(i);
        if (!e.key) continue;
        Value f = type_lookup(interp, interp.type_of(e.value), interp.names.set_name);
        if (!f) continue;
        Value args[2] = {t, e.key};
        call_special(interp, f, e.value, args, 2);
    }
    Value sup = make_super(interp, t, t);
    Value init_sub = getattr(interp, sup, interp.names.init_subclass);
    call(interp, init_sub, nullptr, 0);
    return t;
}

}  // namespace corio::py
