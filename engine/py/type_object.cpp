// type_object.cpp — the two roots of the object model: `object` (default
// repr, hash, comparison, attribute access, __new__/__init__ with CPython's
// excess-argument checks) and `type` (type(x), type(name, bases, dict),
// calling a class, class attribute access and assignment).
#include <cstdio>
#include <string>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/generic_alias.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {

std::string address_of(Value v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx",
                  static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(v.as_object())));
    return buf;
}

std::string qualified_name(Interp& interp, Type* t) {
    std::string out;
    Str* mod = t->module ? as_str(interp, t->module) : nullptr;
    if (mod && mod->view() != "builtins") {
        out += mod->view();
        out += '.';
    }
    out += t->qualname->view();
    return out;
}

// object

Value object_repr(Interp& interp, Value self) {
    Type* t = interp.type_of(self);
    return make_str(interp, std::string("<") + qualified_name(interp, t) + " object at " + address_of(self) + ">");
}

Value object_str(Interp& interp, Value self) {
    UnaryFn r = interp.type_of(self)->slots.repr;
    return r ? r(interp, self) : object_repr(interp, self);
}

int64_t object_hash(Interp&, Value self) {
    auto p = static_cast<uint64_t>(self.bits());
    return static_cast<int64_t>((p >> 4) | (p << 60));
}

Value object_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (op == CompareOp::Eq) return a == b ? interp.true_ : interp.not_implemented;
    if (op == CompareOp::Ne) {
        CompareFn c = interp.type_of(a)->slots.compare;
        if (!c) return interp.not_implemented;
        Value r = c(interp, a, b, CompareOp::Eq);
        if (r == interp.not_implemented) return r;
        return interp.boolean(!truthy(interp, r));
    }
    return interp.not_implemented;
}

bool excess_args(std::size_t nargs, Tuple* kwnames) { return nargs || (kwnames && kwnames->size()); }

void object_init(Interp& interp, Value self, const Value*, std::size_t nargs, Tuple* kwnames);

