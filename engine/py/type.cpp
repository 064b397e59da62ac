// type.cpp — type objects: builtin type creation with slot wrappers in the
// dict, attribute lookup along the MRO, the generic (object) attribute
// protocol, and instance dicts. Class creation and the user-class slot
// dispatchers: type_class.cpp; the `type` and `object` types: type_object.cpp.
#include "py/type.hpp"

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"

namespace corio::py {

std::size_t CallArgs::kwcount() const noexcept { return kwnames ? kwnames->size() : 0; }

void trace_dict_pointer(Tracer& tracer, Dict* dict) { tracer.visit(dict); }

void Type::trace(Tracer& tracer) {
    tracer.visit(name);
    tracer.visit(qualname);
    tracer.visit(module);
    tracer.visit(bases);
    tracer.visit(mro);
    tracer.visit(dict);
    tracer.visit(base);
    tracer.visit(solid_base);
    tracer.visit(slot_names);
    tracer.visit(subclasses);
}

void Instance::trace(Tracer& tracer) { tracer.visit(dict); }

std::string_view type_name(Interp& interp, Value v) { return interp.type_of(v)->name->view(); }

bool is_subtype(const Type* type, const Type* base) noexcept {
    if (type == base) return true;
    if (!type->mro) {  // during bootstrap
        for (const Type* t = type; t; t = t->base)
            if (t == base) return true;
        return false;
    }
    for (Value v : *type->mro)
        if (v.as_object() == base) return true;
    return false;
}

namespace {

Value lookup_in_mro(Type* type, Str* name) {
    if (!type->mro) return type->dict ? type->dict->get_str(name) : Value();
    const Tuple& mro = *type->mro;
    for (std::size_t i = 0; i < mro.size(); ++i) {
        Type* t = static_cast<Type*>(mro[i].as_object());
        if (Value v = t->dict->get_str(name)) return v;
    }
    return Value();
}

// The attribute lookup cache (CPython's method cache, with one global
// version instead of per-type tags): (type, interned name) -> what the MRO
// walk found, or nothing. An entry holds for one type_lookup_epoch; any
// change to a type's dict or MRO, and every new type, starts a new one
// (so a freed type's address, reused, never hits an old entry). Only
// interned names: they live for ever, so their address is their identity.
struct LookupCacheEntry {
    const Type* type = nullptr;
    const Str* name = nullptr;
    uint64_t epoch = 0;
    Value value;
};
constexpr unsigned kLookupCacheBits = 12;
LookupCacheEntry g_lookup_cache[std::size_t{1} << kLookupCacheBits];

}  // namespace

Value type_lookup(Interp& interp, Type* type, Str* name) {
    (void)interp;
    if (!name->is_interned()) return lookup_in_mro(type, name);
    const uint64_t key = (reinterpret_cast<uintptr_t>(type) >> 4) ^ (reinterpret_cast<uintptr_t>(name) >> 3);
    LookupCacheEntry& e = g_lookup_cache[(key * 0x9E3779B97F4A7C15ull) >> (64 - kLookupCacheBits)];
    if (e.type == type && e.name == name && e.epoch == type_lookup_epoch) return e.value;
    Value v = lookup_in_mro(type, name);
    e.type = type;
    e.name = name;
    e.epoch = type_lookup_epoch;
    e.value = v;
    return v;
}

void type_modified(Interp&, Type*) { ++type_lookup_epoch; }

Dict* instance_dict(Interp& interp, Value obj, bool create) {
    if (!obj.is_object()) return nullptr;
    Type* t = obj.as_object()->type();
    if (!t->instance_dict) return nullptr;
    Dict** slot = t->instance_dict(obj.as_object());
    if (!*slot && create) *slot = make_dict(interp);
    return *slot;
}

Value generic_getattr(Interp& interp, Value obj, Str* name) {
    Type* type = interp.type_of(obj);
    Value descr = type_lookup(interp, type, name);
    DescrGetFn get = nullptr;
    if (descr) {
        Type* dt = interp.type_of(descr);
        get = dt->slots.descr_get;
        if (get && dt->slots.descr_set) return get(interp, descr, obj, type);
    }
    if (type->instance_dict) {
        Dict* d = *type->instance_dict(obj.as_object());
        if (d)
            if (Value v = d->get_str(name)) return v;
        if (name == interp.names.dict) {
            if (!d) d = instance_dict(interp, obj, true);
            return d;
        }
    }
    if (get) return get(interp, descr, obj, type);
    if (descr) return descr;
    return Value();
}

void generic_setattr(Interp& interp, Value obj, Str* name, Value value) {
    Type* type = interp.type_of(obj);
    Value descr = type_lookup(interp, type, name);
    if (descr) {
        Type* dt = interp.type_of(descr);
        if (dt->slots.descr_set) {
            dt->slots.descr_set(interp, descr, obj, value);
            return;
        }
    }
    bool slot_ok = !(type->flags & kTypeHasSlots);
    if (!slot_ok)  // __slots__: only the declared names
        for (Value m : *type->mro)
            if (Tuple* names = static_cast<Type*>(m.as_object())->slot_names)
                for (Value n : *names)
                    if (Str* sn = as_str(interp, n); sn && str_equal(sn, name)) slot_ok = true;
    if (!type->instance_dict || !slot_ok) {
        if (!descr) {
            if (value) raise_attribute_error(interp, obj, name);
        }
        if (!type->instance_dict) {
            if (descr)
                raise(interp, interp.exc.AttributeError,
                      std::string("'") + std::string(type->name->view()) + "' object attribute '" + std::string(name->view()) +
                          "' is read-only");
            raise_attribute_error(interp, obj, name);
        }
        raise_attribute_error(interp, obj, name);
    }
    if (name == interp.names.dict) {
        if (!is_dict(interp, value)) raise_type_error(interp, std::string("__dict__ must be set to a dictionary, not a '") + std::string(type_name(interp, value)) + "'");
        *type->instance_dict(obj.as_object()) = static_cast<Dict*>(value.as_object());
        return;
    }
    Dict* d = instance_dict(interp, obj, static_cast<bool>(value));
    if (value) {
        d->set_str(interp, name, value);
        return;
    }
    if (!d || !d->remove(interp, name)) raise_attribute_error(interp, obj, name);
}

// ---------------------------------------------------------------------------
// Builtin types and their slot wrappers.

Type* new_builtin_type(Interp& interp, std::string_view name, Type* base, uint32_t flags) {
    Type* t = interp.heap.make<Type>(interp.types.type);
    Heap::make_permanent(t);
    if (!base) base = interp.types.object;
    t->name = interp.intern(name);
    t->qualname = t->name;
    t->dict = make_dict(interp);
    t->dict->mark_type_dict();
    ++type_lookup_epoch;
    t->base = base;
    t->flags = flags | (base->flags & (kTypeException | kTypeIntSubclass | kTypeStrSubclass | kTypeTupleSubclass |
                                       kTypeListSubclass | kTypeDictSubclass | kTypeTypeSubclass));
    t->solid_base = t;
    t->slots = base->slots;
    t->instance_dict = base->instance_dict;
    t->subclass_instance_dict = base->subclass_instance_dict;
    t->bases = make_tuple(interp, {Value(base)});
    return t;
}

namespace {

bool check_arity(Interp& interp, const CallArgs& a, std::size_t n) {
    if (a.kwcount()) raise_type_error(interp, std::string(a.fn->name->view()) + "() takes no keyword arguments");
    if (a.nargs != n)
        raise_type_error(interp, std::string("expected ") + std::to_string(n - 1) + " argument" + (n == 2 ? "" : "s") + ", got " +
                                     std::to_string(a.nargs - 1));
    return true;
}

const TypeSlots& owner_slots(const CallArgs& a) { return a.fn->owner->slots; }

template <int I>
Value wrap_binary(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 2);
    return owner_slots(a).binary[I](interp, a[0], a[1]);
}
template <int I>
Value wrap_rbinary(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 2);
    return owner_slots(a).binary[I](interp, a[1], a[0]);
}
template <int I>
Value wrap_inplace(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 2);
    return owner_slots(a).inplace[I](interp, a[0], a[1]);
}
template <CompareOp Op>
Value wrap_compare(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 2);
    return owner_slots(a).compare(interp, a[0], a[1], Op);
}

