// str.hpp — Python's str: immutable UTF-8 text with its length in code
// points, an ASCII flag for the O(1) indexing fast path, and a cached hash.
// The bytes live inline after the object (one allocation). Interned strings
// (attribute and global names) compare by pointer first in dict lookups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Str : public Object {
public:
    Str(Type* type, std::size_t byte_size, int64_t length, bool ascii) noexcept
        : Object(type), size_(byte_size), length_(length), ascii_(ascii) {}

    std::string_view view() const noexcept { return {data_, size_}; }
    const char* data() const noexcept { return data_; }
    std::size_t byte_size() const noexcept { return size_; }
    int64_t length() const noexcept { return length_; }  // in code points
    bool is_ascii() const noexcept { return ascii_; }
    bool is_interned() const noexcept { return interned_; }
    int64_t hash() const noexcept {
        if (hash_ == -1) hash_ = compute_hash();
        return hash_;
    }

private:
    friend Str* make_str(Interp&, std::string_view);
    friend Str* make_str_uninit(Interp&, Type*, std::size_t, int64_t, bool);
    friend class Interp;
    friend Str* str_from_code_point(Interp&, uint32_t);
    friend bool str_equal(const Str*, const Str*) noexcept;
    int64_t compute_hash() const noexcept;

    char* data_ = nullptr;  // inline bytes after the object, NUL-terminated
    std::size_t size_;
    int64_t length_;
    mutable int64_t hash_ = -1;
    bool ascii_;
    bool interned_ = false;
};

// A new str holding valid UTF-8 `utf8`.
Str* make_str(Interp& interp, std::string_view utf8);
// A str of `byte_size` bytes to be filled in through mutable_data() before
// anyone else sees it (`length` code points; `ascii` when all bytes < 0x80).
Str* make_str_uninit(Interp& interp, Type* type, std::size_t byte_size, int64_t length, bool ascii);
char* mutable_data(Str* s) noexcept;
// The one-character string for code point c (cached for Latin-1).
Str* str_from_code_point(Interp& interp, uint32_t c);

// Exact str or a subclass.
bool is_str(Interp& interp, Value v) noexcept;
// v as a Str*, or null when v is not a str.
Str* as_str(Interp& interp, Value v) noexcept;
// Equality of two strs (pointer, length, hash, bytes).
bool str_equal(const Str* a, const Str* b) noexcept;
// a + b
Str* str_concat(Interp& interp, Str* a, Str* b);
// Code-point count of valid UTF-8.
int64_t utf8_length(std::string_view s) noexcept;

// The str % args operator (printf-style formatting).
Str* str_percent_format(Interp& interp, Str* format, Value args);
// str.format(*args, **kwargs) from C++.
Str* str_format(Interp& interp, Str* format, const Value* args, std::size_t nargs, Tuple* kwnames);

// Installs str's methods and slots (called by the Interp).
void init_str_type(Interp& interp);

}  // namespace corio::py
