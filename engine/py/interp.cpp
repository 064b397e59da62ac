// interp.cpp — building an interpreter context: bootstrapping type, object,
// str, dict and tuple (which every other object needs), creating the
// builtin types from the BuiltinTypes table, the singletons, the interned
// names, then the builtins and sys modules.
#include "py/interp.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "py/builtins.hpp"
#include "py/bytes.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/generic_alias.hpp"
#include "py/int.hpp"
#include "py/iterators.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/protocols.hpp"
#include "py/range.hpp"
#include "py/set.hpp"
#include "py/slice.hpp"
#include "py/str.hpp"
#include "py/str_internal.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

void init_object_and_type(Interp& interp);  // type_object.cpp
void init_singleton_types(Interp& interp);  // builtins_types.cpp

Str** interp_str_cache(Interp& interp) noexcept { return interp.char_cache_; }

namespace {

struct TypeInfo {
    Type* BuiltinTypes::*field;
    const char* name;
};
constexpr TypeInfo kTypeInfo[] = {
#define X(field, name) {&BuiltinTypes::field, name},
    CORIO_BUILTIN_TYPES(X)
#undef X
};

bool is_base_type(std::string_view name) {
    for (std::string_view n : {"object", "type", "int", "float", "str", "bytes", "bytearray", "tuple", "list", "dict",
                               "set", "frozenset", "property", "staticmethod", "classmethod", "super", "enumerate",
                               "zip", "map", "filter", "reversed", "module"})
        if (n == name) return true;
    return false;
}

void inherit_slots(Type* t, const Type* base) {
    TypeSlots& s = t->slots;
    const TypeSlots& b = base->slots;
    bool own_compare = s.compare != nullptr;
#define INHERIT(field) \
    if (!s.field) s.field = b.field;
    INHERIT(repr) INHERIT(str) INHERIT(compare) INHERIT(truthy) INHERIT(len) INHERIT(iter) INHERIT(next)
    INHERIT(getitem) INHERIT(setitem) INHERIT(contains) INHERIT(call) INHERIT(getattr) INHERIT(setattr)
    INHERIT(descr_get) INHERIT(descr_set) INHERIT(new_) INHERIT(init) INHERIT(divmod) INHERIT(neg) INHERIT(pos)
    INHERIT(invert) INHERIT(abs) INHERIT(index) INHERIT(to_int) INHERIT(to_float)
#undef INHERIT
    if (!s.hash && !own_compare) s.hash = b.hash;
    for (int i = 0; i < kBinarySlotCount; ++i) {
        if (!s.binary[i]) s.binary[i] = b.binary[i];
        if (!s.inplace[i]) s.inplace[i] = b.inplace[i];
    }
    if (!t->instance_dict) t->instance_dict = base->instance_dict;
    if (!t->subclass_instance_dict) t->subclass_instance_dict = base->subclass_instance_dict;
}

}  // namespace

Interp::Interp(std::size_t heap_limit_bytes) : heap(heap_limit_bytes) {
    // Bootstrap: the raw type objects first (no names, dicts or MROs yet).
    for (const TypeInfo& info : kTypeInfo) {
        Type* t = heap.make<Type>(nullptr);
        Heap::make_permanent(t);
        types.*info.field = t;
    }
    for (const TypeInfo& info : kTypeInfo) (types.*info.field)->set_type(types.type);
    for (const TypeInfo& info : kTypeInfo) {
        Type* t = types.*info.field;
        t->base = t == types.object ? nullptr : t == types.bool_ ? types.int_ : types.object;
        t->solid_base = t;
        if (is_base_type(info.name)) t->flags |= kTypeBaseType;
    }
    types.method_descriptor->flags |= kTypeMethodDescriptor;
    types.wrapper_descriptor->flags |= kTypeMethodDescriptor;
    types.int_->flags |= kTypeIntSubclass;
    types.bool_->flags |= kTypeIntSubclass;
    types.str->flags |= kTypeStrSubclass;
    types.tuple->flags |= kTypeTupleSubclass;
    types.list->flags |= kTypeListSubclass;
    types.dict->flags |= kTypeDictSubclass;
    types.type->flags |= kTypeTypeSubclass;
    empty_str = make_str(*this, "");
    Heap::make_permanent(empty_str);
#define X(field, text) names.field = intern(text);
    CORIO_INTERNED_NAMES(X)
#undef X
    for (const TypeInfo& info : kTypeInfo) {
        Type* t = types.*info.field;
        t->name = intern(info.name);
        t->qualname = t->name;
        t->dict = make_dict(*this);
        t->dict->mark_type_dict();
    }
    empty_tuple = make_tuple_of_type(*this, types.tuple, 0);
    Heap::make_permanent(empty_tuple);
    for (const TypeInfo& info : kTypeInfo) {
        Type* t = types.*info.field;
        t->bases = t->base ? make_tuple(*this, {Value(t->base)}) : empty_tuple;
    }

    // Slots and methods of every builtin type, then inheritance and wrappers.
    init_object_and_type(*this);
    init_singleton_types(*this);
    init_int_type(*this);
    init_float_type(*this);
    init_str_type(*this);
    init_bytes_types(*this);
    init_tuple_type(*this);
    init_list_type(*this);
    init_dict_type(*this);
    init_set_type(*this);
    init_range_type(*this);
    init_slice_type(*this);
    init_module_type(*this);
    init_descriptor_types(*this);
    init_iterator_types(*this);
    init_generic_alias_types(*this);
    std::vector<Type*> done;
    auto finish = [&](auto& self, Type* t) -> void {
        if (std::find(done.begin(), done.end(), t) != done.end()) return;
        if (t->base) {
            self(self, t->base);
            inherit_slots(t, t->base);
        }
        finish_builtin_type(*this, t);
        done.push_back(t);
    };
    for (const TypeInfo& info : kTypeInfo) finish(finish, types.*info.field);
    init_exception_types(*this);
    init_builtins(*this);
    init_sys_module(*this);
}

Interp::~Interp() = default;

Str* Interp::intern(std::string_view utf8) {
    auto it = interned_.find(utf8);
    if (it != interned_.end()) return it->second;
    Str* s;
    if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 0x80 && empty_str) {
        s = str_from_code_point(*this, static_cast<unsigned char>(utf8[0]));
    } else {
        s = make_str_uninit(*this, types.str, utf8.size(), utf8_length(utf8), utf8_length(utf8) == static_cast<int64_t>(utf8.size()));
        if (!utf8.empty()) std::memcpy(mutable_data(s), utf8.data(), utf8.size());
    }
    Heap::make_permanent(s);
    s->interned_ = true;
    interned_.emplace(s->view(), s);
    return s;
}

void Interp::trace_roots(Tracer& tracer) {
    tracer.visit(builtins);
    tracer.visit(builtins_module);
    tracer.visit(sys_module);
    tracer.visit(modules);
    tracer.visit(argv);
    tracer.visit(sys_stdout);
    tracer.visit(sys_stderr);
    for (Value hook : exit_hooks) tracer.visit(hook);
}

std::size_t Interp::collect() {
    return heap.collect([this](Tracer& tracer) { trace_roots(tracer); });
}

Value Interp::call(Value callable, std::initializer_list<Value> args) { return py::call(*this, callable, args); }

Value Interp::call(Value callable, const Value* args, std::size_t nargs, Tuple* kwnames) {
    return py::call(*this, callable, args, nargs, kwnames);
}

void Interp::add_module(Module* module) { modules->set_str(*this, module->name, module); }

}  // namespace corio::py
