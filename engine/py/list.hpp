// list.hpp — Python's list: a growable array of Values (over-allocated as
// CPython's list_resize does, so append is amortised O(1)).
#pragma once

#include <cstddef>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class List : public Object {
public:
    explicit List(Type* type) noexcept : Object(type) {}
    ~List() override;
    void trace(Tracer& tracer) override;

    std::size_t size() const noexcept { return size_; }
    Value* items() noexcept { return items_; }
    const Value* items() const noexcept { return items_; }
    Value operator[](std::size_t i) const noexcept { return items_[i]; }
    Value& operator[](std::size_t i) noexcept { return items_[i]; }
    const Value* begin() const noexcept { return items_; }
    const Value* end() const noexcept { return items_ + size_; }

    void append(Interp& interp, Value v) {
        if (size_ == capacity_) grow(interp, size_ + 1);
        items_[size_++] = v;
    }
    void reserve(Interp& interp, std::size_t n) {
        if (n > capacity_) grow(interp, n);
    }
    void insert(Interp& interp, std::size_t index, Value v);  // index clamped to size
    void erase(std::size_t index) noexcept;                  // precondition: index < size
    void resize(Interp& interp, std::size_t n);             // new items are None
    void clear() noexcept { size_ = 0; }
    void extend(Interp& interp, const Value* items, std::size_t n);

private:
    void grow(Interp& interp, std::size_t min_capacity);
    Value* items_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

List* make_list(Interp& interp, std::size_t reserve = 0);
List* make_list(Interp& interp, const Value* items, std::size_t n);
bool is_list(Interp& interp, Value v) noexcept;  // list or a subclass
// list(iterable)
List* list_from_iterable(Interp& interp, Value iterable);
// list.sort(key=, reverse=): stable; TypeError from comparisons propagates.
void list_sort(Interp& interp, List* list, Value key, bool reverse);

void init_list_type(Interp& interp);

}  // namespace corio::py
