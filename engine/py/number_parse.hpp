// Numbers from text, the shared layer under BigInt, float_format and
// format_spec: the error type every numeric routine throws (NumberError), and
// the lexical rules that int() and float() have in common: Python's notion of
// whitespace, an optional sign, underscores only between digits, and the
// repr() of the offending text in error messages.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

namespace corio::py {

// A Python exception raised by the numeric core; the VM maps `kind` to the
// Python exception class and `message` to its str().
struct NumberError : std::exception {
    enum class Kind { ValueError, OverflowError, ZeroDivisionError, TypeError };

    NumberError(Kind k, std::string msg) : kind(k), message(std::move(msg)) {}
    const char* what() const noexcept override { return message.c_str(); }

    Kind kind;            // which Python exception class
    std::string message;  // exactly CPython's message
};

[[noreturn]] void throw_value_error(std::string message);
[[noreturn]] void throw_overflow_error(std::string message);
[[noreturn]] void throw_zero_division_error(std::string message);
[[noreturn]] void throw_type_error(std::string message);

// Value of an ASCII digit or letter in bases up to 36 (`a`/`A` = 10), or 99.
int digit_value(char c);

// One code point decoded from UTF-8 at byte `i`; a malformed byte decodes
// as itself with length 1 (Python strings are always well formed).
struct CodePoint {
    uint32_t value;
    int length;
};
CodePoint decode_utf8(std::string_view s, size_t i);
// Appends the UTF-8 encoding of code point `c` (< 0x110000).
void append_utf8(std::string& out, uint32_t c);

// `text` without the leading and trailing characters str.strip() removes
// (ASCII whitespace and the Unicode spaces, decoded from UTF-8).
std::string_view strip_py_whitespace(std::string_view text);

// repr() of a Python str given as UTF-8: quotes chosen as CPython does,
// control and separator characters escaped.
std::string py_str_repr(std::string_view utf8);
// Whether repr() shows code point c as itself (str.isprintable()).
bool is_printable_code_point(uint32_t c) noexcept;

// `digits` (no sign, no prefix) with single underscores between digits
// removed, appended to `out`; false if an underscore is leading, trailing,
// doubled, or a character is not a digit for which `is_digit` holds.
template <typename IsDigit>
bool strip_digit_underscores(std::string_view digits, IsDigit is_digit, std::string& out) {
    bool previous_was_digit = false;
    for (char c : digits) {
        if (c == '_') {
            if (!previous_was_digit) return false;
            previous_was_digit = false;
        } else if (is_digit(c)) {
            out.push_back(c);
            previous_was_digit = true;
        } else {
            return false;
        }
    }
    return previous_was_digit;
}

}  // namespace corio::py
