// BigInt text conversion: to_string in bases 2..36 and from_string with the
// rules of Python's int(text, base), including CPython 3.11's limit on the
// number of decimal digits converted (sys.set_int_max_str_digits).
#include <algorithm>

#include "py/bigint.hpp"
#include "py/bigint_limbs.hpp"

namespace corio::py {

namespace {

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

bool is_power_of_two(int base) { return (base & (base - 1)) == 0; }

// The largest power of `base` that fits in a limb, and its exponent.
struct Chunk {
    limbs::Limb power;
    int digits;
};

Chunk chunk_for(int base) {
    Chunk c{1, 0};
    const auto b = static_cast<limbs::Wide>(base);
    while (limbs::Wide{c.power} * b <= 0xFFFFFFFFu) {
        c.power = static_cast<limbs::Limb>(c.power * b);
        ++c.digits;
    }
    return c;
}

[[noreturn]] void throw_str_digits_limit(int limit) {
    throw_value_error("Exceeds the limit (" + std::to_string(limit) +
                      " digits) for integer string conversion; use "
                      "sys.set_int_max_str_digits() to increase the limit");
}

// Digits of a power-of-two base straight from the bits, most significant first.
void append_binary_base(std::string& out, const limbs::Limbs& mag, int base) {
    int bits_per_digit = 0;
    while ((1 << bits_per_digit) < base) ++bits_per_digit;
    const uint64_t total_bits = limbs::bit_length(mag);
    const uint64_t n_digits = (total_bits + static_cast<uint64_t>(bits_per_digit) - 1) /
                              static_cast<uint64_t>(bits_per_digit);
    for (uint64_t d = n_digits; d-- > 0;) {
        const uint64_t bit = d * static_cast<uint64_t>(bits_per_digit);
        // A digit may straddle two limbs.
        const size_t limb = static_cast<size_t>(bit / 32);
        const unsigned offset = static_cast<unsigned>(bit % 32);
        uint64_t window = mag[limb] >> offset;
        if (offset + static_cast<unsigned>(bits_per_digit) > 32 && limb + 1 < mag.size())
            window |= uint64_t{mag[limb + 1]} << (32 - offset);
        out += kDigitChars[window & static_cast<uint64_t>(base - 1)];
    }
}

// Other bases: repeatedly divide by the largest power of the base that fits
// in a limb. Quadratic, but a few thousand digits take well under 1 ms.
void append_general_base(std::string& out, limbs::Limbs mag, int base) {
    const Chunk chunk = chunk_for(base);
    std::vector<limbs::Limb> chunks;  // least significant first
    chunks.reserve(mag.size() * 32 / static_cast<size_t>(chunk.digits) + 1);
    while (!mag.empty()) chunks.push_back(limbs::div_small(mag, chunk.power));
    char buf[32];
    for (size_t i = chunks.size(); i-- > 0;) {
        int n = 0;
        for (limbs::Limb v = chunks[i]; v != 0; v /= static_cast<limbs::Limb>(base))
            buf[n++] = kDigitChars[v % static_cast<limbs::Limb>(base)];
        // Inner chunks are zero-padded to full width; the leading one is not.
        if (i + 1 != chunks.size())
            while (n < chunk.digits) buf[n++] = '0';
        while (n > 0) out += buf[--n];
    }
}

}  // namespace

void BigInt::append_magnitude_digits(std::string& out, int base, int max_str_digits) const {
    if (mag_.empty()) {
        out += '0';
        return;
    }
    const bool limited = base == 10 && max_str_digits > 0;
    // A number of b bits has at least floor((b-1)*log10(2)) + 1 digits: refuse
    // before doing quadratic work on something certain to be over the limit.
    if (limited && static_cast<double>(bit_length() - 1) * 0.30102999566398 >= max_str_digits)
        throw_str_digits_limit(max_str_digits);
    const size_t start = out.size();
    if (is_power_of_two(base)) append_binary_base(out, mag_, base);
    else append_general_base(out, mag_, base);
    if (limited && out.size() - start > static_cast<size_t>(max_str_digits)) {
        out.resize(start);
        throw_str_digits_limit(max_str_digits);
    }
}

std::string BigInt::to_string(int base, int max_str_digits) const {
    std::string out;
    if (negative_) out += '-';
    append_magnitude_digits(out, base, max_str_digits);
    return out;
}

// ---------------------------------------------------------- from text --

namespace {

void check_str_digits_limit(size_t digits, int limit) {
    if (digits <= static_cast<size_t>(limit)) return;
    throw_value_error("Exceeds the limit (" + std::to_string(limit) +
                      " digits) for integer string conversion: value has " + std::to_string(digits) +
                      " digits; use sys.set_int_max_str_digits() to increase the limit");
}

[[noreturn]] void throw_invalid_literal(std::string_view original, int base) {
    // CPython formats the text with %.200R: its repr cut to 200 characters.
    std::string repr = py_str_repr(original);
    if (repr.size() > 200) {
        size_t cut = 200;  // do not split a UTF-8 sequence
        while (cut > 0 && (static_cast<unsigned char>(repr[cut]) & 0xC0) == 0x80) --cut;
        repr.resize(cut);
    }
    throw_value_error("invalid literal for int() with base " + std::to_string(base) + ": " + repr);
}

// Consumes a 0x/0o/0b prefix that matches `base` (or picks the base when 0).
// Returns the base in effect.
int consume_prefix(std::string_view& s, int base) {
    if (s.size() < 2 || s[0] != '0') return base == 0 ? 10 : base;
    const char p = static_cast<char>(s[1] | 0x20);
    const int prefixed = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefixed != 0 && (base == 0 || base == prefixed)) {
        s.remove_prefix(2);
        // An underscore may follow the prefix directly ("0x_1f").
        if (!s.empty() && s[0] == '_') s.remove_prefix(1);
        return prefixed;
    }
    return base == 0 ? 10 : base;
}

// Accumulates validated digits (no underscores) into a magnitude.
limbs::Limbs accumulate_digits(std::string_view digits, int base) {
    const Chunk chunk = chunk_for(base);
    limbs::Limbs mag;
    mag.reserve(digits.size() / static_cast<size_t>(chunk.digits) + 1);
    size_t i = 0;
    while (i < digits.size()) {
        const size_t n = std::min(digits.size() - i, static_cast<size_t>(chunk.digits));
        limbs::Limb value = 0, scale = 1;
        for (size_t k = 0; k < n; ++k, ++i) {
            value = value * static_cast<limbs::Limb>(base) + static_cast<limbs::Limb>(digit_value(digits[i]));
            scale *= static_cast<limbs::Limb>(base);
        }
        limbs::mul_small_add(mag, scale, value);
    }
    return mag;
}

}  // namespace