Value wrap_repr(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).repr(interp, a[0]); }
Value wrap_str(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).str(interp, a[0]); }
Value wrap_hash(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 1);
    return make_int(interp, owner_slots(a).hash(interp, a[0]));
}
Value wrap_bool(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return interp.boolean(owner_slots(a).truthy(interp, a[0])); }
Value wrap_len(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return Value::small_int(owner_slots(a).len(interp, a[0])); }
Value wrap_iter(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).iter(interp, a[0]); }
Value wrap_next(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 1);
    Value v = owner_slots(a).next(interp, a[0]);
    if (!v) raise_stop_iteration(interp, Value());
    return v;
}
Value wrap_getitem(Interp& interp, const CallArgs& a) { check_arity(interp, a, 2); return owner_slots(a).getitem(interp, a[0], a[1]); }
Value wrap_setitem(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 3);
    owner_slots(a).setitem(interp, a[0], a[1], a[2]);
    return interp.none;
}
Value wrap_delitem(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 2);
    owner_slots(a).setitem(interp, a[0], a[1], Value());
    return interp.none;
}
Value wrap_contains(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 2);
    return interp.boolean(owner_slots(a).contains(interp, a[0], a[1]));
}
Value wrap_call(Interp& interp, const CallArgs& a) {
    return owner_slots(a).call(interp, a[0], a.args + 1, a.nargs - 1, a.kwnames);
}
Value wrap_getattribute(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 2);
    Str* name = as_str(interp, a[1]);
    if (!name) raise_type_error(interp, std::string("attribute name must be string, not '") + std::string(type_name(interp, a[1])) + "'");
    Value v = owner_slots(a).getattr(interp, a[0], name);
    if (!v) raise_attribute_error(interp, a[0], name);
    return v;
}
Value wrap_setattr(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 3);
    Str* name = as_str(interp, a[1]);
    if (!name) raise_type_error(interp, std::string("attribute name must be string, not '") + std::string(type_name(interp, a[1])) + "'");
    owner_slots(a).setattr(interp, a[0], name, a[2]);
    return interp.none;
}
Value wrap_delattr(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 2);
    Str* name = as_str(interp, a[1]);
    if (!name) raise_type_error(interp, std::string("attribute name must be string, not '") + std::string(type_name(interp, a[1])) + "'");
    owner_slots(a).setattr(interp, a[0], name, Value());
    return interp.none;
}
Value wrap_get(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__get__", 2, 3);
    Value obj = a[1] == interp.none ? Value() : a[1];
    Value owner = a.nargs > 2 ? a[2] : Value();
    Type* ot = owner && owner != interp.none ? static_cast<Type*>(owner.as_object()) : interp.type_of(a[1]);
    return owner_slots(a).descr_get(interp, a[0], obj, ot);
}
Value wrap_set(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 3);
    owner_slots(a).descr_set(interp, a[0], a[1], a[2]);
    return interp.none;
}
Value wrap_delete(Interp& interp, const CallArgs& a) {
    check_arity(interp, a, 2);
    owner_slots(a).descr_set(interp, a[0], a[1], Value());
    return interp.none;
}
Value wrap_new(Interp& interp, const CallArgs& a) {
    if (a.nargs < 1) raise_type_error(interp, std::string(a.fn->owner->name->view()) + ".__new__(): not enough arguments");
    Value cls = a[0];
    if (!cls.is_object() || !(interp.type_of(cls)->flags & kTypeTypeSubclass))
        raise_type_error(interp, std::string(a.fn->owner->name->view()) + ".__new__(X): X is not a type object (" +
                                     std::string(type_name(interp, cls)) + ")");
    Type* t = static_cast<Type*>(cls.as_object());
    if (!is_subtype(t, a.fn->owner))
        raise_type_error(interp, std::string(a.fn->owner->name->view()) + ".__new__(" + std::string(t->name->view()) +
                                     "): " + std::string(t->name->view()) + " is not a subtype of " +
                                     std::string(a.fn->owner->name->view()));
    return owner_slots(a).new_(interp, t, a.args + 1, a.nargs - 1, a.kwnames);
}
Value wrap_init(Interp& interp, const CallArgs& a) {
    owner_slots(a).init(interp, a[0], a.args + 1, a.nargs - 1, a.kwnames);
    return interp.none;
}
Value wrap_neg(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).neg(interp, a[0]); }
Value wrap_pos(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).pos(interp, a[0]); }
Value wrap_invert(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).invert(interp, a[0]); }
Value wrap_abs(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).abs(interp, a[0]); }
Value wrap_index(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).index(interp, a[0]); }
Value wrap_int(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).to_int(interp, a[0]); }
Value wrap_float(Interp& interp, const CallArgs& a) { check_arity(interp, a, 1); return owner_slots(a).to_float(interp, a[0]); }
Value wrap_divmod(Interp& interp, const CallArgs& a) { check_arity(interp, a, 2); return owner_slots(a).divmod(interp, a[0], a[1]); }
Value wrap_rdivmod(Interp& interp, const CallArgs& a) { check_arity(interp, a, 2); return owner_slots(a).divmod(interp, a[1], a[0]); }

