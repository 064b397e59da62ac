// Float text conversion: decimal digits in dtoa's three modes (shortest,
// n significant digits, n digits after the point) from snprintf/strtod, laid
// out by a port of CPython's format_float_short (Python/pystrtod.c); round()
// through exact integer arithmetic; float() parsing with Python's grammar.
#include "py/float_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "py/bigint.hpp"
#include "py/number_parse.hpp"

namespace corio::py {

namespace {

// Decimal digits as _Py_dg_dtoa returns them: value = 0.DIGITS * 10**decpt,
// no trailing zeros; empty when a fixed-point rounding gave zero.
struct Digits {
    std::string_view text;
    int decpt = 0;
};

// snprintf output in a stack buffer, or on the heap when it is long (%f of
// 1e300, or a large precision). The digits parsed from it point into it.
class Printed {
public:
    static constexpr size_t kStackSize = 64;

    void print(const char* fmt, int precision, double x) {
        const int n = std::snprintf(stack_, kStackSize, fmt, precision, x);
        size_ = static_cast<size_t>(n);
        if (size_ >= kStackSize) {
            heap_.resize(size_ + 1);
            std::snprintf(heap_.data(), heap_.size(), fmt, precision, x);
        }
    }
    char* data() { return size_ >= kStackSize ? heap_.data() : stack_; }
    char* stack() { return stack_; }
    size_t size() const { return size_; }

private:
    char stack_[kStackSize];
    std::string heap_;
    size_t size_ = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Compacts the digits of "d.ddde+XX" (any decimal point character) in place
// to the front of `buf` and returns them with their decimal point position.
Digits parse_exponential(char* buf, size_t size) {
    size_t n = 0, i = 0;
    for (; i < size && buf[i] != 'e' && buf[i] != 'E'; ++i)
        if (is_digit(buf[i])) buf[n++] = buf[i];
    const int exponent = std::atoi(buf + i + 1);
    while (n > 1 && buf[n - 1] == '0') --n;
    return {std::string_view(buf, n), exponent + 1};
}

// Same for "ddd.ddd" from %.Nf: leading zeros move the decimal point, and
// an all-zero result is empty with decpt == -decimals, as dtoa's mode 3.
Digits parse_fixed(char* buf, size_t size, int decimals) {
    size_t n = 0, integer_digits = 0;
    bool seen_point = false;
    for (size_t i = 0; i < size; ++i) {
        if (!is_digit(buf[i])) {
            seen_point = true;
            continue;
        }
        buf[n++] = buf[i];
        if (!seen_point) ++integer_digits;
    }
    size_t zeros = 0;
    while (zeros < n && buf[zeros] == '0') ++zeros;
    if (zeros == n) return {std::string_view(), -decimals};
    while (buf[n - 1] == '0') --n;
    return {std::string_view(buf + zeros, n - zeros),
            static_cast<int>(integer_digits) - static_cast<int>(zeros)};
}

// A decimal candidate for repr: value = 0.DIGITS * 10**decpt.
struct Candidate {
    char digits[20];
    int count = 0;
    int decpt = 0;
};

// The correctly rounded `count`-digit decimal of x > 0, from snprintf.
Candidate print_candidate(double x, int count) {
    char text[40];
    std::snprintf(text, sizeof text, "%.*e", count - 1, x);
    const Digits d = parse_exponential(text, std::strlen(text));
    Candidate c;
    c.count = count;
    c.decpt = d.decpt;
    std::memset(c.digits, '0', sizeof c.digits);
    std::memcpy(c.digits, d.text.data(), d.text.size());
    return c;
}

// One unit more in the last place (999 -> 100 with decpt + 1).
void increment(Candidate& c) {
    int k = c.count;
    while (k > 0 && c.digits[k - 1] == '9') c.digits[--k] = '0';
    if (k > 0) {
        ++c.digits[k - 1];
    } else {
        c.digits[0] = '1';
        ++c.decpt;
    }
}

// Rounds the exact 17-digit rounding of x to `count` digits, which equals
// rounding x itself unless the dropped digits are exactly one half: then
// the 17 digits hide the side x lies on, and snprintf has to be asked.
Candidate round_candidate(const Candidate& c17, int count, double x) {
    Candidate c = c17;
    c.count = count;
    bool rest_zero = true;
    for (int i = count + 1; i < 17; ++i) rest_zero = rest_zero && c17.digits[i] == '0';
    if (c17.digits[count] == '5' && rest_zero) return print_candidate(x, count);
    if (c17.digits[count] >= '5') increment(c);
    std::memset(c.digits + count, '0', sizeof c.digits - static_cast<size_t>(count));
    return c;
}

// Does the candidate read back as x? (strtod rounds correctly in glibc and musl.)
bool round_trips(const Candidate& c, double x) {
    char text[40];
    std::memcpy(text, c.digits, static_cast<size_t>(c.count));
    std::snprintf(text + c.count, sizeof text - static_cast<size_t>(c.count), "e%d", c.decpt - c.count);
    return std::strtod(text, nullptr) == x;
}

Digits strip_candidate(const Candidate& c, char* buf) {
    auto n = static_cast<size_t>(c.count);
    std::memcpy(buf, c.digits, n);
    while (n > 1 && buf[n - 1] == '0') --n;
    return {std::string_view(buf, n), c.decpt};
}

// Powers of two have a gap below them half as wide as the one above, so the
// nearest 16-digit decimal may miss while the next one up still round-trips.
bool has_narrow_lower_gap(double x) {
    int exponent = 0;
    return std::frexp(x, &exponent) == 0.5 && exponent > -1021;
}

// Shortest digits of finite x > 0 that read back as x (dtoa mode 0), the
// closest such if several. For normal x, any string of <= 15 digits that
// round-trips is the nearest 15-digit rounding with zeros stripped (the
// rounding interval is narrower than the 15-digit spacing), and the nearest
// 17-digit rounding always round-trips. So one snprintf of 17 digits and at
// most four strtod checks do; subnormals, with wider intervals, try every
// length.
Digits shortest_digits(double x, char* buf) {
    const Candidate c17 = print_candidate(x, 17);
    const int first = x < std::numeric_limits<double>::min() ? 1 : 15;
    for (int count = first; count <= 16; ++count) {
        Candidate c = round_candidate(c17, count, x);
        if (round_trips(c, x)) return strip_candidate(c, buf);
        if (count == 16 && has_narrow_lower_gap(x)) {
            increment(c);
            if (round_trips(c, x)) return strip_candidate(c, buf);
        }
    }
    return strip_candidate(c17, buf);
}

// ------------------------------------------------------------- layout --

void append_repeat(std::string& out, char c, int64_t n) {
    if (n > 0) out.append(static_cast<size_t>(n), c);
}

// Port of format_float_short's layout: the digits are a window onto an
// infinite string of zeros, vdigits[vstart, vend), with the point at decpt.
void lay_out(std::string& out, Digits d, char code, int precision, bool negative,
             FloatFormatFlags flags, bool upper) {
    int64_t decpt = d.decpt;
    const auto len = static_cast<int64_t>(d.text.size());
    int64_t vend = len;
    bool use_exp = false;
    if (code == 'e') {
        use_exp = true;
        vend = precision;
    } else if (code == 'f') {
        vend = decpt + precision;
    } else if (code == 'g') {
        if (decpt <= -4 || decpt > (flags.add_dot_0 ? precision - 1 : precision)) use_exp = true;
        if (flags.alternate) vend = precision;
    } else if (decpt <= -4 || decpt > 16) {  // 'r': exponent from 1e16 on
        use_exp = true;
    }
    int64_t exponent = 0;
    if (use_exp) {
        exponent = decpt - 1;
        decpt = 1;
    }
    const int64_t vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && flags.add_dot_0) vend = std::max(vend, decpt + 1);
    else vend = std::max(vend, decpt);

