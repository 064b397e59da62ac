// descriptors.cpp — cells, bound methods, property, staticmethod,
// classmethod, super and member descriptors: their slots and methods.
#include "py/descriptors.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

void init_builtin_function_types(Interp& interp);  // builtin_function.cpp

void Cell::trace(Tracer& tracer) { tracer.visit(contents); }
void BoundMethod::trace(Tracer& tracer) {
    tracer.visit(func);
    tracer.visit(self);
}
void Property::trace(Tracer& tracer) {
    tracer.visit(fget);
    tracer.visit(fset);
    tracer.visit(fdel);
    tracer.visit(doc);
    tracer.visit(name);
}
void MethodWrapper::trace(Tracer& tracer) {
    tracer.visit(func);
    tracer.visit(dict);
}
void Super::trace(Tracer& tracer) {
    tracer.visit(this_type);
    tracer.visit(obj);
    tracer.visit(obj_type);
}
void MemberDescriptor::trace(Tracer& tracer) {
    tracer.visit(name);
    tracer.visit(owner);
}

Cell* make_cell(Interp& interp, Value contents) { return interp.heap.make<Cell>(interp.types.cell, contents); }

BoundMethod* make_bound_method(Interp& interp, Value func, Value self) {
    return interp.heap.make<BoundMethod>(interp.types.method, func, self);
}

MemberDescriptor* add_member(Interp& interp, Type* type, std::string_view name, MemberDescriptor::Getter getter,
                             MemberDescriptor::Setter setter, int index) {
    auto* d = interp.heap.make<MemberDescriptor>(interp.types.member_descriptor, interp.intern(name), type, getter,
                                                 setter, index);
    type->dict->set_str(interp, d->name, d);
    return d;
}

Value make_super(Interp& interp, Type* type, Value obj) {
    auto* s = interp.heap.make<Super>(interp.types.super);
    s->this_type = type;
    s->obj = obj;
    Type* ot = interp.type_of(obj);
    if ((ot->flags & kTypeTypeSubclass) && is_subtype(static_cast<Type*>(obj.as_object()), type))
        s->obj_type = static_cast<Type*>(obj.as_object());
    else if (is_subtype(ot, type))
        s->obj_type = ot;
    else
        raise_type_error(interp, "super(type, obj): obj must be an instance or subtype of type");
    return s;
}

namespace {

std::string hex_address(Value v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v.bits()));
    return buf;
}

// cell

Value cell_repr(Interp& interp, Value self) {
    auto* c = static_cast<Cell*>(self.as_object());
    if (!c->contents) return make_str(interp, std::string("<cell at ") + hex_address(self) + ": empty>");
    return make_str(interp, std::string("<cell at ") + hex_address(self) + ": " + std::string(type_name(interp, c->contents)) +
                                " object at " + hex_address(c->contents) + ">");
}

Value cell_contents(Interp& interp, Object* self, int) {
    Value v = static_cast<Cell*>(self)->contents;
    if (!v) raise_value_error(interp, "Cell is empty");
    return v;
}
void cell_set_contents(Interp&, Object* self, int, Value v) { static_cast<Cell*>(self)->contents = v; }

// bound method

Value method_call(Interp& interp, Value callable, const Value* args, std::size_t nargs, Tuple* kwnames) {
    auto* m = static_cast<BoundMethod*>(callable.as_object());
    std::size_t total = nargs + (kwnames ? kwnames->size() : 0);
    Value buf[8];
    std::vector<Value> big;
    Value* all = buf;
    if (total + 1 > 8) {
        big.resize(total + 1);
        all = big.data();
    }
    all[0] = m->self;
    for (std::size_t i = 0; i < total; ++i) all[i + 1] = args[i];
    return call(interp, m->func, all, nargs + 1, kwnames);
}

Value method_repr(Interp& interp, Value self) {
    auto* m = static_cast<BoundMethod*>(self.as_object());
    Value qn = getattr_opt(interp, m->func, interp.names.qualname);
    if (!qn) qn = getattr_opt(interp, m->func, interp.names.name);
    std::string name = qn ? str_utf8(interp, qn) : "?";
    return make_str(interp, std::string("<bound method ") + name + " of " + repr_utf8(interp, m->self) + ">");
}