struct BinaryNames {
    const char* name;
    const char* rname;
    const char* iname;
};
// Indexed by BinaryOp (Add .. Xor).
constexpr BinaryNames kBinaryNames[kBinarySlotCount] = {
    {"__add__", "__radd__", "__iadd__"},          {"__and__", "__rand__", "__iand__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"}, {"__mul__", "__rmul__", "__imul__"},
    {"__mod__", "__rmod__", "__imod__"},          {"__or__", "__ror__", "__ior__"},
    {"__pow__", "__rpow__", "__ipow__"},          {"__rshift__", "__rrshift__", "__irshift__"},
    {"__sub__", "__rsub__", "__isub__"},          {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__xor__", "__rxor__", "__ixor__"},
};

template <int... I>
void add_binary_wrappers(Interp& interp, Type* t, const Type* base, std::integer_sequence<int, I...>) {
    auto add_wrapper = [&](Type* type, const char* name, NativeFn fn) {
        add_method(interp, type, name, fn)->set_type(interp.types.wrapper_descriptor);
    };
    auto one = [&](auto fn, auto rfn, auto ifn, int i) {
        if (t->slots.binary[i] && (!base || base->slots.binary[i] != t->slots.binary[i])) {
            add_wrapper(t, kBinaryNames[i].name, fn);
            add_wrapper(t, kBinaryNames[i].rname, rfn);
        }
        if (t->slots.inplace[i] && (!base || base->slots.inplace[i] != t->slots.inplace[i]))
            add_wrapper(t, kBinaryNames[i].iname, ifn);
    };
    (one(&wrap_binary<I>, &wrap_rbinary<I>, &wrap_inplace<I>, I), ...);
}

void add_wrapper(Interp& interp, Type* t, const char* name, NativeFn fn) {
    add_method(interp, t, name, fn)->set_type(interp.types.wrapper_descriptor);
}

}  // namespace

