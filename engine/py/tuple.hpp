// tuple.hpp — Python's tuple: a fixed array of Values inline after the object.
#pragma once

#include <cstddef>
#include <initializer_list>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Tuple : public Object {
public:
    Tuple(Type* type, std::size_t size) noexcept : Object(type), size_(size) {}
    void trace(Tracer& tracer) override;

    std::size_t size() const noexcept { return size_; }
    Value* items() noexcept { return items_; }
    const Value* items() const noexcept { return items_; }
    Value operator[](std::size_t i) const noexcept { return items_[i]; }
    Value& operator[](std::size_t i) noexcept { return items_[i]; }
    const Value* begin() const noexcept { return items_; }
    const Value* end() const noexcept { return items_ + size_; }

private:
    friend Tuple* make_tuple(Interp&, std::size_t);
    friend Tuple* make_tuple_of_type(Interp&, Type*, std::size_t);
    Value* items_ = nullptr;  // inline after the object
    std::size_t size_;
};

// A tuple of `size` null items: fill them before the next safe point.
Tuple* make_tuple(Interp& interp, std::size_t size);
Tuple* make_tuple(Interp& interp, std::initializer_list<Value> items);
Tuple* make_tuple(Interp& interp, const Value* items, std::size_t size);
Tuple* make_tuple_of_type(Interp& interp, Type* type, std::size_t size);  // tuple subclasses
bool is_tuple(Interp& interp, Value v) noexcept;  // tuple or a subclass

void init_tuple_type(Interp& interp);

}  // namespace corio::py
