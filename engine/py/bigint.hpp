// BigInt: Python's arbitrary-precision int, for values that do not fit the
// VM's inline int64_t. Sign and magnitude; the magnitude is little-endian
// 32-bit limbs with no leading zero limb (zero is the empty magnitude and is
// never negative), so every value has exactly one representation.
//
// Every operation follows Python, not C++: floor division and modulo take the
// sign of the divisor, `>>` floors, `& | ^ ~` act on an infinite two's
// complement, and errors are NumberError with CPython's messages.
// Implementation files: bigint.cpp (conversions, add/sub, compare, bitwise,
// hash), bigint_mul.cpp (schoolbook/Karatsuba, pow), bigint_div.cpp
// (division, true division), bigint_text.cpp (to_string/from_string).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "py/number_parse.hpp"

namespace corio::py {

// CPython 3.11's default for sys.get_int_max_str_digits(); 0 disables it.
inline constexpr int kDefaultMaxStrDigits = 4300;

class BigInt {
public:
    using Limb = uint32_t;
    using Limbs = std::vector<Limb>;

    BigInt() = default;
    BigInt(int64_t value);  // NOLINT: implicit, so int64 operands mix freely

    // int(x) for a float: truncates toward zero; throws on inf and NaN.
    static BigInt from_double(double x);
    // int(text, base): base 0 or 2..36; the digit limit applies to bases that
    // are not powers of two (0 means no limit).
    static BigInt from_string(std::string_view text, int base = 10,
                              int max_str_digits = kDefaultMaxStrDigits);

    bool is_zero() const { return mag_.empty(); }
    bool is_negative() const { return negative_; }
    bool is_odd() const { return !mag_.empty() && (mag_[0] & 1u) != 0; }
    int sign() const { return mag_.empty() ? 0 : (negative_ ? -1 : 1); }

    bool fits_i64() const;
    int64_t to_i64() const;  // precondition: fits_i64()
    double to_double() const;  // correctly rounded; OverflowError beyond float range
    int64_t bit_length() const;  // of the magnitude, as int.bit_length()
    int64_t hash() const;  // hash(int) exactly as CPython (modulus 2**61 - 1)

    // str(n) for base 10, else digits in `base` (2..36, lower case, no prefix).
    std::string to_string(int base = 10, int max_str_digits = kDefaultMaxStrDigits) const;
    // Appends the digits of the magnitude (no sign) to `out`.
    void append_magnitude_digits(std::string& out, int base,
                                 int max_str_digits = kDefaultMaxStrDigits) const;

    BigInt operator-() const;
    BigInt operator~() const;
    BigInt abs() const;

    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    // Shift counts as Python ints: negative counts raise ValueError.
    friend BigInt operator<<(const BigInt& a, int64_t count);
    friend BigInt operator>>(const BigInt& a, int64_t count);

    friend int compare(const BigInt& a, const BigInt& b);  // -1, 0 or 1
    friend bool operator==(const BigInt& a, const BigInt& b) {
        return a.negative_ == b.negative_ && a.mag_ == b.mag_;
    }
    friend bool operator<(const BigInt& a, const BigInt& b) { return compare(a, b) < 0; }
    friend bool operator>(const BigInt& a, const BigInt& b) { return compare(a, b) > 0; }
    friend bool operator<=(const BigInt& a, const BigInt& b) { return compare(a, b) <= 0; }
    friend bool operator>=(const BigInt& a, const BigInt& b) { return compare(a, b) >= 0; }

    // The magnitude's limbs, least significant first (for tests and hashing).
    const Limbs& limbs() const { return mag_; }
    static BigInt from_limbs(Limbs magnitude, bool negative);

private:
    void trim();  // drop leading zero limbs; zero is never negative

    Limbs mag_;              // little-endian magnitude, no leading zero limb
    bool negative_ = false;  // false for zero
};

// a // b, a % b and divmod(a, b) with Python's signs (ZeroDivisionError on 0).
BigInt floor_div(const BigInt& a, const BigInt& b);
BigInt floor_mod(const BigInt& a, const BigInt& b);
std::pair<BigInt, BigInt> divmod(const BigInt& a, const BigInt& b);
// a / b correctly rounded, as CPython's long_true_divide.
double true_divide(const BigInt& a, const BigInt& b);
// base ** exp for exp >= 0 (ValueError otherwise; the VM turns a negative
// exponent into float arithmetic before calling this).
BigInt pow(const BigInt& base, const BigInt& exp);
// pow(base, exp, mod); exp < 0 computes the modular inverse first (3.8+).
BigInt pow(const BigInt& base, const BigInt& exp, const BigInt& mod);

// hash(x) for a finite or infinite float, as CPython's _Py_HashDouble, so that
// hash(1.0) == hash(1); NaN hashes by identity and is left to the caller.
int64_t hash_double(double x);

}  // namespace corio::py
