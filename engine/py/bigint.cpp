// BigInt basics: limb helpers (trim, compare, add, sub, shifts), conversions
// to and from int64_t and double, comparison, + and -, the bitwise operators
// on an infinite two's complement, and CPython's hash of ints and floats.
#include "py/bigint.hpp"

#include <cmath>
#include <limits>

#include "py/bigint_limbs.hpp"

namespace corio::py {

// ---------------------------------------------------------------- limbs --

namespace limbs {

void trim(Limbs& a) {
    while (!a.empty() && a.back() == 0) a.pop_back();
}

int compare(const Limbs& a, const Limbs& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

Limbs add(const Limbs& a, const Limbs& b) {
    const Limbs& longer = a.size() >= b.size() ? a : b;
    const Limbs& shorter = a.size() >= b.size() ? b : a;
    Limbs out;
    out.reserve(longer.size() + 1);
    Wide carry = 0;
    for (size_t i = 0; i < longer.size(); ++i) {
        carry += Wide{longer[i]} + (i < shorter.size() ? shorter[i] : 0u);
        out.push_back(static_cast<Limb>(carry));
        carry >>= kBits;
    }
    if (carry != 0) out.push_back(static_cast<Limb>(carry));
    return out;
}

Limbs sub(const Limbs& a, const Limbs& b) {
    Limbs out;
    out.reserve(a.size());
    Limb borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        const Wide subtrahend = Wide{i < b.size() ? b[i] : 0u} + borrow;
        borrow = Wide{a[i]} < subtrahend ? 1 : 0;
        out.push_back(static_cast<Limb>(Wide{a[i]} + (Wide{borrow} << kBits) - subtrahend));
    }
    trim(out);
    return out;
}

void mul_small_add(Limbs& a, Limb m, Limb add) {
    Wide carry = add;
    for (Limb& limb : a) {
        carry += Wide{limb} * m;
        limb = static_cast<Limb>(carry);
        carry >>= kBits;
    }
    if (carry != 0) a.push_back(static_cast<Limb>(carry));
    trim(a);
}

Limb div_small(Limbs& a, Limb d) {
    Wide rem = 0;
    for (size_t i = a.size(); i-- > 0;) {
        const Wide cur = (rem << kBits) | a[i];
        a[i] = static_cast<Limb>(cur / d);
        rem = cur % d;
    }
    trim(a);
    return static_cast<Limb>(rem);
}

Limbs shift_left(const Limbs& a, uint64_t bits) {
    if (a.empty()) return {};
    const size_t limb_shift = static_cast<size_t>(bits / kBits);
    const unsigned bit_shift = static_cast<unsigned>(bits % kBits);
    Limbs out(limb_shift, 0);
    out.reserve(limb_shift + a.size() + 1);
    Limb carry = 0;
    for (Limb limb : a) {
        out.push_back(bit_shift == 0 ? limb : ((limb << bit_shift) | carry));
        carry = bit_shift == 0 ? 0 : limb >> (kBits - bit_shift);
    }
    if (carry != 0) out.push_back(carry);
    return out;
}

Limbs shift_right(const Limbs& a, uint64_t bits, bool* lost_bits) {
    const uint64_t limb_shift = bits / kBits;
    const unsigned bit_shift = static_cast<unsigned>(bits % kBits);
    if (lost_bits != nullptr) {
        bool lost = false;
        for (size_t i = 0; i < a.size() && i < limb_shift; ++i) lost = lost || a[i] != 0;
        if (limb_shift < a.size() && bit_shift != 0)
            lost = lost || (a[limb_shift] & ((Limb{1} << bit_shift) - 1)) != 0;
        *lost_bits = lost;
    }
    if (limb_shift >= a.size()) return {};
    const size_t first = static_cast<size_t>(limb_shift);
    Limbs out(a.size() - first);
    for (size_t i = first; i < a.size(); ++i) {
        const Limb high = i + 1 < a.size() ? a[i + 1] : 0;
        out[i - first] = bit_shift == 0 ? a[i] : ((a[i] >> bit_shift) | (high << (kBits - bit_shift)));
    }
    trim(out);
    return out;
}

uint64_t bit_length(const Limbs& a) {
    if (a.empty()) return 0;
    uint64_t top_bits = 0;
    for (Limb top = a.back(); top != 0; top >>= 1) ++top_bits;
    return (a.size() - 1) * uint64_t{kBits} + top_bits;
}

}  // namespace limbs

// ------------------------------------------------------- construction --

BigInt::BigInt(int64_t value) : negative_(value < 0) {
    // Negate in unsigned arithmetic so INT64_MIN does not overflow.
    uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    while (magnitude != 0) {
        mag_.push_back(static_cast<Limb>(magnitude));
        magnitude >>= limbs::kBits;
    }
}

BigInt BigInt::from_limbs(Limbs magnitude, bool negative) {
    BigInt out;
    out.mag_ = std::move(magnitude);
    out.negative_ = negative;
    out.trim();
    return out;
}

void BigInt::trim() {
    limbs::trim(mag_);
    if (mag_.empty()) negative_ = false;
}

BigInt BigInt::from_double(double x) {
    if (std::isinf(x)) throw_overflow_error("cannot convert float infinity to integer");
    if (std::isnan(x)) throw_value_error("cannot convert float NaN to integer");
    const double t = std::trunc(x);
    if (std::fabs(t) < 9223372036854775808.0) return BigInt(static_cast<int64_t>(t));
    // |t| >= 2**63: an integer mantissa of 53 bits shifted left.
    int exponent = 0;
    const double mantissa = std::frexp(std::fabs(t), &exponent);
    const auto bits = static_cast<int64_t>(std::ldexp(mantissa, 53));
    BigInt out = BigInt(bits) << (exponent - 53);
    out.negative_ = t < 0;
    return out;
}

// ---------------------------------------------------------- conversion --

bool BigInt::fits_i64() const {
    if (mag_.size() < 2) return true;
    if (mag_.size() > 2) return false;
    const uint64_t magnitude = (uint64_t{mag_[1]} << 32) | mag_[0];
    return magnitude < (uint64_t{1} << 63) || (negative_ && magnitude == (uint64_t{1} << 63));
}

int64_t BigInt::to_i64() const {
    uint64_t magnitude = 0;
    for (size_t i = mag_.size(); i-- > 0;) magnitude = (magnitude << 32) | mag_[i];
    return negative_ ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
}

double BigInt::to_double() const {
    const uint64_t bits = limbs::bit_length(mag_);
    if (bits <= 64) {
        // uint64 -> double conversion is itself correctly rounded.
        uint64_t magnitude = 0;
        for (size_t i = mag_.size(); i-- > 0;) magnitude = (magnitude << 32) | mag_[i];
        const double d = static_cast<double>(magnitude);
        return negative_ ? -d : d;
    }
    if (bits > 1024) throw_overflow_error("int too large to convert to float");
    // Keep the top 64 bits and fold every lower bit into a sticky bit 0:
    // bit 0 lies far below the rounding position (bit 10), so converting the
    // 64-bit value rounds exactly as the full value would.
    bool lost = false;
    const limbs::Limbs top = limbs::shift_right(mag_, bits - 64, &lost);
    const uint64_t top64 = ((uint64_t{top[1]} << 32) | top[0]) | (lost ? 1u : 0u);
    const double d = std::ldexp(static_cast<double>(top64), static_cast<int>(bits - 64));
    if (std::isinf(d)) throw_overflow_error("int too large to convert to float");
    return negative_ ? -d : d;
}

int64_t BigInt::bit_length() const { return static_cast<int64_t>(limbs::bit_length(mag_)); }

// ------------------------------------------------------------ compare --

int compare(const BigInt& a, const BigInt& b) {
    if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
    const int by_magnitude = limbs::compare(a.mag_, b.mag_);
    return a.negative_ ? -by_magnitude : by_magnitude;
}

// --------------------------------------------------------- add and sub --

BigInt BigInt::operator-() const {
    BigInt out = *this;
    if (!out.mag_.empty()) out.negative_ = !out.negative_;
    return out;
}

BigInt BigInt::abs() const { return from_limbs(mag_, false); }

namespace {

// sign_a * |a| + sign_b * |b| for magnitudes and signs.
BigInt signed_add(const limbs::Limbs& a, bool a_neg, const limbs::Limbs& b, bool b_neg) {
    if (a_neg == b_neg) return BigInt::from_limbs(limbs::add(a, b), a_neg);
    if (limbs::compare(a, b) >= 0) return BigInt::from_limbs(limbs::sub(a, b), a_neg);
    return BigInt::from_limbs(limbs::sub(b, a), b_neg);
}

}  // namespace

BigInt operator+(const BigInt& a, const BigInt& b) {
    return signed_add(a.mag_, a.negative_, b.mag_, b.negative_);
}

BigInt operator-(const BigInt& a, const BigInt& b) {
    return signed_add(a.mag_, a.negative_, b.mag_, !b.negative_ && !b.mag_.empty());
}

// ------------------------------------------------------------- shifts --

BigInt operator<<(const BigInt& a, int64_t count) {
    if (count < 0) throw_value_error("negative shift count");
    if (a.is_zero()) return a;
    // A result of 2**40 bits (128 GiB) is a MemoryError in CPython; refuse early.
    if (count > (int64_t{1} << 40)) throw_overflow_error("too many digits in integer");
    return BigInt::from_limbs(limbs::shift_left(a.mag_, static_cast<uint64_t>(count)), a.negative_);
}

BigInt operator>>(const BigInt& a, int64_t count) {
    if (count < 0) throw_value_error("negative shift count");
    bool lost = false;
    limbs::Limbs shifted = limbs::shift_right(a.mag_, static_cast<uint64_t>(count), &lost);
    // Python floors: -m >> n == -ceil(m / 2**n).
    if (a.negative_ && lost) shifted = limbs::add(shifted, limbs::Limbs{1});
    return BigInt::from_limbs(std::move(shifted), a.negative_);
}

// ------------------------------------------------------------ bitwise --

namespace {

// The low `n` limbs of the two's complement of a signed magnitude.
limbs::Limbs to_twos_complement(const limbs::Limbs& mag, bool negative, size_t n) {
    limbs::Limbs out(n, 0);
    for (size_t i = 0; i < mag.size() && i < n; ++i) out[i] = mag[i];
    if (!negative) return out;
    limbs::Wide carry = 1;  // ~x + 1
    for (limbs::Limb& limb : out) {
        carry += static_cast<limbs::Limb>(~limb);
        limb = static_cast<limbs::Limb>(carry);
        carry >>= limbs::kBits;
    }
    return out;
}

// Back from an n-limb two's complement whose top bit is the sign.
BigInt from_twos_complement(limbs::Limbs tc) {
    const bool negative = !tc.empty() && (tc.back() >> 31) != 0;
    if (negative) tc = to_twos_complement(tc, true, tc.size());  // negation is its own inverse
    return BigInt::from_limbs(std::move(tc), negative);
}

template <typename Op>
BigInt bitwise(const BigInt& a, const BigInt& b, Op op) {
    // One limb more than either magnitude always leaves room for the sign bit.
    const size_t n = std::max(a.limbs().size(), b.limbs().size()) + 1;
    limbs::Limbs x = to_twos_complement(a.limbs(), a.is_negative(), n);
    const limbs::Limbs y = to_twos_complement(b.limbs(), b.is_negative(), n);
    for (size_t i = 0; i < n; ++i) x[i] = op(x[i], y[i]);
    return from_twos_complement(std::move(x));
}

}  // namespace

BigInt operator&(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](limbs::Limb x, limbs::Limb y) { return x & y; });
}
BigInt operator|(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](limbs::Limb x, limbs::Limb y) { return x | y; });
}
BigInt operator^(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](limbs::Limb x, limbs::Limb y) { return x ^ y; });
}

