// format(value, spec) for int, float and str, exactly as CPython 3.11's
// Python/formatter_unicode.c: the format-spec mini-language
//     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// and its rendering (sign-aware zero padding, ',' and '_' grouping, '#'
// prefixes). Also old-style '%' formatting of one number, which str % args
// uses per conversion. All errors are NumberError with CPython's messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "py/bigint.hpp"

namespace corio::py {

// A parsed format spec; fields hold CPython's resolved values.
struct FormatSpec {
    uint32_t fill = ' ';        // fill code point
    char align = '>';           // < > = ^ (the type's default when absent)
    char sign = '\0';           // + - space, or none
    bool no_negative_zero = false;  // 'z'
    bool alternate = false;     // '#'
    int64_t width = -1;         // -1: none
    char grouping = '\0';       // ',' or '_', or none
    int group_size = 3;         // 4 for '_' with b/o/x/X
    int64_t precision = -1;     // -1: none
    uint32_t type = '\0';       // presentation type code point, or none
};

// Parses `spec` as CPython's parse_internal_render_format_spec, with the
// defaults of the formatted type; `type_name` appears in error messages.
FormatSpec parse_format_spec(std::string_view spec, char default_type, char default_align,
                             std::string_view type_name);

// format(value, spec) for each value type.
std::string format_int(int64_t value, std::string_view spec);
std::string format_int(const BigInt& value, std::string_view spec,
                       int max_str_digits = kDefaultMaxStrDigits);
std::string format_float(double value, std::string_view spec);
std::string format_str(std::string_view utf8, std::string_view spec);

// One '%' conversion: %[flags][width][.precision][length]type.
struct PercentSpec {
    bool left = false;       // '-'
    bool plus = false;       // '+'
    bool space = false;      // ' '
    bool alternate = false;  // '#'
    bool zero = false;       // '0'
    bool width_from_args = false;      // '*': the caller fills `width`
    bool precision_from_args = false;  // '.*': the caller fills `precision`
    int64_t width = -1;
    int64_t precision = -1;
    char conversion = 'd';   // d i u o x X e E f F g G c s r a %
};

// Parses the conversion starting at format[pos] == '%' (mapping keys "(name)"
// are the caller's); returns the index just past it. ValueError for a
// truncated spec ("incomplete format") or an unknown conversion.
size_t parse_percent_spec(std::string_view format, size_t pos, PercentSpec& spec);

// '%...' % value for a number. TypeError where CPython has one (%x of a
// float, %c of a float).
std::string percent_format(const PercentSpec& spec, int64_t value);
std::string percent_format(const PercentSpec& spec, const BigInt& value,
                           int max_str_digits = kDefaultMaxStrDigits);
std::string percent_format(const PercentSpec& spec, double value);

}  // namespace corio::py