Value object_new(Interp& interp, Type* cls, const Value*, std::size_t nargs, Tuple* kwnames) {
    if (excess_args(nargs, kwnames)) {
        if (cls->slots.new_ != object_new)
            raise_type_error(interp, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (cls->slots.init == object_init)
            raise_type_error(interp, std::string(cls->name->view()) + "() takes no arguments");
    }
    if (cls->flags & kTypeAbstract)
        raise_type_error(interp, std::string("Can't instantiate abstract class ") + std::string(cls->name->view()));
    if (cls == interp.types.object) return interp.heap.make<Object>(cls);
    return interp.heap.make<Instance>(cls);
}

void object_init(Interp& interp, Value self, const Value*, std::size_t nargs, Tuple* kwnames) {
    if (!excess_args(nargs, kwnames)) return;
    Type* t = interp.type_of(self);
    if (t->slots.init != object_init)
        raise_type_error(interp, "object.__init__() takes exactly one argument (the instance to initialize)");
    if (t->slots.new_ == object_new)
        raise_type_error(interp, std::string(t->name->view()) +
                                     ".__init__() takes exactly one argument (the instance to initialize)");
}

Value object_format(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__format__", 2, 2);
    Str* spec = as_str(interp, a[1]);
    if (!spec) raise_type_error(interp, std::string("__format__() argument must be str, not ") + std::string(type_name(interp, a[1])));
    if (spec->byte_size())
        raise_type_error(interp, std::string("unsupported format string passed to ") + std::string(type_name(interp, a[0])) + ".__format__");
    return str(interp, a[0]);
}

Value object_dir(Interp& interp, const CallArgs& a) {
    Dict* names = make_dict(interp);
    if (Dict* d = instance_dict(interp, a[0], false))
        for (std::size_t i = 0; i < d->entry_count(); ++i)
            if (d->entry(i).key) names->set(interp, d->entry(i).key, interp.none);
    for (Value t : *interp.type_of(a[0])->mro) {
        Dict* d = static_cast<Type*>(t.as_object())->dict;
        for (std::size_t i = 0; i < d->entry_count(); ++i)
            if (d->entry(i).key) names->set(interp, d->entry(i).key, interp.none);
    }
    List* out = make_list(interp);
    for (std::size_t i = 0; i < names->entry_count(); ++i)
        if (names->entry(i).key) out->append(interp, names->entry(i).key);
    return out;
}

Value object_init_subclass(Interp& interp, const CallArgs& a) {
    if (a.kwcount())
        raise_type_error(interp, std::string(static_cast<Type*>(a[0].as_object())->name->view()) +
                                     ".__init_subclass__() takes no keyword arguments");
    return interp.none;
}

Value object_reduce_ex(Interp& interp, const CallArgs&) {
    raise_type_error(interp, "cannot pickle objects");
}

Value class_getter(Interp& interp, Object* self, int) { return interp.type_of(self); }
void class_setter(Interp& interp, Object* self, int, Value v) {
    if (!v || !v.is_object() || !(interp.type_of(v)->flags & kTypeTypeSubclass))
        raise_type_error(interp, std::string("__class__ must be set to a class, not '") + std::string(type_name(interp, v)) + "' object");
    Type* nt = static_cast<Type*>(v.as_object());
    if (nt->solid_base != self->type()->solid_base || !nt->is_heap_type() || !self->type()->is_heap_type())
        raise_type_error(interp, std::string("__class__ assignment: '") + std::string(nt->name->view()) +
                                     "' object layout differs from '" + std::string(self->type()->name->view()) + "'");
    self->set_type(nt);
}

// type

Value type_repr(Interp& interp, Value self) {
    return make_str(interp, std::string("<class '") + qualified_name(interp, static_cast<Type*>(self.as_object())) + "'>");
}

Value type_call(Interp& interp, Value callable, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Type* cls = static_cast<Type*>(callable.as_object());
    if (cls == interp.types.type && nargs == 1 && !(kwnames && kwnames->size())) return interp.type_of(args[0]);
    if (!cls->slots.new_) raise_type_error(interp, std::string("cannot create '") + std::string(cls->name->view()) + "' instances");
    Value obj = cls->slots.new_(interp, cls, args, nargs, kwnames);
    Type* ot = interp.type_of(obj);
    if (!is_subtype(ot, cls)) return obj;
    if (ot->slots.init) ot->slots.init(interp, obj, args, nargs, kwnames);
    return obj;
}

Value type_new(Interp& interp, Type* meta, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (nargs == 1 && !(kwnames && kwnames->size()) && meta == interp.types.type) return interp.type_of(args[0]);
    if (nargs != 3) raise_type_error(interp, "type() takes 1 or 3 arguments");
    Str* name = as_str(interp, args[0]);
    if (!name) raise_type_error(interp, std::string("type.__new__() argument 1 must be str, not ") + std::string(type_name(interp, args[0])));
    if (!is_tuple(interp, args[1])) raise_type_error(interp, std::string("type.__new__() argument 2 must be tuple, not ") + std::string(type_name(interp, args[1])));
    if (!is_dict(interp, args[2])) raise_type_error(interp, std::string("type.__new__() argument 3 must be dict, not ") + std::string(type_name(interp, args[2])));
    Dict* ns = static_cast<Dict*>(args[2].as_object());
    if (!ns->get_str(interp.names.module)) {
        ns = dict_copy(interp, ns);
        ns->set_str(interp, interp.names.module, make_str(interp, "__main__"));
    }
    return new_class(interp, meta, name, static_cast<Tuple*>(args[1].as_object()), ns);
}

void type_init(Interp& interp, Value, const Value*, std::size_t nargs, Tuple*) {
    if (nargs != 1 && nargs != 3) raise_type_error(interp, "type.__init__() takes 1 or 3 arguments");
}

Value type_getattr(Interp& interp, Value self, Str* name) {
    Type* t = static_cast<Type*>(self.as_object());
    const InternedNames& n = interp.names;
    if (name == n.name) return t->name;
    if (name == n.qualname) return t->qualname;
    if (name == n.mro) return t->mro;
    if (name == n.bases) return t->bases;
    if (name == n.base) return t->base ? Value(t->base) : interp.none;
    if (name == n.dict) return t->dict;
    if (name == n.module) {
        if (Value m = t->dict->get_str(n.module)) return m;
        return make_str(interp, "builtins");
    }
    if (name == n.class_) return interp.type_of(self);
    Type* meta = interp.type_of(self);
    Value meta_attr = type_lookup(interp, meta, name);
    DescrGetFn meta_get = nullptr;
    if (meta_attr) {
        Type* dt = interp.type_of(meta_attr);
        meta_get = dt->slots.descr_get;
        if (meta_get && dt->slots.descr_set) return meta_get(interp, meta_attr, self, meta);
    }
    if (Value attr = type_lookup(interp, t, name)) {
        Type* dt = interp.type_of(attr);
        if (DescrGetFn get = dt->slots.descr_get) return get(interp, attr, Value(), t);
        return attr;
    }
    if (meta_get) return meta_get(interp, meta_attr, self, meta);
    if (meta_attr) return meta_attr;
    return Value();
}

void type_setattr(Interp& interp, Value self, Str* name, Value value) {
    Type* t = static_cast<Type*>(self.as_object());
    if (!t->is_heap_type())
        raise_type_error(interp, std::string("cannot set '") + std::string(name->view()) + "' attribute of immutable type '" +
                                     std::string(t->name->view()) + "'");
    Type* meta = interp.type_of(self);
    if (Value meta_attr = type_lookup(interp, meta, name)) {
        if (DescrSetFn set = interp.type_of(meta_attr)->slots.descr_set) {
            set(interp, meta_attr, self, value);
            return;
        }
    }
    if (name == interp.names.name && value) {
        Str* s = as_str(interp, value);
        if (!s) raise_type_error(interp, std::string("can only assign string to ") + std::string(t->name->view()) + ".__name__, not '" + std::string(type_name(interp, value)) + "'");
        t->name = s;
        return;
    }
    if (name == interp.names.qualname && value) {
        Str* s = as_str(interp, value);
        if (!s) raise_type_error(interp, std::string("can only assign string to ") + std::string(t->name->view()) + ".__qualname__, not '" + std::string(type_name(interp, value)) + "'");
        t->qualname = s;
        return;
    }
    if (name == interp.names.module && value) t->module = value;  // reprs and tracebacks read it
    if (value) {
        t->dict->set_str(interp, name, value);
    } else if (!t->dict->remove(interp, name)) {
        raise(interp, interp.exc.AttributeError,
              std::string("type object '") + std::string(t->name->view()) + "' has no attribute '" + std::string(name->view()) + "'");
    }
    type_modified(interp, t);
    std::string_view nv = name->view();
    if (nv.size() > 4 && nv.substr(0, 2) == "__" && nv.substr(nv.size() - 2) == "__") update_slots(interp, t);
}

Value type_mro_method(Interp& interp, const CallArgs& a) {
    Tuple* m = static_cast<Type*>(a[0].as_object())->mro;
    return make_list(interp, m->items(), m->size());
}

Value type_subclasses(Interp& interp, const CallArgs& a) {
    Type* t = static_cast<Type*>(a[0].as_object());
    List* out = make_list(interp);
    if (t->subclasses)
        for (Value v : *t->subclasses) out->append(interp, v);
    return out;
}

Value type_instancecheck(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__instancecheck__", 2, 2);
    return interp.boolean(is_subtype(interp.type_of(a[1]), static_cast<Type*>(a[0].as_object())));
}

Value type_subclasscheck(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__subclasscheck__", 2, 2);
    return interp.boolean(issubclass(interp, a[1], a[0]));
}

Value type_or(Interp& interp, Value a, Value b) { return union_or(interp, a, b); }

}  // namespace

