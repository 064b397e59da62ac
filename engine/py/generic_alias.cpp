// generic_alias.cpp — types.GenericAlias and types.UnionType, after
// CPython 3.11's genericaliasobject.c and unionobject.c: their reprs
// (list[int], dict[str, list[int]], int | None), equality, `|`, and the
// attribute forwarding that makes list[int].append list.append.
#include "py/generic_alias.hpp"

#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

void GenericAlias::trace(Tracer& tracer) {
    tracer.visit(origin);
    tracer.visit(args);
}

void UnionType::trace(Tracer& tracer) { tracer.visit(args); }

namespace {

bool is_class(Interp& interp, Value v) { return (interp.type_of(v)->flags & kTypeTypeSubclass) != 0; }
bool is_alias(Interp& interp, Value v) { return interp.type_of(v) == interp.types.generic_alias; }
bool is_union(Interp& interp, Value v) { return interp.type_of(v) == interp.types.union_type; }

// How an argument prints inside list[...] or a | b (ga_repr_item): classes
// by qualified name, typing forms and aliases by their repr.
std::string item_repr(Interp& interp, Value p) {
    if (p == interp.ellipsis) return "...";
    if (is_alias(interp, p)) return repr_utf8(interp, p);
    if (getattr_opt(interp, p, interp.intern("__origin__")) && getattr_opt(interp, p, interp.intern("__args__")))
        return repr_utf8(interp, p);
    Value qualname = getattr_opt(interp, p, interp.names.qualname);
    Value module = getattr_opt(interp, p, interp.names.module);
    if (!qualname || !module) return repr_utf8(interp, p);
    if (is_str(interp, module) && str_utf8(interp, module) == "builtins") return str_utf8(interp, qualname);
    return str_utf8(interp, module) + "." + str_utf8(interp, qualname);
}

GenericAlias* self_alias(Value v) { return static_cast<GenericAlias*>(v.as_object()); }
UnionType* self_union(Value v) { return static_cast<UnionType*>(v.as_object()); }

// ------------------------------------------------------------ GenericAlias

Value alias_repr(Interp& interp, Value self) {
    GenericAlias* a = self_alias(self);
    std::string out = item_repr(interp, a->origin) + "[";
    if (a->args->size() == 0) out += "()";
    for (std::size_t i = 0; i < a->args->size(); ++i) {
        if (i) out += ", ";
        out += item_repr(interp, (*a->args)[i]);
    }
    return make_str(interp, out + "]");
}

// Attributes not forwarded to the origin (ga_getattro's attr_exceptions).
bool own_attribute(std::string_view name) {
    for (std::string_view n : {"__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
                               "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
                               "__reduce__", "__copy__", "__deepcopy__"})
        if (n == name) return true;
    return false;
}

Value alias_getattr(Interp& interp, Value self, Str* name) {
    if (!own_attribute(name->view())) return getattr_opt(interp, self_alias(self)->origin, name);
    return generic_getattr(interp, self, name);
}

Value alias_call(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value result = call(interp, self_alias(self)->origin, args, nargs, kwnames);
    try {
        setattr(interp, result, interp.intern("__orig_class__"), self);
    } catch (const PyException&) {
        // Objects without a __dict__ (a list) just do not record it.
    }
    return result;
}

Value alias_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_alias(interp, b)) return interp.not_implemented;
    bool same = eq(interp, self_alias(a)->origin, self_alias(b)->origin) &&
                eq(interp, self_alias(a)->args, self_alias(b)->args);
    return interp.boolean(op == CompareOp::Eq ? same : !same);
}

int64_t alias_hash(Interp& interp, Value self) {
    return hash(interp, self_alias(self)->origin) ^ hash(interp, self_alias(self)->args);
}

Value alias_getitem(Interp& interp, Value self, Value) {
    raise_type_error(interp, "There are no type variables left in " + repr_utf8(interp, self));
}

Value alias_new(Interp& interp, Type*, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "GenericAlias() takes no keyword arguments");
    if (nargs != 2) raise_type_error(interp, "GenericAlias expected 2 arguments, got " + std::to_string(nargs));
    return make_generic_alias(interp, args[0], args[1]);
}

Value alias_mro_entries(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__mro_entries__", 2, 2);
    return make_tuple(interp, {self_alias(a[0])->origin});
}

Value alias_instancecheck(Interp& interp, const CallArgs&) {
    raise_type_error(interp, "isinstance() argument 2 cannot be a parameterized generic");
}

Value alias_subclasscheck(Interp& interp, const CallArgs&) {
    raise_type_error(interp, "issubclass() argument 2 cannot be a parameterized generic");
}

Value alias_or(Interp& interp, Value a, Value b) { return union_or(interp, a, b); }

Value get_origin(Interp&, Object* o, int) { return static_cast<GenericAlias*>(o)->origin; }
Value get_alias_args(Interp&, Object* o, int) { return static_cast<GenericAlias*>(o)->args; }
Value get_parameters(Interp& interp, Object*, int) { return interp.empty_tuple; }
Value get_unpacked(Interp& interp, Object*, int) { return interp.false_; }

// __class_getitem__ of the builtin classes: cls[item].
Value class_getitem(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__class_getitem__", 2, 2);
    return make_generic_alias(interp, a[0], a[1]);
}

// ------------------------------------------------------------ UnionType

bool unionable(Interp& interp, Value v) {
    return v == interp.none || is_class(interp, v) || is_alias(interp, v) || is_union(interp, v);
}

