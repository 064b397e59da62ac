// bytes.hpp — bytes (immutable) and bytearray (mutable): the common parts.
#pragma once

#include <string>
#include <string_view>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Bytes : public Object {
public:
    Bytes(Type* type, std::string d) : Object(type), data(std::move(d)) {}
    std::string data;  // bytearray mutates it
    mutable int64_t hash = -1;
};

Bytes* make_bytes(Interp& interp, std::string_view data);
Bytes* make_bytearray(Interp& interp, std::string_view data);
bool is_bytes_like(Interp& interp, Value v) noexcept;  // bytes or bytearray
// repr: b'...' with CPython's escapes.
std::string bytes_repr(std::string_view data, bool bytearray);

void init_bytes_types(Interp& interp);

}  // namespace corio::py
