// format() and '%' formatting of numbers and strings: a port of CPython
// 3.11's Python/formatter_unicode.c (parse_internal_render_format_spec,
// calc_number_widths, fill_number, _PyUnicode_InsertThousandsGrouping) and
// of the number conversions of Objects/unicodeobject.c's PyUnicode_Format.
#include "py/format_spec.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "py/float_format.hpp"

namespace corio::py {

namespace {

bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// How CPython quotes a presentation type in messages: '%c', or '\x%x' when
// not printable ASCII.
std::string quote_type(uint32_t type) {
    char buf[24];
    if (type > 32 && type < 128) std::snprintf(buf, sizeof buf, "'%c'", static_cast<char>(type));
    else std::snprintf(buf, sizeof buf, "'\\x%x'", static_cast<unsigned>(type));
    return buf;
}

[[noreturn]] void throw_unknown_type(uint32_t type, std::string_view type_name) {
    throw_value_error("Unknown format code " + quote_type(type) + " for object of type '" +
                      std::string(type_name) + "'");
}

// get_integer(): ASCII digits at `pos`; false when there are none.
bool read_integer(std::string_view spec, size_t& pos, int64_t& value) {
    const size_t start = pos;
    value = 0;
    for (; pos < spec.size() && is_ascii_digit(spec[pos]); ++pos) {
        const int digit = spec[pos] - '0';
        if (value > (INT64_MAX - digit) / 10) throw_value_error("Too many decimal digits in format string");
        value = value * 10 + digit;
    }
    return pos != start;
}

size_t count_code_points(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

void append_fill(std::string& out, uint32_t fill, int64_t n) {
    if (n <= 0) return;
    if (fill < 0x80) {
        out.append(static_cast<size_t>(n), static_cast<char>(fill));
        return;
    }
    for (int64_t i = 0; i < n; ++i) append_utf8(out, fill);
}

void check_grouping_type(FormatSpec& f) {
    if (f.grouping == '\0') return;
    switch (f.type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
            return;
        case 'b': case 'o': case 'x': case 'X':
            if (f.grouping == '_') {  // PEP 515: every four digits in these bases
                f.group_size = 4;
                return;
            }
            break;
        default:
            break;
    }
    throw_value_error(std::string("Cannot specify '") + f.grouping + "' with " + quote_type(f.type) + ".");
}

[[noreturn]] void throw_both_separators() { throw_value_error("Cannot specify both ',' and '_'."); }

}  // namespace

FormatSpec parse_format_spec(std::string_view spec, char default_type, char default_align,
                             std::string_view type_name) {
    FormatSpec f;
    f.align = default_align;
    f.type = static_cast<unsigned char>(default_type);
    size_t pos = 0;
    bool fill_specified = false, align_specified = false;
    if (!spec.empty()) {
        const CodePoint first = decode_utf8(spec, 0);
        const auto second = static_cast<size_t>(first.length);
        if (second < spec.size() && is_align(static_cast<unsigned char>(spec[second]))) {
            f.fill = first.value;
            f.align = spec[second];
            fill_specified = align_specified = true;
            pos = second + 1;
        } else if (is_align(first.value)) {
            f.align = spec[0];
            align_specified = true;
            pos = 1;
        }
    }
    const auto at = [&](char c) { return pos < spec.size() && spec[pos] == c; };
    if (at('+') || at('-') || at(' ')) f.sign = spec[pos++];
    if (at('z')) f.no_negative_zero = (++pos, true);
    if (at('#')) f.alternate = (++pos, true);
    if (!fill_specified && at('0')) {  // '0' before the width: sign-aware zero padding
        f.fill = '0';
        if (!align_specified && default_align == '>') f.align = '=';
        ++pos;
    }
    int64_t number = 0;
    if (read_integer(spec, pos, number)) f.width = number;
    if (at(',')) f.grouping = (++pos, ',');
    if (at('_')) {
        if (f.grouping != '\0') throw_both_separators();
        f.grouping = (++pos, '_');
    }
    if (at(',') && f.grouping == '_') throw_both_separators();
    if (at('.')) {
        ++pos;
        if (!read_integer(spec, pos, number)) throw_value_error("Format specifier missing precision");
        f.precision = number;
    }
    const std::string_view rest = spec.substr(pos);
    if (count_code_points(rest) > 1)
        throw_value_error("Invalid format specifier '" + std::string(spec) + "' for object of type '" +
                          std::string(type_name) + "'");
    if (!rest.empty()) f.type = decode_utf8(rest, 0).value;
    check_grouping_type(f);
    return f;
}

// ------------------------------------------------------ number layout --

namespace {

// A number split as fill_number() sees it:
// [sign][prefix][zero padding][grouped digits][remainder].
struct NumberText {
    bool negative = false;
    std::string_view prefix;     // "0x", "0o", "0b" or empty
    std::string_view digits;     // the integer digits that get grouped
    std::string_view remainder;  // ".5e+10", "%", "inf" or the 'c' character
};

// _PyUnicode_InsertThousandsGrouping: groups `digits` from the right,
// padding with zeros (also grouped) up to `min_width`. group_size 0 means
// no grouping (the C locale of 'n'), which still pads.
void append_grouped(std::string& out, std::string_view digits, int64_t min_width, char separator,
                    int group_size) {
    if (digits.empty()) return;  // only 'c' has no digits
    std::string reversed;
    auto remaining = static_cast<int64_t>(digits.size());
    const auto emit = [&](int64_t length, bool separate) {
        if (separate) reversed += separator;
        const int64_t zeros = std::max<int64_t>(0, length - remaining);
        const int64_t chars = std::max<int64_t>(0, std::min(remaining, length));
        for (int64_t i = 0; i < chars; ++i) reversed += digits[static_cast<size_t>(remaining - 1 - i)];
        reversed.append(static_cast<size_t>(zeros), '0');
        remaining -= chars;
        min_width -= length;
    };
    bool separate = false;
    bool done = false;
    while (group_size > 0) {
        emit(std::min<int64_t>(group_size, std::max<int64_t>({remaining, min_width, 1})), separate);
        separate = true;
        if (remaining <= 0 && min_width <= 0) {
            done = true;
            break;
        }
        min_width -= 1;  // the separator's width
    }
    if (!done) emit(std::max<int64_t>({remaining, min_width, 1}), separate);
    out.append(reversed.rbegin(), reversed.rend());
}

// calc_number_widths() + fill_number().
std::string render_number(const NumberText& t, const FormatSpec& f, bool grouping_allowed, bool upper) {
    char sign = t.negative ? '-' : '\0';
    if (f.sign == '+') sign = t.negative ? '-' : '+';
    else if (f.sign == ' ') sign = t.negative ? '-' : ' ';
    const int64_t non_digits = (sign != '\0' ? 1 : 0) + static_cast<int64_t>(t.prefix.size()) +
                               static_cast<int64_t>(count_code_points(t.remainder));
    const int64_t min_width = (f.fill == '0' && f.align == '=') ? f.width - non_digits : 0;
    std::string grouped;
    const int group_size = grouping_allowed && f.grouping != '\0' ? f.group_size : 0;
    append_grouped(grouped, t.digits, min_width, f.grouping, group_size);
    const int64_t padding = f.width - (non_digits + static_cast<int64_t>(grouped.size()));
    int64_t left = 0, inner = 0, right = 0;
    if (padding > 0) {
        if (f.align == '<') right = padding;
        else if (f.align == '^') left = padding / 2, right = padding - left;
        else if (f.align == '=') inner = padding;
        else left = padding;
    }
    std::string out;
    out.reserve(static_cast<size_t>(std::max<int64_t>(f.width, 0)) + grouped.size() + t.remainder.size() + 4);
    append_fill(out, f.fill, left);
    if (sign != '\0') out += sign;
    const size_t prefix_at = out.size();
    out.append(t.prefix);
    append_fill(out, f.fill, inner);
    const size_t digits_at = out.size();
    out += grouped;
    if (upper) {  // 'X': upper-case the prefix and the digits, not the padding
        for (size_t i = prefix_at; i < prefix_at + t.prefix.size(); ++i)
            out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
        for (size_t i = digits_at; i < out.size(); ++i)
            out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
    }
    out.append(t.remainder);
    append_fill(out, f.fill, right);
    return out;
}

// ------------------------------------------------------------- floats --

// format_float_internal().
std::string format_float_spec(double value, const FormatSpec& f) {
    if (f.precision > INT32_MAX) throw_value_error("precision too big");
    FloatFormatFlags flags;
    flags.alternate = f.alternate;
    flags.no_negative_zero = f.no_negative_zero;
    auto type = static_cast<char>(f.type);
    int default_precision = 6;
    if (type == '\0') {  // like repr, or 'g' keeping a ".0" when a precision is given
        flags.add_dot_0 = true;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    bool percent = false;
    if (type == '%') {
        type = 'f';
        value *= 100;
        percent = true;
    }
    int precision = default_precision;
    if (f.precision >= 0) {
        precision = static_cast<int>(f.precision);
        if (type == 'r') type = 'g';
    }
    std::string text;
    append_double(text, value, type, precision, flags);
    if (percent) text += '%';
    NumberText t;
    std::string_view body = text;
    if (!body.empty() && body[0] == '-') {
        t.negative = true;
        body.remove_prefix(1);
    }
    size_t n = 0;
    while (n < body.size() && is_ascii_digit(body[n])) ++n;
    t.digits = body.substr(0, n);
    t.remainder = body.substr(n);
    return render_number(t, f, f.type != 'n', false);
}

// --------------------------------------------------------------- ints --

// An int as format_long_internal() needs it, whichever representation.
class IntValue {
public:
    explicit IntValue(int64_t v) : small_(v), big_(nullptr) {}
    IntValue(const BigInt& v, int max_str_digits) : small_(0), big_(&v), max_str_digits_(max_str_digits) {}

    bool negative() const { return big_ ? big_->is_negative() : small_ < 0; }
    double to_double() const { return big_ ? big_->to_double() : static_cast<double>(small_); }
    // The value as a code point for 'c', or OverflowError; format() and
    // '%c' word the error for a value beyond a C long differently.
    uint32_t code_point(bool percent) const {
        if (big_ && !big_->fits_i64())
            throw_overflow_error(percent ? "%c arg not in range(0x110000)"
                                         : "Python int too large to convert to C long");
        const int64_t v = big_ ? big_->to_i64() : small_;
        if (v < 0 || v > 0x10FFFF) throw_overflow_error("%c arg not in range(0x110000)");
        return static_cast<uint32_t>(v);
    }
    void append_digits(std::string& out, int base) const {
        if (big_) return big_->append_magnitude_digits(out, base, max_str_digits_);
        uint64_t m = small_ < 0 ? 0 - static_cast<uint64_t>(small_) : static_cast<uint64_t>(small_);
        char buf[64];
        int n = 0;
        do {
            buf[n++] = "0123456789abcdef"[m % static_cast<uint64_t>(base)];
            m /= static_cast<uint64_t>(base);
        } while (m != 0);
        while (n > 0) out += buf[--n];
    }

private:
    int64_t small_;
    const BigInt* big_;
    int max_str_digits_ = kDefaultMaxStrDigits;
};

// format_long_internal().
std::string format_int_spec(const IntValue& v, const FormatSpec& f) {
    if (f.precision != -1) throw_value_error("Precision not allowed in integer format specifier");
    if (f.no_negative_zero)
        throw_value_error("Negative zero coercion (z) not allowed in integer format specifier");
    NumberText t;
    std::string text;
    if (f.type == 'c') {
        if (f.sign != '\0') throw_value_error("Sign not allowed with integer format specifier 'c'");
        if (f.alternate) throw_value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        append_utf8(text, v.code_point(false));
        t.remainder = text;  // as CPython, the character is "remainder", never grouped
        return render_number(t, f, false, false);
    }
    const int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
    static constexpr std::string_view kPrefixes[] = {"0b", "0o", "0x"};
    if (f.alternate && base != 10) t.prefix = kPrefixes[base == 2 ? 0 : base == 8 ? 1 : 2];
    v.append_digits(text, base);
    t.negative = v.negative();
    t.digits = text;
    return render_number(t, f, f.type != 'n', f.type == 'X');
}

std::string format_int_value(const IntValue& v, std::string_view spec) {
    const FormatSpec f = parse_format_spec(spec, 'd', '>', "int");
    switch (f.type) {
        case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
            return format_int_spec(v, f);
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
            return format_float_spec(v.to_double(), f);
        default:
            throw_unknown_type(f.type, "int");
    }
}

}  // namespace

std::string format_int(int64_t value, std::string_view spec) {
    if (spec.empty()) return std::to_string(value);
    return format_int_value(IntValue(value), spec);
}

std::string format_int(const BigInt& value, std::string_view spec, int max_str_digits) {
    if (spec.empty()) return value.to_string(10, max_str_digits);
    return format_int_value(IntValue(value, max_str_digits), spec);
}

std::string format_float(double value, std::string_view spec) {
    if (spec.empty()) return float_repr(value);
    const FormatSpec f = parse_format_spec(spec, '\0', '>', "float");
    switch (f.type) {
        case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
            return format_float_spec(value, f);
        default:
            throw_unknown_type(f.type, "float");
    }
}

// ------------------------------------------------------------ strings --

std::string format_str(std::string_view utf8, std::string_view spec) {
    if (spec.empty()) return std::string(utf8);
    const FormatSpec f = parse_format_spec(spec, 's', '<', "str");
    if (f.type != 's') throw_unknown_type(f.type, "str");
    if (f.sign == ' ') throw_value_error("Space not allowed in string format specifier");
    if (f.sign != '\0') throw_value_error("Sign not allowed in string format specifier");
    if (f.no_negative_zero) throw_value_error("Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate) throw_value_error("Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') throw_value_error("'=' alignment not allowed in string format specifier");
    auto length = static_cast<int64_t>(count_code_points(utf8));
    std::string_view text = utf8;
    if (f.precision >= 0 && length > f.precision) {  // keep the first `precision` code points
        size_t bytes = 0;
        for (int64_t i = 0; i < f.precision; ++i) bytes += static_cast<size_t>(decode_utf8(utf8, bytes).length);
        text = utf8.substr(0, bytes);
        length = f.precision;
    }
    const int64_t total = std::max(f.width, length);
    const int64_t left = f.align == '>' ? total - length : f.align == '^' ? (total - length) / 2 : 0;
    std::string out;
    append_fill(out, f.fill, left);
    out.append(text);
    append_fill(out, f.fill, total - length - left);
    return out;
}

// ---------------------------------------------------- percent formats --

namespace {

bool is_percent_conversion(char c) {
    return std::string_view("diuoxXeEfFgGcsra%").find(c) != std::string_view::npos;
}

[[noreturn]] void throw_unsupported_conversion(std::string_view format, size_t pos) {
    const CodePoint cp = decode_utf8(format, pos);
    char buf[96];
    std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                  cp.value >= 31 && cp.value <= 126 ? static_cast<char>(cp.value) : '?',
                  static_cast<unsigned>(cp.value), count_code_points(format.substr(0, pos)));
    throw_value_error(buf);
}

// Reads digits into `value`; `overflow_message` names CPython's error.
size_t read_percent_number(std::string_view s, size_t pos, int64_t limit, int64_t& value,
                           const char* overflow_message) {
    value = 0;
    for (; pos < s.size() && is_ascii_digit(s[pos]); ++pos) {
        const int digit = s[pos] - '0';
        if (value > (limit - digit) / 10) throw_value_error(overflow_message);
        value = value * 10 + digit;
    }
    return pos;
}

}  // namespace

size_t parse_percent_spec(std::string_view format, size_t pos, PercentSpec& spec) {
    spec = PercentSpec{};
    ++pos;  // the '%'
    for (; pos < format.size(); ++pos) {
        const char c = format[pos];
        if (c == '-') spec.left = true;
        else if (c == '+') spec.plus = true;
        else if (c == ' ') spec.space = true;
        else if (c == '#') spec.alternate = true;
        else if (c == '0') spec.zero = true;
        else break;
    }
    if (pos < format.size() && format[pos] == '*') {
        spec.width_from_args = true;
        ++pos;
    } else if (pos < format.size() && is_ascii_digit(format[pos])) {
        pos = read_percent_number(format, pos, INT64_MAX, spec.width, "width too big");
    }
    if (pos < format.size() && format[pos] == '.') {
        spec.precision = 0;
        ++pos;
        if (pos < format.size() && format[pos] == '*') {
            spec.precision_from_args = true;
            ++pos;
        } else {
            pos = read_percent_number(format, pos, INT32_MAX, spec.precision, "precision too big");
        }
    }
    if (pos < format.size() && (format[pos] == 'h' || format[pos] == 'l' || format[pos] == 'L')) ++pos;
    if (pos >= format.size()) throw_value_error("incomplete format");
    if (!is_percent_conversion(format[pos])) throw_unsupported_conversion(format, pos);
    spec.conversion = format[pos];
    return pos + 1;
}

namespace {

// unicode_format_arg_output(): sign, '#' prefix, padding. `text` is the
// converted value, with its own '-' and (for %#x/%#o) prefix.
std::string pad_percent(const PercentSpec& spec, std::string_view text, bool numeric) {
    char sign = '\0';
    if (numeric) {
        if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
            sign = text[0];
            text.remove_prefix(1);
        } else if (spec.plus) {
            sign = '+';
        } else if (spec.space) {
            sign = ' ';
        }
    }
    const char fill = numeric && spec.zero ? '0' : ' ';
    auto len = static_cast<int64_t>(count_code_points(text));  // without the sign
    int64_t width = std::max(spec.width, len);
    const bool prefixed = numeric && spec.alternate &&
                          (spec.conversion == 'x' || spec.conversion == 'X' || spec.conversion == 'o');
    std::string out;
    if (sign != '\0') {
        if (fill != ' ') out += sign;
        if (width > len) --width;
    }
    std::string_view prefix;
    if (prefixed) {
        prefix = text.substr(0, 2);
        text.remove_prefix(2);
        if (fill != ' ') out += prefix;
        width = std::max<int64_t>(width - 2, 0);
        len -= 2;
    }
    if (width > len && !spec.left) {
        out.append(static_cast<size_t>(width - len), fill);
        width = len;
    }
    if (fill == ' ') {
        if (sign != '\0') out += sign;
        if (prefixed) out += prefix;
    }
    out.append(text);
    if (width > len) out.append(static_cast<size_t>(width - len), ' ');
    return out;
}

// _PyUnicode_FormatLong(): digits in the conversion's base, "0x"/"0o" when
// '#', zero-extended to the precision, upper-cased for 'X'.
std::string format_long_text(const PercentSpec& spec, const IntValue& v) {
    const char c = spec.conversion;
    const int base = c == 'o' ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
    std::string digits;
    v.append_digits(digits, base);
    std::string out;
    if (v.negative()) out += '-';
    if (spec.alternate && base != 10) out += c == 'o' ? "0o" : "0x";
    if (spec.precision > static_cast<int64_t>(digits.size()))
        out.append(static_cast<size_t>(spec.precision) - digits.size(), '0');
    out += digits;
    if (c == 'X')
        for (char& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return out;
}

std::string truncate_to_precision(const PercentSpec& spec, std::string text) {
    if (spec.precision >= 0 && static_cast<int64_t>(text.size()) > spec.precision)
        text.resize(static_cast<size_t>(spec.precision));  // numbers are ASCII
    return text;
}

std::string format_double_text(const PercentSpec& spec, double value) {
    FloatFormatFlags flags;
    flags.alternate = spec.alternate;
    std::string text;
    const int64_t precision = spec.precision < 0 ? 6 : spec.precision;
    append_double(text, value, spec.conversion, static_cast<int>(precision), flags);
    return text;
}

std::string percent_format_int(const PercentSpec& spec, const IntValue& v, const std::string& str) {
    switch (spec.conversion) {
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            return pad_percent(spec, format_long_text(spec, v), true);
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            return pad_percent(spec, format_double_text(spec, v.to_double()), true);
        case 'c': {
            std::string ch;
            append_utf8(ch, v.code_point(true));
            return pad_percent(spec, ch, false);
        }
        default:  // s r a: str() and repr() of an int are the same
            return pad_percent(spec, truncate_to_precision(spec, str), false);
    }
}

}  // namespace

std::string percent_format(const PercentSpec& spec, int64_t value) {
    const bool needs_str = std::string_view("sra").find(spec.conversion) != std::string_view::npos;
    return percent_format_int(spec, IntValue(value), needs_str ? std::to_string(value) : std::string());
}

std::string percent_format(const PercentSpec& spec, const BigInt& value, int max_str_digits) {
    const bool needs_str = std::string_view("sra").find(spec.conversion) != std::string_view::npos;
    return percent_format_int(spec, IntValue(value, max_str_digits),
                              needs_str ? value.to_string(10, max_str_digits) : std::string());
}

std::string percent_format(const PercentSpec& spec, double value) {
    switch (spec.conversion) {
        case 'd': case 'i': case 'u': {
            const BigInt truncated = BigInt::from_double(value);  // int(x)
            return percent_format(spec, truncated);
        }
        case 'o': case 'x': case 'X':
            throw_type_error(std::string("%") + spec.conversion + " format: an integer is required, not float");
        case 'c':
            throw_type_error("%c requires int or char");
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            return pad_percent(spec, format_double_text(spec, value), true);
        default:  // s r a
            return pad_percent(spec, truncate_to_precision(spec, float_repr(value)), false);
    }
}

}  // namespace corio::py
