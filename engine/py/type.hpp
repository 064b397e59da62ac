// type.hpp — type objects: Python classes, builtin and user-defined.
//
// A Type has a name, bases, an MRO computed by C3, and a dict of attributes.
// The hot special methods are slots: C++ function pointers the VM and the
// protocols (protocols.hpp) call without dict lookups. Builtin types fill
// them in C++ and get a wrapper in their dict for each (so `list.__len__`
// and `super().__init__` work); user classes get dispatchers that call the
// dunder found along the MRO, recomputed whenever a dunder is assigned on
// the class or one of its bases (update_slots).
//
// Instance layout: every instance is a C++ object of its type's solid base
// (list instances are List, user classes deriving from object are Instance).
// A user subclass of a builtin type gets that type's C++ class with a
// __dict__ added (Subclassed<T>); `instance_dict` finds the dict.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "py/interp.hpp"
#include "py/object.hpp"
#include "py/opcodes.hpp"
#include "py/value.hpp"

namespace corio::py {

class Str;
class Dict;
class Tuple;
class BuiltinFunction;
class List;

// Arguments of a call in vectorcall form: `args[0..nargs)` positional, then
// one value per name in `kwnames` (keyword arguments), or kwnames null.
struct CallArgs {
    const Value* args = nullptr;
    std::size_t nargs = 0;
    Tuple* kwnames = nullptr;
    const BuiltinFunction* fn = nullptr;  // the builtin being called (its data)

    std::size_t size() const noexcept { return nargs; }
    Value operator[](std::size_t i) const noexcept { return args[i]; }
    std::size_t kwcount() const noexcept;
};

// The slot signatures. A slot returning Value returns NotImplemented where
// Python's dunder may (binary operators, rich comparison).
using UnaryFn = Value (*)(Interp&, Value self);
using BinaryFn = Value (*)(Interp&, Value a, Value b);
using CompareFn = Value (*)(Interp&, Value a, Value b, CompareOp op);
using HashFn = int64_t (*)(Interp&, Value self);
using BoolFn = bool (*)(Interp&, Value self);
using LenFn = int64_t (*)(Interp&, Value self);
using ContainsFn = bool (*)(Interp&, Value container, Value item);
using SetItemFn = void (*)(Interp&, Value self, Value key, Value value);  // null value: del
using CallFn = Value (*)(Interp&, Value callable, const Value* args, std::size_t nargs,
                         Tuple* kwnames);
using GetAttrFn = Value (*)(Interp&, Value self, Str* name);  // null: no such attribute
using SetAttrFn = void (*)(Interp&, Value self, Str* name, Value value);  // null value: del
// Descriptor __get__: `obj` is null for access through the class.
using DescrGetFn = Value (*)(Interp&, Value descr, Value obj, Type* owner);
using DescrSetFn = void (*)(Interp&, Value descr, Value obj, Value value);  // null: delete
using NewFn = Value (*)(Interp&, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames);
using InitFn = void (*)(Interp&, Value self, const Value* args, std::size_t nargs,
                        Tuple* kwnames);
using NextFn = Value (*)(Interp&, Value iterator);  // null: exhausted (no StopIteration)
// One step of a native awaitable that is its own iterator (CPython's
// am_send): sends `value` in, or throws `throw_exc` in when it is not null.
// Returns true with `out` = the value yielded, or false with `out` = the
// return value; what it raises is thrown as PyException. No StopIteration
// is ever created on this path: `await queue.get()` costs no exception.
using AmSendFn = bool (*)(Interp&, Value self, Value value, Value throw_exc, Value& out);
using InstanceDictFn = Dict** (*)(Object* self);

// The binary operator slots, indexed by BinaryOp (Add .. Xor); the
// in-place slots are indexed by the same operator (InplaceAdd - 13 = Add).
inline constexpr int kBinarySlotCount = 13;
inline constexpr int binary_slot_index(BinaryOp op) noexcept {
    int i = static_cast<int>(op);
    return i >= kBinarySlotCount ? i - kBinarySlotCount : i;
}

struct TypeSlots {
    UnaryFn repr = nullptr;
    UnaryFn str = nullptr;
    HashFn hash = nullptr;        // null: unhashable
    CompareFn compare = nullptr;  // rich comparison, all six operators
    BoolFn truthy = nullptr;      // null: len() if any, else true
    LenFn len = nullptr;
    UnaryFn iter = nullptr;
    NextFn next = nullptr;
    AmSendFn am_send = nullptr;  // set: `await obj` iterates obj itself through this
    BinaryFn getitem = nullptr;
    SetItemFn setitem = nullptr;
    ContainsFn contains = nullptr;
    CallFn call = nullptr;
    GetAttrFn getattr = nullptr;
    SetAttrFn setattr = nullptr;
    DescrGetFn descr_get = nullptr;
    DescrSetFn descr_set = nullptr;  // non-null: a data descriptor
    NewFn new_ = nullptr;
    InitFn init = nullptr;
    BinaryFn binary[kBinarySlotCount] = {};
    BinaryFn inplace[kBinarySlotCount] = {};
    BinaryFn divmod = nullptr;
    UnaryFn neg = nullptr;
    UnaryFn pos = nullptr;
    UnaryFn invert = nullptr;
    UnaryFn abs = nullptr;
    UnaryFn index = nullptr;    // __index__: returns an int
    UnaryFn to_int = nullptr;   // __int__
    UnaryFn to_float = nullptr; // __float__
};

// Type flags.
inline constexpr uint32_t kTypeHeap = 1u << 0;          // a class statement / type(...)
inline constexpr uint32_t kTypeBaseType = 1u << 1;      // may be subclassed
inline constexpr uint32_t kTypeMethodDescriptor = 1u << 2;  // instances bind like functions
inline constexpr uint32_t kTypeHasSlots = 1u << 3;      // __slots__: no __dict__
inline constexpr uint32_t kTypeAbstract = 1u << 4;
inline constexpr uint32_t kTypeException = 1u << 5;     // a BaseException subclass
inline constexpr uint32_t kTypeIntSubclass = 1u << 6;   // fast isinstance checks
inline constexpr uint32_t kTypeStrSubclass = 1u << 7;
inline constexpr uint32_t kTypeTupleSubclass = 1u << 8;
inline constexpr uint32_t kTypeListSubclass = 1u << 9;
inline constexpr uint32_t kTypeDictSubclass = 1u << 10;
inline constexpr uint32_t kTypeTypeSubclass = 1u << 11;

class Type : public Object {
public:
    explicit Type(Type* metatype) noexcept : Object(metatype) {}
    void trace(Tracer& tracer) override;