Value method_getattr(Interp& interp, Value self, Str* name) {
    auto* m = static_cast<BoundMethod*>(self.as_object());
    if (name->view() == "__self__") return m->self;
    if (name->view() == "__func__") return m->func;
    if (Value v = generic_getattr(interp, self, name)) return v;
    return getattr_opt(interp, m->func, name);
}

Value method_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (interp.type_of(b) != interp.types.method || (op != CompareOp::Eq && op != CompareOp::Ne))
        return interp.not_implemented;
    auto* x = static_cast<BoundMethod*>(a.as_object());
    auto* y = static_cast<BoundMethod*>(b.as_object());
    bool same = x->self == y->self && eq(interp, x->func, y->func);
    return interp.boolean(op == CompareOp::Eq ? same : !same);
}

int64_t method_hash(Interp& interp, Value self) {
    auto* m = static_cast<BoundMethod*>(self.as_object());
    return static_cast<int64_t>(m->self.bits() >> 4) ^ hash(interp, m->func);
}

// property

Value property_get(Interp& interp, Value descr, Value obj, Type*) {
    auto* p = static_cast<Property*>(descr.as_object());
    if (!obj) return descr;
    if (!p->fget) {
        std::string msg = p->name ? std::string("property '") + std::string(p->name->view()) + "' of '" +
                                        std::string(type_name(interp, obj)) + "' object has no getter"
                                  : "unreadable attribute";
        raise(interp, interp.exc.AttributeError, msg);
    }
    return call(interp, p->fget, {obj});
}

void property_set(Interp& interp, Value descr, Value obj, Value value) {
    auto* p = static_cast<Property*>(descr.as_object());
    Value f = value ? p->fset : p->fdel;
    if (!f) {
        std::string what = value ? "setter" : "deleter";
        std::string msg = p->name ? std::string("property '") + std::string(p->name->view()) + "' of '" +
                                        std::string(type_name(interp, obj)) + "' object has no " + what
                                  : (value ? "can't set attribute" : "can't delete attribute");
        raise(interp, interp.exc.AttributeError, msg);
    }
    if (value) call(interp, f, {obj, value});
    else call(interp, f, {obj});
}

void property_init(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value a[4];
    parse_args(interp, CallArgs{args, nargs, kwnames, nullptr}, ArgSpec{"property", {"fget", "fset", "fdel", "doc"}, 0, 4}, a);
    auto* p = static_cast<Property*>(self.as_object());
    auto opt = [&](Value v) { return v && v != interp.none ? v : Value(); };
    p->fget = opt(a[0]);
    p->fset = opt(a[1]);
    p->fdel = opt(a[2]);
    p->doc = opt(a[3]);
    if (!p->doc && p->fget) p->doc = getattr_opt(interp, p->fget, interp.names.doc);
}

Value property_new(Interp& interp, Type* cls, const Value*, std::size_t, Tuple*) { return make_instance<Property>(interp, cls); }

Value property_copy(Interp& interp, Value self, Value fget, Value fset, Value fdel) {
    auto* p = static_cast<Property*>(self.as_object());
    Value args[4] = {fget ? fget : interp.none, fset ? fset : interp.none, fdel ? fdel : interp.none,
                     p->doc ? p->doc : interp.none};
    Value r = call(interp, interp.type_of(self), args, 4);
    if (interp.type_of(r) == interp.types.property) static_cast<Property*>(r.as_object())->name = p->name;
    return r;
}