BigInt BigInt::operator~() const { return -*this - BigInt(1); }  // ~x == -x - 1

// --------------------------------------------------------------- hash --

namespace {

constexpr int kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t{1} << kHashBits) - 1;

// (x * 2**bits) mod (2**61 - 1) for x < 2**61: a rotation, since 2**61 == 1.
uint64_t hash_rotate(uint64_t x, int bits) {
    return ((x << bits) & kHashModulus) | (x >> (kHashBits - bits));
}

int64_t finish_hash(uint64_t x, bool negative) {
    auto h = static_cast<int64_t>(x);
    if (negative) h = -h;
    return h == -1 ? -2 : h;  // -1 is the C API's error marker
}

}  // namespace

int64_t BigInt::hash() const {
    uint64_t x = 0;
    for (size_t i = mag_.size(); i-- > 0;) {
        x = hash_rotate(x, limbs::kBits) + mag_[i];
        if (x >= kHashModulus) x -= kHashModulus;
    }
    return finish_hash(x, negative_);
}

int64_t hash_double(double x) {
    if (std::isinf(x)) return x > 0 ? 314159 : -314159;
    if (std::isnan(x)) return 0;  // CPython hashes NaN by object identity
    int exponent = 0;
    double mantissa = std::frexp(x, &exponent);
    const bool negative = mantissa < 0;
    if (negative) mantissa = -mantissa;
    // Consume the mantissa 28 bits at a time, as _Py_HashDouble does.
    uint64_t h = 0;
    while (mantissa != 0) {
        h = hash_rotate(h, 28);
        mantissa *= 268435456.0;
        exponent -= 28;
        const auto chunk = static_cast<uint64_t>(mantissa);
        mantissa -= static_cast<double>(chunk);
        h += chunk;
        if (h >= kHashModulus) h -= kHashModulus;
    }
    exponent = exponent >= 0 ? exponent % kHashBits : kHashBits - 1 - ((-1 - exponent) % kHashBits);
    h = exponent == 0 ? h : hash_rotate(h, exponent);
    return finish_hash(h, negative);
}

}  // namespace corio::py
