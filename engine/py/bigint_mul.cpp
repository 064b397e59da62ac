// BigInt multiplication (schoolbook below a threshold, Karatsuba above it)
// and exponentiation: pow(base, exp) and pow(base, exp, mod), including the
// modular inverse Python 3.8+ computes for a negative exponent.
#include <algorithm>

#include "py/bigint.hpp"
#include "py/bigint_limbs.hpp"

namespace corio::py {

namespace limbs {

namespace {

// Below this many limbs (1536 bits) in the shorter operand, schoolbook
// multiplication is cheaper than Karatsuba's extra additions and copies; a
// typical crossover for 32-bit limbs, not tuned on this code.
constexpr size_t kKaratsubaThreshold = 48;

// A trimmed copy of a[begin, end).
Limbs slice(const Limb* a, size_t begin, size_t end) {
    Limbs out(a + begin, a + end);
    trim(out);
    return out;
}

Limbs schoolbook(const Limb* a, size_t na, const Limb* b, size_t nb) {
    Limbs out(na + nb, 0);
    for (size_t i = 0; i < na; ++i) {
        Wide carry = 0;
        const Wide ai = a[i];
        if (ai == 0) continue;
        for (size_t j = 0; j < nb; ++j) {
            carry += ai * b[j] + out[i + j];
            out[i + j] = static_cast<Limb>(carry);
            carry >>= kBits;
        }
        out[i + nb] = static_cast<Limb>(carry);
    }
    trim(out);
    return out;
}

// out += part * 2**(32 * offset); `out` is long enough to hold the sum.
void add_at(Limbs& out, size_t offset, const Limbs& part) {
    Wide carry = 0;
    size_t i = 0;
    for (; i < part.size(); ++i) {
        carry += Wide{out[offset + i]} + part[i];
        out[offset + i] = static_cast<Limb>(carry);
        carry >>= kBits;
    }
    for (; carry != 0; ++i) {
        carry += out[offset + i];
        out[offset + i] = static_cast<Limb>(carry);
        carry >>= kBits;
    }
}

Limbs multiply(const Limb* a, size_t na, const Limb* b, size_t nb);

// Karatsuba for operands of similar length (na >= nb > na / 2):
// a*b = z2 * B**2 + ((a0 + a1)(b0 + b1) - z0 - z2) * B + z0.
Limbs karatsuba(const Limb* a, size_t na, const Limb* b, size_t nb) {
    const size_t half = (na + 1) / 2;
    const Limbs a0 = slice(a, 0, half), a1 = slice(a, half, na);
    const Limbs b0 = slice(b, 0, std::min(half, nb)), b1 = slice(b, std::min(half, nb), nb);
    const Limbs z0 = mul(a0, b0);
    const Limbs z2 = mul(a1, b1);
    const Limbs sa = add(a0, a1), sb = add(b0, b1);
    const Limbs z1 = sub(sub(mul(sa, sb), z0), z2);
    Limbs out(na + nb + 1, 0);
    add_at(out, 0, z0);
    add_at(out, half, z1);
    add_at(out, 2 * half, z2);
    trim(out);
    return out;
}

// na >= nb.
Limbs multiply(const Limb* a, size_t na, const Limb* b, size_t nb) {
    if (nb < kKaratsubaThreshold) return schoolbook(a, na, b, nb);
    if (2 * nb > na) return karatsuba(a, na, b, nb);
    // Lopsided: multiply b by nb-limb slices of a so each product is balanced.
    Limbs out(na + nb + 1, 0);
    for (size_t offset = 0; offset < na; offset += nb) {
        const size_t len = std::min(nb, na - offset);
        const Limbs piece = slice(a, offset, offset + len);
        if (!piece.empty()) add_at(out, offset, mul(piece, Limbs(b, b + nb)));
    }
    trim(out);
    return out;
}

}  // namespace

Limbs mul(const Limbs& a, const Limbs& b) {
    if (a.empty() || b.empty()) return {};
    if (a.size() < b.size()) return multiply(b.data(), b.size(), a.data(), a.size());
    return multiply(a.data(), a.size(), b.data(), b.size());
}

}  // namespace limbs

BigInt operator*(const BigInt& a, const BigInt& b) {
    return BigInt::from_limbs(limbs::mul(a.mag_, b.mag_), a.negative_ != b.negative_);
}

// -------------------------------------------------------------- power --

BigInt pow(const BigInt& base, const BigInt& exp) {
    if (exp.is_negative()) throw_value_error("pow() negative exponent needs float arithmetic");
    if (base.limbs().size() <= 1 && (base.is_zero() || base.limbs()[0] == 1)) {
        // 0, 1 and -1 stay small for any exponent.
        if (exp.is_zero()) return BigInt(1);
        return base.is_negative() && !exp.is_odd() ? -base : base;
    }
    if (!exp.fits_i64()) throw_overflow_error("exponent too large");
    // Left-to-right binary exponentiation.
    const uint64_t e = static_cast<uint64_t>(exp.to_i64());
    BigInt result(1);
    for (int bit = static_cast<int>(exp.bit_length()) - 1; bit >= 0; --bit) {
        result = result * result;
        if (((e >> bit) & 1u) != 0) result = result * base;
    }
    return result;
}

namespace {

// x**-1 mod m for 0 <= x < m, by the extended Euclidean algorithm.
BigInt mod_inverse(const BigInt& x, const BigInt& m) {
    BigInt a = x, b = m, ua(1), ub(0);  // invariant: ua * x == a (mod m)
    while (!b.is_zero()) {
        auto [q, r] = divmod(a, b);
        BigInt next = ua - q * ub;
        a = std::move(b);
        b = std::move(r);
        ua = std::move(ub);
        ub = std::move(next);
    }
    if (a != BigInt(1)) throw_value_error("base is not invertible for the given modulus");
    return floor_mod(ua, m);
}

}  // namespace

BigInt pow(const BigInt& base, const BigInt& exp, const BigInt& mod) {
    if (mod.is_zero()) throw_value_error("pow() 3rd argument cannot be 0");
    const BigInt m = mod.abs();
    BigInt b = floor_mod(base, m);
    BigInt e = exp;
    if (e.is_negative()) {
        b = mod_inverse(b, m);
        e = -e;
    }
    BigInt result = m == BigInt(1) ? BigInt(0) : BigInt(1);
    for (int64_t bit = e.bit_length() - 1; bit >= 0; --bit) {
        result = floor_mod(result * result, m);
        const auto limb = e.limbs()[static_cast<size_t>(bit / 32)];
        if (((limb >> (bit % 32)) & 1u) != 0) result = floor_mod(result * b, m);
    }
    // The result takes the sign of the modulus, like %.
    if (mod.is_negative() && !result.is_zero()) result = result - m;
    return result;
}

}  // namespace corio::py