Value property_getter(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "getter", 2, 2);
    auto* p = static_cast<Property*>(a[0].as_object());
    return property_copy(interp, a[0], a[1], p->fset, p->fdel);
}
Value property_setter(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "setter", 2, 2);
    auto* p = static_cast<Property*>(a[0].as_object());
    return property_copy(interp, a[0], p->fget, a[1], p->fdel);
}
Value property_deleter(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "deleter", 2, 2);
    auto* p = static_cast<Property*>(a[0].as_object());
    return property_copy(interp, a[0], p->fget, p->fset, a[1]);
}
Value property_set_name(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__set_name__", 3, 3);
    static_cast<Property*>(a[0].as_object())->name = as_str(interp, a[2]);
    return interp.none;
}
Value property_field(Interp& interp, Object* self, int index) {
    auto* p = static_cast<Property*>(self);
    Value v = index == 0 ? p->fget : index == 1 ? p->fset : index == 2 ? p->fdel : p->doc;
    return v ? v : interp.none;
}

// staticmethod / classmethod

Value staticmethod_get(Interp&, Value descr, Value, Type*) { return static_cast<MethodWrapper*>(descr.as_object())->func; }

Value classmethod_get(Interp& interp, Value descr, Value obj, Type* owner) {
    Value cls = owner ? Value(owner) : Value(interp.type_of(obj));
    return make_bound_method(interp, static_cast<MethodWrapper*>(descr.as_object())->func, cls);
}

Value wrapper_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, std::string(cls->name->view()) + "() takes no keyword arguments");
    if (nargs != 1) raise_type_error(interp, std::string(cls->name->view()) + " expected 1 argument, got " + std::to_string(nargs));
    return make_instance<MethodWrapper>(interp, cls, args[0]);
}

void wrapper_init(Interp&, Value, const Value*, std::size_t, Tuple*) {}

Value staticmethod_call(Interp& interp, Value callable, const Value* args, std::size_t nargs, Tuple* kwnames) {
    return call(interp, static_cast<MethodWrapper*>(callable.as_object())->func, args, nargs, kwnames);
}

Value wrapper_func(Interp&, Object* self, int) { return static_cast<MethodWrapper*>(self)->func; }
Value wrapper_isabstract(Interp& interp, Object* self, int) {
    Value v = getattr_opt(interp, static_cast<MethodWrapper*>(self)->func, interp.intern("__isabstractmethod__"));
    return v ? v : interp.false_;
}

Value wrapper_repr(Interp& interp, Value self) {
    return make_str(interp, std::string("<") + std::string(type_name(interp, self)) + "(" +
                                repr_utf8(interp, static_cast<MethodWrapper*>(self.as_object())->func) + ")>");
}

// super

Value super_getattr(Interp& interp, Value self, Str* name) {
    auto* s = static_cast<Super*>(self.as_object());
    if (name == interp.names.class_) return generic_getattr(interp, self, name);
    Tuple* mro = s->obj_type->mro;
    std::size_t i = 0;
    while (i < mro->size() && (*mro)[i].as_object() != s->this_type) ++i;
    for (++i; i < mro->size(); ++i) {
        Type* t = static_cast<Type*>((*mro)[i].as_object());
        Value v = t->dict->get_str(name);
        if (!v) continue;
        if (DescrGetFn get = interp.type_of(v)->slots.descr_get) {
            Value obj = s->obj == Value(s->obj_type) ? Value() : s->obj;
            return get(interp, v, obj, s->obj_type);
        }
        return v;
    }
    return generic_getattr(interp, self, name);
}

Value super_new(Interp& interp, Type*, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "super() takes no keyword arguments");
    if (nargs == 0) raise_runtime_error(interp, "super(): no arguments");
    if (!(interp.type_of(args[0])->flags & kTypeTypeSubclass))
        raise_type_error(interp, std::string("super() argument 1 must be a type, not ") + std::string(type_name(interp, args[0])));
    if (nargs == 1) {
        auto* s = interp.heap.make<Super>(interp.types.super);
        s->this_type = static_cast<Type*>(args[0].as_object());
        return s;
    }
    return make_super(interp, static_cast<Type*>(args[0].as_object()), args[1]);
}

void super_init(Interp&, Value, const Value*, std::size_t, Tuple*) {}