// Adds v (or a union's members) to args unless already there: aliases are
// compared with ==, everything else by identity (dedup_and_flatten_args).
void add_union_member(Interp& interp, std::vector<Value>& args, Value v) {
    if (is_union(interp, v)) {
        for (Value m : *self_union(v)->args) add_union_member(interp, args, m);
        return;
    }
    if (v == interp.none) v = interp.types.none;
    for (Value have : args) {
        const bool both_aliases = is_alias(interp, have) && is_alias(interp, v);
        if (both_aliases ? eq(interp, have, v) : have == v) return;
    }
    args.push_back(v);
}

Value union_repr(Interp& interp, Value self) {
    std::string out;
    Tuple* args = self_union(self)->args;
    for (std::size_t i = 0; i < args->size(); ++i) {
        if (i) out += " | ";
        Value p = (*args)[i];
        out += p == Value(interp.types.none) ? std::string("None") : item_repr(interp, p);
    }
    return make_str(interp, out);
}

bool contains_all(Interp& interp, Tuple* a, Tuple* b) {
    for (Value x : *a) {
        bool found = false;
        for (Value y : *b)
            if (eq(interp, x, y)) {
                found = true;
                break;
            }
        if (!found) return false;
    }
    return true;
}

Value union_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_union(interp, b)) return interp.not_implemented;
    Tuple* x = self_union(a)->args;
    Tuple* y = self_union(b)->args;
    bool same = contains_all(interp, x, y) && contains_all(interp, y, x);
    return interp.boolean(op == CompareOp::Eq ? same : !same);
}

int64_t union_hash(Interp& interp, Value self) {
    int64_t h = 0x5a17;
    for (Value v : *self_union(self)->args) h ^= hash(interp, v);
    return h == -1 ? -2 : h;
}

Value union_or_slot(Interp& interp, Value a, Value b) { return union_or(interp, a, b); }

Value union_instancecheck(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__instancecheck__", 2, 2);
    return interp.boolean(union_isinstance(interp, a[1], self_union(a[0])));
}

Value union_subclasscheck(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__subclasscheck__", 2, 2);
    return interp.boolean(union_issubclass(interp, a[1], self_union(a[0])));
}

Value get_union_args(Interp&, Object* o, int) { return static_cast<UnionType*>(o)->args; }

void check_no_aliases(Interp& interp, UnionType* u, const char* function) {
    for (Value v : *u->args)
        if (is_alias(interp, v))
            raise_type_error(interp, std::string(function) + "() argument 2 cannot be a parameterized generic");
}

void set_module(Interp& interp, Type* t, std::string_view module) {
    t->module = interp.intern(module);
    t->dict->set_str(interp, interp.names.module, t->module);
}

}  // namespace

Value make_generic_alias(Interp& interp, Value origin, Value item) {
    Tuple* args = is_tuple(interp, item) ? static_cast<Tuple*>(item.as_object()) : make_tuple(interp, {item});
    return interp.heap.make<GenericAlias>(interp.types.generic_alias, origin, args);
}

Value union_or(Interp& interp, Value a, Value b) {
    if (!unionable(interp, a) || !unionable(interp, b)) return interp.not_implemented;
    std::vector<Value> args;
    add_union_member(interp, args, a);
    add_union_member(interp, args, b);
    if (args.size() == 1) return args[0];
    return interp.heap.make<UnionType>(interp.types.union_type, make_tuple(interp, args.data(), args.size()));
}

bool union_isinstance(Interp& interp, Value obj, UnionType* u) {
    check_no_aliases(interp, u, "isinstance");
    for (Value v : *u->args)
        if (isinstance(interp, obj, v)) return true;
    return false;
}

bool union_issubclass(Interp& interp, Value cls, UnionType* u) {
    check_no_aliases(interp, u, "issubclass");
    for (Value v : *u->args)
        if (issubclass(interp, cls, v)) return true;
    return false;
}

void init_generic_alias_types(Interp& interp) {
    Type* g = interp.types.generic_alias;
    set_module(interp, g, "types");
    g->slots.repr = alias_repr;
    g->slots.getattr = alias_getattr;
    g->slots.call = alias_call;
    g->slots.compare = alias_compare;
    g->slots.hash = alias_hash;
    g->slots.getitem = alias_getitem;
    g->slots.new_ = alias_new;
    g->slots.binary[binary_slot_index(BinaryOp::Or)] = alias_or;
    add_method(interp, g, "__mro_entries__", alias_mro_entries);
    add_method(interp, g, "__instancecheck__", alias_instancecheck);
    add_method(interp, g, "__subclasscheck__", alias_subclasscheck);
    add_member(interp, g, "__origin__", get_origin, nullptr);
    add_member(interp, g, "__args__", get_alias_args, nullptr);
    add_member(interp, g, "__parameters__", get_parameters, nullptr);
    add_member(interp, g, "__unpacked__", get_unpacked, nullptr);

    Type* u = interp.types.union_type;
    set_module(interp, u, "types");
    u->slots.repr = union_repr;
    u->slots.compare = union_compare;
    u->slots.hash = union_hash;
    u->slots.binary[binary_slot_index(BinaryOp::Or)] = union_or_slot;
    add_method(interp, u, "__instancecheck__", union_instancecheck);
    add_method(interp, u, "__subclasscheck__", union_subclasscheck);
    add_member(interp, u, "__args__", get_union_args, nullptr);
    add_member(interp, u, "__parameters__", get_parameters, nullptr);

    const BuiltinTypes& t = interp.types;
    for (Type* cls : {t.list, t.tuple, t.dict, t.set, t.frozenset})
        add_method(interp, cls, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
}

}  // namespace corio::py
