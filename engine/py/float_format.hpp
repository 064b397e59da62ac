// Python floats as text and back: repr(x) (shortest round-trip digits),
// the digit layout of CPython's PyOS_double_to_string that format() and
// %-formatting build on, round(x, n), and float(text).
//
// libc++ 13 (Emscripten) has no to_chars(double), so digits come from
// snprintf, which both glibc and musl round exactly; shortest digits are the
// first precision whose output strtod reads back as the same double.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace corio::py {

// Options of PyOS_double_to_string (its Py_DTSF_* flags).
struct FloatFormatFlags {
    bool always_sign = false;       // "+" before non-negative numbers
    bool add_dot_0 = false;         // "1.0" rather than "1" (repr, format with no type)
    bool alternate = false;         // '#': keep the point and trailing zeros
    bool no_negative_zero = false;  // 'z': a value that rounds to -0 prints as 0
};

// Appends x formatted as PyOS_double_to_string(x, code, precision, flags):
// code is one of e E f F g G (precision as in format()) or r (shortest
// round-trip digits, precision ignored). Upper-case codes give INF/NAN/E.
void append_double(std::string& out, double x, char code, int precision, FloatFormatFlags flags = {});

// repr(x) / str(x), e.g. "0.1", "1e+16", "1e-05", "123.0", "-0.0", "inf".
std::string float_repr(double x);
void append_float_repr(std::string& out, double x);

// round(x, ndigits) exactly as CPython: half-even on the exact binary value,
// so round(2.675, 2) == 2.67. OverflowError if the result overflows.
double round_double(double x, int64_t ndigits);
// round(x) before its conversion to int: nearest integer, ties to even.
double round_half_even(double x);

// float(text): surrounding whitespace, sign, underscores between digits,
// inf/infinity/nan in any case. ValueError "could not convert string to
// float: '...'" otherwise.
double float_parse(std::string_view text);

}  // namespace corio::py