BigInt BigInt::from_string(std::string_view text, int base, int max_str_digits) {
    if (base != 0 && (base < 2 || base > 36))
        throw_value_error("int() base must be >= 2 and <= 36, or 0");
    std::string_view s = strip_py_whitespace(text);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    const std::string_view before_prefix = s;
    const int effective = consume_prefix(s, base);
    const bool prefixed = s.size() != before_prefix.size();
    const auto is_digit = [effective](char c) { return digit_value(c) < effective; };
    const bool limited = max_str_digits > 0 && !is_power_of_two(effective);
    std::string digits;
    digits.reserve(s.size());
    if (!strip_digit_underscores(s, is_digit, digits)) {
        // CPython scans the run of digits first, so an over-long run followed
        // by junk reports the digit limit rather than the bad literal.
        size_t run = 0;
        while (run < s.size() && (is_digit(s[run]) || s[run] == '_')) ++run;
        digits.clear();
        if (limited && strip_digit_underscores(s.substr(0, run), is_digit, digits))
            check_str_digits_limit(digits.size(), max_str_digits);
        throw_invalid_literal(text, base);
    }
    if (limited) check_str_digits_limit(digits.size(), max_str_digits);
    // Base 0 rejects C-style octal: a decimal literal with a leading zero
    // must be all zeros ("00" and "0_0" are fine, "010" is not).
    if (base == 0 && !prefixed && digits.size() > 1 && digits[0] == '0' &&
        digits.find_first_not_of('0') != std::string::npos)
        throw_invalid_literal(text, base);
    return from_limbs(accumulate_digits(digits, effective), negative);
}

}  // namespace corio::py