Value super_repr(Interp& interp, Value self) {
    auto* s = static_cast<Super*>(self.as_object());
    std::string t = s->this_type ? std::string(s->this_type->name->view()) : "NULL";
    if (!s->obj_type) return make_str(interp, std::string("<super: <class '") + t + "'>, NULL>");
    return make_str(interp, std::string("<super: <class '") + t + "'>, <" + std::string(s->obj_type->name->view()) + " object>>");
}

// member descriptors

Value member_get(Interp& interp, Value descr, Value obj, Type*) {
    auto* d = static_cast<MemberDescriptor*>(descr.as_object());
    if (!obj) return descr;
    if (!is_subtype(interp.type_of(obj), d->owner))
        raise_type_error(interp, std::string("descriptor '") + std::string(d->name->view()) + "' for '" +
                                     std::string(d->owner->name->view()) + "' objects doesn't apply to a '" +
                                     std::string(type_name(interp, obj)) + "' object");
    return d->getter(interp, obj.as_object(), d->index);
}

void member_set(Interp& interp, Value descr, Value obj, Value value) {
    auto* d = static_cast<MemberDescriptor*>(descr.as_object());
    if (!d->setter) {
        raise(interp, interp.exc.AttributeError,
              "readonly attribute");
    }
    d->setter(interp, obj.as_object(), d->index, value);
}

Value member_repr(Interp& interp, Value self) {
    auto* d = static_cast<MemberDescriptor*>(self.as_object());
    return make_str(interp, std::string("<member '") + std::string(d->name->view()) + "' of '" + std::string(d->owner->name->view()) +
                                "' objects>");
}

}  // namespace

void init_descriptor_types(Interp& interp) {
    init_builtin_function_types(interp);
    BuiltinTypes& t = interp.types;
    t.cell->slots.repr = cell_repr;
    add_member(interp, t.cell, "cell_contents", cell_contents, cell_set_contents);

    t.method->slots.call = method_call;
    t.method->slots.repr = method_repr;
    t.method->slots.getattr = method_getattr;
    t.method->slots.compare = method_compare;
    t.method->slots.hash = method_hash;

    t.property->slots.descr_get = property_get;
    t.property->slots.descr_set = property_set;
    t.property->slots.init = property_init;
    t.property->slots.new_ = property_new;
    t.property->subclass_instance_dict = Subclassed<Property>::dict_of;
    add_method(interp, t.property, "getter", property_getter);
    add_method(interp, t.property, "setter", property_setter);
    add_method(interp, t.property, "deleter", property_deleter);
    add_method(interp, t.property, "__set_name__", property_set_name);
    add_member(interp, t.property, "fget", property_field, nullptr, 0);
    add_member(interp, t.property, "fset", property_field, nullptr, 1);
    add_member(interp, t.property, "fdel", property_field, nullptr, 2);
    add_member(interp, t.property, "__doc__", property_field, nullptr, 3);

    for (Type* w : {t.staticmethod, t.classmethod}) {
        w->slots.new_ = wrapper_new;
        w->slots.init = wrapper_init;
        w->slots.repr = wrapper_repr;
        w->instance_dict = [](Object* o) { return &static_cast<MethodWrapper*>(o)->dict; };
        w->subclass_instance_dict = w->instance_dict;
        add_member(interp, w, "__func__", wrapper_func, nullptr);
        add_member(interp, w, "__wrapped__", wrapper_func, nullptr);
        add_member(interp, w, "__isabstractmethod__", wrapper_isabstract, nullptr);
    }
    t.staticmethod->slots.descr_get = staticmethod_get;
    t.staticmethod->slots.call = staticmethod_call;
    t.classmethod->slots.descr_get = classmethod_get;

    t.super->slots.getattr = super_getattr;
    t.super->slots.new_ = super_new;
    t.super->slots.init = super_init;
    t.super->slots.repr = super_repr;

    t.member_descriptor->slots.descr_get = member_get;
    t.member_descriptor->slots.descr_set = member_set;
    t.member_descriptor->slots.repr = member_repr;
}

}  // namespace corio::py