const char* binary_dunder_name(int index, int which) {
    const BinaryNames& n = kBinaryNames[index];
    return which == 0 ? n.name : which == 1 ? n.rname : n.iname;
}

void finish_builtin_type(Interp& interp, Type* t) {
    Type* base = t == interp.types.object ? nullptr : t->base;
    const TypeSlots* bs = base ? &base->slots : nullptr;
    const TypeSlots& s = t->slots;
    auto differs = [&](auto member) { return (s.*member) && (!bs || bs->*member != s.*member); };
    if (differs(&TypeSlots::repr)) add_wrapper(interp, t, "__repr__", wrap_repr);
    if (differs(&TypeSlots::str)) add_wrapper(interp, t, "__str__", wrap_str);
    if (differs(&TypeSlots::hash)) add_wrapper(interp, t, "__hash__", wrap_hash);
    if (!s.hash && bs && bs->hash) t->dict->set_str(interp, interp.names.hash, interp.none);
    if (differs(&TypeSlots::compare)) {
        add_wrapper(interp, t, "__eq__", wrap_compare<CompareOp::Eq>);
        add_wrapper(interp, t, "__ne__", wrap_compare<CompareOp::Ne>);
        add_wrapper(interp, t, "__lt__", wrap_compare<CompareOp::Lt>);
        add_wrapper(interp, t, "__le__", wrap_compare<CompareOp::Le>);
        add_wrapper(interp, t, "__gt__", wrap_compare<CompareOp::Gt>);
        add_wrapper(interp, t, "__ge__", wrap_compare<CompareOp::Ge>);
    }
    if (differs(&TypeSlots::truthy)) add_wrapper(interp, t, "__bool__", wrap_bool);
    if (differs(&TypeSlots::len)) add_wrapper(interp, t, "__len__", wrap_len);
    if (differs(&TypeSlots::iter)) add_wrapper(interp, t, "__iter__", wrap_iter);
    if (differs(&TypeSlots::next)) add_wrapper(interp, t, "__next__", wrap_next);
    if (differs(&TypeSlots::getitem)) add_wrapper(interp, t, "__getitem__", wrap_getitem);
    if (differs(&TypeSlots::setitem)) {
        add_wrapper(interp, t, "__setitem__", wrap_setitem);
        add_wrapper(interp, t, "__delitem__", wrap_delitem);
    }
    if (differs(&TypeSlots::contains)) add_wrapper(interp, t, "__contains__", wrap_contains);
    if (differs(&TypeSlots::call)) add_wrapper(interp, t, "__call__", wrap_call);
    if (differs(&TypeSlots::getattr)) add_wrapper(interp, t, "__getattribute__", wrap_getattribute);
    if (differs(&TypeSlots::setattr)) {
        add_wrapper(interp, t, "__setattr__", wrap_setattr);
        add_wrapper(interp, t, "__delattr__", wrap_delattr);
    }
    if (differs(&TypeSlots::descr_get)) add_wrapper(interp, t, "__get__", wrap_get);
    if (differs(&TypeSlots::descr_set)) {
        add_wrapper(interp, t, "__set__", wrap_set);
        add_wrapper(interp, t, "__delete__", wrap_delete);
    }
    if (differs(&TypeSlots::new_)) add_method(interp, t, "__new__", wrap_new, NativeKind::StaticMethod);
    if (differs(&TypeSlots::init)) add_wrapper(interp, t, "__init__", wrap_init);
    if (differs(&TypeSlots::neg)) add_wrapper(interp, t, "__neg__", wrap_neg);
    if (differs(&TypeSlots::pos)) add_wrapper(interp, t, "__pos__", wrap_pos);
    if (differs(&TypeSlots::invert)) add_wrapper(interp, t, "__invert__", wrap_invert);
    if (differs(&TypeSlots::abs)) add_wrapper(interp, t, "__abs__", wrap_abs);
    if (differs(&TypeSlots::index)) add_wrapper(interp, t, "__index__", wrap_index);
    if (differs(&TypeSlots::to_int)) add_wrapper(interp, t, "__int__", wrap_int);
    if (differs(&TypeSlots::to_float)) add_wrapper(interp, t, "__float__", wrap_float);
    if (differs(&TypeSlots::divmod)) {
        add_wrapper(interp, t, "__divmod__", wrap_divmod);
        add_wrapper(interp, t, "__rdivmod__", wrap_rdivmod);
    }
    add_binary_wrappers(interp, t, base, std::make_integer_sequence<int, kBinarySlotCount>{});
    // MRO: this type, then its base's.
    std::size_t n = base && base->mro ? base->mro->size() : 0;
    Tuple* mro = make_tuple(interp, n + 1);
    (*mro)[0] = t;
    for (std::size_t i = 0; i < n; ++i) (*mro)[i + 1] = (*base->mro)[i];
    t->mro = mro;
    ++type_lookup_epoch;
    if (!t->dict->get_str(interp.names.doc)) t->dict->set_str(interp, interp.names.doc, interp.none);
}

}  // namespace corio::py
