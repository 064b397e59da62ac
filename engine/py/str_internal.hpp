// str_internal.hpp — helpers shared by str.cpp, str_methods.cpp and
// str_format.cpp (not part of the public API).
#pragma once

#include <cstdint>
#include <vector>

#include "py/str.hpp"

namespace corio::py {

inline constexpr uint32_t kLatin1Cache = 256;  // one-character strs cached per Interp
Str** interp_str_cache(Interp& interp) noexcept;

Str* self_str(Value v) noexcept;
// Byte offset of code point `index` (clamped to the end).
std::size_t str_byte_offset(const Str* s, int64_t index) noexcept;
std::vector<uint32_t> str_code_points(const Str* s);
Str* str_from_code_points(Interp& interp, const uint32_t* cps, std::size_t n);
void init_str_methods(Interp& interp);

// Unicode character classes (ASCII exact, common scripts approximated).
bool uni_isspace(uint32_t c) noexcept;
bool uni_isalpha(uint32_t c) noexcept;
bool uni_isdigit(uint32_t c) noexcept;
bool uni_isupper(uint32_t c) noexcept;
bool uni_islower(uint32_t c) noexcept;
uint32_t uni_toupper(uint32_t c) noexcept;
uint32_t uni_tolower(uint32_t c) noexcept;

}  // namespace corio::py