void init_object_and_type(Interp& interp) {
    Type* o = interp.types.object;
    o->slots.repr = object_repr;
    o->slots.str = object_str;
    o->slots.hash = object_hash;
    o->slots.compare = object_compare;
    o->slots.getattr = generic_getattr;
    o->slots.setattr = generic_setattr;
    o->slots.new_ = object_new;
    o->slots.init = object_init;
    o->subclass_instance_dict = Instance::dict_of;
    o->flags |= kTypeBaseType;
    add_method(interp, o, "__format__", object_format);
    add_method(interp, o, "__dir__", object_dir);
    add_method(interp, o, "__reduce_ex__", object_reduce_ex);
    add_method(interp, o, "__init_subclass__", object_init_subclass, NativeKind::ClassMethod);
    add_member(interp, o, "__class__", class_getter, class_setter);

    Type* t = interp.types.type;
    t->slots = o->slots;
    t->slots.repr = type_repr;
    t->slots.call = type_call;
    t->slots.new_ = type_new;
    t->slots.init = type_init;
    t->slots.getattr = type_getattr;
    t->slots.setattr = type_setattr;
    t->slots.binary[binary_slot_index(BinaryOp::Or)] = type_or;
    t->flags |= kTypeBaseType | kTypeTypeSubclass;
    t->instance_dict = nullptr;
    t->subclass_instance_dict = nullptr;
    add_method(interp, t, "mro", type_mro_method);
    add_method(interp, t, "__subclasses__", type_subclasses);
    add_method(interp, t, "__instancecheck__", type_instancecheck);
    add_method(interp, t, "__subclasscheck__", type_subclasscheck);
}

}  // namespace corio::py
