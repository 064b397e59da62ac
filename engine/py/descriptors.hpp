// descriptors.hpp — the small objects of the class machinery: cells
// (closure variables), bound methods, property, staticmethod, classmethod,
// super, and member descriptors (__slots__ and builtin attributes).
#pragma once

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Str;

class Cell : public Object {
public:
    explicit Cell(Type* type, Value v = Value()) noexcept : Object(type), contents(v) {}
    void trace(Tracer& tracer) override;
    Value contents;  // null: empty
};
Cell* make_cell(Interp& interp, Value contents);

// A function bound to an instance (Python's `method`); calling it prepends self.
class BoundMethod : public Object {
public:
    BoundMethod(Type* type, Value f, Value s) noexcept : Object(type), func(f), self(s) {}
    void trace(Tracer& tracer) override;
    Value func;
    Value self;
};
BoundMethod* make_bound_method(Interp& interp, Value func, Value self);

class Property : public Object {
public:
    explicit Property(Type* type) noexcept : Object(type) {}
    void trace(Tracer& tracer) override;
    Value fget, fset, fdel, doc;  // null: absent
    Str* name = nullptr;          // from __set_name__, for messages
};

// staticmethod and classmethod: both wrap a callable.
class MethodWrapper : public Object {
public:
    MethodWrapper(Type* type, Value f) noexcept : Object(type), func(f) {}
    void trace(Tracer& tracer) override;
    Value func;
    Dict* dict = nullptr;  // __dict__ (wraps' attributes)
};

class Super : public Object {
public:
    explicit Super(Type* type) noexcept : Object(type) {}
    void trace(Tracer& tracer) override;
    Type* this_type = nullptr;  // the class super() was called in
    Value obj;                  // the instance (or class), or null
    Type* obj_type = nullptr;   // type(obj), or obj for a class
};
// super(type, obj): the VM resolves the zero-argument form (__class__ cell
// and the first argument) and calls this.
Value make_super(Interp& interp, Type* type, Value obj);

// A per-instance field of a C++ layout (exception attributes) or a
// __slots__ entry.
class MemberDescriptor : public Object {
public:
    using Getter = Value (*)(Interp&, Object* self, int index);
    using Setter = void (*)(Interp&, Object* self, int index, Value v);  // null v: delete
    MemberDescriptor(Type* type, Str* n, Type* owner_type, Getter g, Setter s, int i) noexcept
        : Object(type), name(n), owner(owner_type), getter(g), setter(s), index(i) {}
    void trace(Tracer& tracer) override;
    Str* name;
    Type* owner;
    Getter getter;
    Setter setter;  // null: read-only
    int index;
};
MemberDescriptor* add_member(Interp& interp, Type* type, std::string_view name,
                             MemberDescriptor::Getter getter, MemberDescriptor::Setter setter,
                             int index = 0);

void init_descriptor_types(Interp& interp);

}  // namespace corio::py