    if (negative) out += '-';
    else if (flags.always_sign) out += '+';
    const size_t body = out.size();
    if (decpt <= 0) {
        append_repeat(out, '0', decpt - vstart);
        out += '.';
        append_repeat(out, '0', -decpt);
    } else {
        append_repeat(out, '0', -vstart);
    }
    if (0 < decpt && decpt <= len) {
        out.append(d.text.substr(0, static_cast<size_t>(decpt)));
        out += '.';
        out.append(d.text.substr(static_cast<size_t>(decpt)));
    } else {
        out.append(d.text);
    }
    if (len < decpt) {
        append_repeat(out, '0', decpt - len);
        out += '.';
        append_repeat(out, '0', vend - decpt);
    } else {
        append_repeat(out, '0', vend - len);
    }
    if (out.back() == '.' && !flags.alternate && out.size() > body) out.pop_back();
    if (use_exp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', static_cast<int>(exponent));
        out += buf;
    }
}

void append_non_finite(std::string& out, double x, bool always_sign, bool upper) {
    if (std::isnan(x)) {
        if (always_sign) out += '+';  // the sign of a NaN is ignored
        out += upper ? "NAN" : "nan";
        return;
    }
    if (x < 0) out += '-';
    else if (always_sign) out += '+';
    out += upper ? "INF" : "inf";
}

}  // namespace

void append_double(std::string& out, double x, char code, int precision, FloatFormatFlags flags) {
    const bool upper = code == 'E' || code == 'F' || code == 'G';
    if (upper) code = static_cast<char>(code - 'A' + 'a');
    if (!std::isfinite(x)) return append_non_finite(out, x, flags.always_sign, upper);
    if (code == 'e') ++precision;  // dtoa counts significant digits
    if (code == 'g' && precision == 0) precision = 1;
    bool negative = std::signbit(x);
    const double magnitude = std::fabs(x);
    Printed printed;  // owns the storage the digits point into
    Digits d;
    if (magnitude == 0) {
        d = {"0", 1};
    } else if (code == 'r') {
        d = shortest_digits(magnitude, printed.stack());
    } else if (code == 'f') {
        printed.print("%.*f", precision, magnitude);
        d = parse_fixed(printed.data(), printed.size(), precision);
    } else {
        printed.print("%.*e", precision - 1, magnitude);
        d = parse_exponential(printed.data(), printed.size());
    }
    if (flags.no_negative_zero && negative && (d.text.empty() || d.text == "0")) negative = false;
    lay_out(out, d, code, precision, negative, flags, upper);
}

void append_float_repr(std::string& out, double x) {
    FloatFormatFlags flags;
    flags.add_dot_0 = true;
    append_double(out, x, 'r', 0, flags);
}

std::string float_repr(double x) {
    std::string out;
    append_float_repr(out, x);
    return out;
}

// -------------------------------------------------------------- round --

namespace {

// CPython's bounds (floatobject.c): beyond them the answer is x or 0.
constexpr int64_t kRoundDigitsMax = 323;   // (DBL_MANT_DIG - DBL_MIN_EXP) * log10(2)
constexpr int64_t kRoundDigitsMin = -308;  // -(DBL_MAX_EXP + 1) * log10(2)

// x == mantissa * 2**exponent with an integer mantissa.
struct Binary {
    BigInt mantissa;
    int exponent;
};

Binary decompose(double magnitude) {
    int exponent = 0;
    const double m = std::frexp(magnitude, &exponent);
    return {BigInt(static_cast<int64_t>(std::ldexp(m, 53))), exponent - 53};
}

// n / d rounded to the nearest integer, ties to even (n, d > 0).
BigInt divide_half_even(const BigInt& n, const BigInt& d) {
    auto [q, r] = divmod(n, d);
    const int c = compare(r << 1, d);
    if (c > 0 || (c == 0 && q.is_odd())) q = q + BigInt(1);
    return q;
}

}  // namespace

double round_half_even(double x) {
    const double r = std::round(x);  // ties away from zero...
    if (std::fabs(x - r) == 0.5) return 2.0 * std::round(x / 2.0);  // ...so fix ties
    return r;
}

double round_double(double x, int64_t ndigits) {
    if (ndigits > kRoundDigitsMax) return x;
    if (ndigits < kRoundDigitsMin) return 0.0 * x;
    if (x == 0 || !std::isfinite(x)) return x;
    // Round the exact value x * 10**ndigits to an integer q, then return the
    // double nearest q / 10**ndigits: what dtoa mode 3 + strtod computes.
    const Binary b = decompose(std::fabs(x));
    double magnitude = 0;
    if (ndigits >= 0) {
        if (b.exponent >= 0) return x;  // already an integer
        const BigInt scale = pow(BigInt(10), BigInt(ndigits));
        const BigInt q = divide_half_even(b.mantissa * scale, BigInt(1) << -b.exponent);
        magnitude = true_divide(q, scale);
    } else {
        const BigInt scale = pow(BigInt(10), BigInt(-ndigits));
        const BigInt q = b.exponent >= 0
                             ? divide_half_even(b.mantissa << b.exponent, scale)
                             : divide_half_even(b.mantissa, scale << -b.exponent);
        try {
            magnitude = (q * scale).to_double();
        } catch (const NumberError&) {
            throw_overflow_error("rounded value too large to represent");
        }
    }
    return std::signbit(x) ? -magnitude : magnitude;
}

// -------------------------------------------------------------- parse --

namespace {

bool equals_ignoring_case(std::string_view s, std::string_view lower) {
    if (s.size() != lower.size()) return false;
    for (size_t i = 0; i < s.size(); ++i)
        if (static_cast<char>(s[i] | 0x20) != lower[i]) return false;
    return true;
}

// Copies a run of digits with single underscores between them to `out`;
// returns the number of characters consumed (0 if no digits or bad '_').
size_t take_digits(std::string_view s, size_t pos, std::string& out) {
    size_t end = pos;
    while (end < s.size() && (is_digit(s[end]) || s[end] == '_')) ++end;
    if (end == pos) return 0;
    const size_t before = out.size();
    if (!strip_digit_underscores(s.substr(pos, end - pos), is_digit, out)) {
        out.resize(before);
        return 0;
    }
    return end - pos;
}

// The float literal grammar of float(): digits [. digits] | . digits, with an
// optional exponent; rewritten without underscores into `out` for strtod.
bool clean_decimal(std::string_view s, std::string& out) {
    size_t pos = take_digits(s, 0, out);
    const bool had_integer = pos > 0;
    bool had_fraction = false;
    if (pos < s.size() && s[pos] == '.') {
        out += '.';
        const size_t n = take_digits(s, pos + 1, out);
        // "1." is fine; "1._5" and "1.x" are not.
        if (n == 0 && pos + 1 < s.size() && (s[pos + 1] == '_' || is_digit(s[pos + 1]))) return false;
        had_fraction = n > 0;
        pos += 1 + n;
    }
    if (!had_integer && !had_fraction) return false;
    if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
        out += 'e';
        ++pos;
        if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) out += s[pos++];
        const size_t n = take_digits(s, pos, out);
        if (n == 0) return false;
        pos += n;
    }
    return pos == s.size();
}

}  // namespace

double float_parse(std::string_view text) {
    std::string_view s = strip_py_whitespace(text);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    double value = 0;
    if (equals_ignoring_case(s, "inf") || equals_ignoring_case(s, "infinity")) {
        value = HUGE_VAL;
    } else if (equals_ignoring_case(s, "nan")) {
        value = std::nan("");
    } else {
        std::string clean;
        clean.reserve(s.size());
        if (!clean_decimal(s, clean))
            throw_value_error("could not convert string to float: " + py_str_repr(text));
        value = std::strtod(clean.c_str(), nullptr);  // overflow gives inf, as Python
    }
    return negative ? -value : value;
}

}  // namespace corio::py
