// iterators.hpp — the builtin iterator objects: sequence iterators (list,
// tuple, str, the generic __getitem__ one), enumerate, zip, map, filter,
// reversed, and iter(callable, sentinel).
#pragma once

#include <cstddef>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

// An iterator over a sequence by index (list, tuple, str, generic).
class SeqIterator : public Object {
public:
    SeqIterator(Type* type, Value s) noexcept : Object(type), seq(s) {}
    void trace(Tracer& tracer) override;
    Value seq;          // null once exhausted
    std::size_t index = 0;  // list/tuple: item index; str: byte offset
};

Value make_seq_iterator(Interp& interp, Type* type, Value seq);
// iter(callable, sentinel)
Value make_callable_iterator(Interp& interp, Value callable, Value sentinel);

void init_iterator_types(Interp& interp);

}  // namespace corio::py
