// generic_alias.hpp — the objects annotations are made of: a parameterized
// class, list[int] (types.GenericAlias, what the builtin classes'
// __class_getitem__ returns), and a union, int | None (types.UnionType,
// what `|` between classes builds). Both only describe types: calling
// list[int]() makes a list, isinstance() accepts a union but refuses a
// parameterized generic, and a GenericAlias base stands for its origin
// (__mro_entries__). The typing module's own aliases are Python classes
// (frozen_typing.cpp) that interoperate with these through `|`.
#pragma once

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Tuple;

class GenericAlias : public Object {
public:
    GenericAlias(Type* type, Value o, Tuple* a) noexcept : Object(type), origin(o), args(a) {}
    void trace(Tracer& tracer) override;
    Value origin;  // __origin__: list in list[int]
    Tuple* args;   // __args__: (int,)
};

class UnionType : public Object {
public:
    UnionType(Type* type, Tuple* a) noexcept : Object(type), args(a) {}
    void trace(Tracer& tracer) override;
    Tuple* args;  // __args__, flattened, without duplicates; None is NoneType
};

// origin[item]: item is the argument tuple, or the one argument.
Value make_generic_alias(Interp& interp, Value origin, Value item);
// a | b for classes, None, generic aliases and unions: the union, or a
// itself when both are the same; NotImplemented for anything else.
Value union_or(Interp& interp, Value a, Value b);
// isinstance / issubclass against a union (TypeError if one of its
// members is a parameterized generic, as CPython).
bool union_isinstance(Interp& interp, Value obj, UnionType* u);
bool union_issubclass(Interp& interp, Value cls, UnionType* u);

// The two types, and __class_getitem__ on list, tuple, dict, set and
// frozenset (type[int] is a special case of subscription, protocols.cpp).
void init_generic_alias_types(Interp& interp);

}  // namespace corio::py