    Str* name = nullptr;      // __name__
    Str* qualname = nullptr;  // __qualname__
    Value module;             // __module__ (a str) or null for builtins
    Tuple* bases = nullptr;   // __bases__
    Tuple* mro = nullptr;     // __mro__, this type first
    Dict* dict = nullptr;     // the class namespace
    Type* base = nullptr;     // __base__: the first base (null for object)
    Type* solid_base = nullptr;  // the builtin type whose C++ class instances are
    uint32_t flags = 0;
    TypeSlots slots;
    // Where instances keep their __dict__, or null (no instance attributes).
    InstanceDictFn instance_dict = nullptr;
    // For a builtin type: instance_dict of its Subclassed<T> instances.
    InstanceDictFn subclass_instance_dict = nullptr;
    Tuple* slot_names = nullptr;  // __slots__, when kTypeHasSlots
    List* subclasses = nullptr;   // direct heap subclasses (for update_slots)

    bool is_heap_type() const noexcept { return (flags & kTypeHeap) != 0; }
};

// A plain instance of a user class deriving from object: just a __dict__.
class Instance : public Object {
public:
    explicit Instance(Type* type) noexcept : Object(type) {}
    void trace(Tracer& tracer) override;
    static Dict** dict_of(Object* self) noexcept { return &static_cast<Instance*>(self)->dict; }
    Dict* dict = nullptr;  // created on first attribute store
};

// A builtin type's C++ class with a __dict__, for instances of user classes
// that derive from the builtin (class Stack(list): ...).
template <class Base>
class Subclassed final : public Base {
public:
    using Base::Base;
    void trace(Tracer& tracer) override;
    static Dict** dict_of(Object* self) noexcept {
        return &static_cast<Subclassed*>(self)->dict;
    }
    Dict* dict = nullptr;
};
void trace_dict_pointer(Tracer& tracer, Dict* dict);
template <class Base>
void Subclassed<Base>::trace(Tracer& tracer) {
    Base::trace(tracer);
    trace_dict_pointer(tracer, dict);
}

// Allocates an instance of C++ class T for Python class `cls` (T itself for
// the builtin type, Subclassed<T> for a user subclass).
template <class T, class... Args>
T* make_instance(Interp& interp, Type* cls, Args&&... args) {
    if (cls->is_heap_type() && cls->instance_dict)
        return interp.heap.make<Subclassed<T>>(cls, std::forward<Args>(args)...);
    return interp.heap.make<T>(cls, std::forward<Args>(args)...);
}

// Creates a builtin type (permanent) named `name` deriving from `base`
// (null: object). Fill its slots, then add_methods / finish_builtin_type.
Type* new_builtin_type(Interp& interp, std::string_view name, Type* base, uint32_t flags);
// Adds the wrapper functions (__len__, __add__, ...) for the type's filled
// slots to its dict, and recomputes its MRO. Call once after filling slots.
void finish_builtin_type(Interp& interp, Type* type);

// type(name, bases, dict) and the class statement: C3 MRO (TypeError with
// CPython's message when inconsistent), layout checks, __slots__,
// __set_name__, __init_subclass__, the slot dispatchers.
Type* new_class(Interp& interp, Type* metatype, Str* name, Tuple* bases, Dict* namespace_);

// The attribute `name` found along type's MRO (no descriptor binding), or null.
Value type_lookup(Interp& interp, Type* type, Str* name);
// issubclass for types (walks the MRO).
bool is_subtype(const Type* type, const Type* base) noexcept;
// Recomputes the slots of `type` and its subclasses after a dunder changed.
void update_slots(Interp& interp, Type* type);
// The type's dict changed: invalidates the attribute cache.
void type_modified(Interp& interp, Type* type);

// The instance dict of obj (created if the layout has one), or null.
Dict* instance_dict(Interp& interp, Value obj, bool create);

// object.__getattribute__ / object.__setattr__ (descriptors, then the
// instance dict, then class attributes).
Value generic_getattr(Interp& interp, Value obj, Str* name);
void generic_setattr(Interp& interp, Value obj, Str* name, Value value);

// Calls the special method `descr` (found on type(self)) with self first:
// binds it as a method would be bound, without allocating for functions.
Value call_special(Interp& interp, Value descr, Value self, const Value* args, std::size_t nargs);
// The dunder `name` looked up on type(self) and called, or null when the
// type has none.
Value call_dunder(Interp& interp, Value self, Str* name, const Value* args, std::size_t nargs);

// The class name for messages: type(v).__name__.
std::string_view type_name(Interp& interp, Value v);

}  // namespace corio::py
