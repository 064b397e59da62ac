// builtins_types.cpp — the singleton types: NoneType, NotImplementedType
// and ellipsis, with their permanent instances.
#include <string>

#include "py/exceptions.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {

Value none_repr(Interp& interp, Value) { return make_str(interp, "None"); }
Value notimpl_repr(Interp& interp, Value) { return make_str(interp, "NotImplemented"); }
Value ellipsis_repr(Interp& interp, Value) { return make_str(interp, "Ellipsis"); }
bool none_truthy(Interp&, Value) { return false; }
int64_t none_hash(Interp&, Value) { return 0xFCA86420; }

Value none_new(Interp& interp, Type*, const Value*, std::size_t nargs, Tuple* kwnames) {
    if (nargs || (kwnames && kwnames->size())) raise_type_error(interp, "NoneType takes no arguments");
    return interp.none;
}
Value notimpl_new(Interp& interp, Type*, const Value*, std::size_t nargs, Tuple* kwnames) {
    if (nargs || (kwnames && kwnames->size())) raise_type_error(interp, "NotImplementedType takes no arguments");
    return interp.not_implemented;
}
Value ellipsis_new(Interp& interp, Type*, const Value*, std::size_t nargs, Tuple* kwnames) {
    if (nargs || (kwnames && kwnames->size())) raise_type_error(interp, "ellipsis takes no arguments");
    return interp.ellipsis;
}

bool notimpl_truthy(Interp&, Value) { return true; }

}  // namespace

void init_singleton_types(Interp& interp) {
    BuiltinTypes& t = interp.types;
    t.none->slots.repr = none_repr;
    t.none->slots.truthy = none_truthy;
    t.none->slots.hash = none_hash;
    t.none->slots.new_ = none_new;
    t.not_implemented->slots.repr = notimpl_repr;
    t.not_implemented->slots.new_ = notimpl_new;
    t.not_implemented->slots.truthy = notimpl_truthy;
    t.ellipsis->slots.repr = ellipsis_repr;
    t.ellipsis->slots.new_ = ellipsis_new;
    for (auto [type, slot] : {std::pair{t.none, &Interp::none}, std::pair{t.not_implemented, &Interp::not_implemented},
                              std::pair{t.ellipsis, &Interp::ellipsis}}) {
        Object* o = interp.heap.make<Object>(type);
        Heap::make_permanent(o);
        interp.*slot = o;
    }
}

}  // namespace corio::py
