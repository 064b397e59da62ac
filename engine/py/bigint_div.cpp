// BigInt division: Knuth's algorithm D on magnitudes, Python's floor
// division and modulo on signed values, and correctly rounded true division
// (int / int) following CPython's long_true_divide.
#include <cmath>

#include "py/bigint.hpp"
#include "py/bigint_limbs.hpp"

namespace corio::py {

namespace limbs {

namespace {

int leading_zeros(Limb x) {
    int n = 0;
    for (Limb bit = Limb{1} << 31; bit != 0 && (x & bit) == 0; bit >>= 1) ++n;
    return n;
}

// One step of algorithm D: u[j .. j+n] -= qhat * v, adding v back if qhat
// was one too large. Returns the corrected quotient limb.
Limb subtract_multiple(Limbs& u, size_t j, const Limbs& v, Wide qhat) {
    const size_t n = v.size();
    int64_t borrow = 0;
    for (size_t i = 0; i < n; ++i) {
        const Wide product = qhat * v[i];
        const int64_t t = int64_t{u[i + j]} - borrow - static_cast<int64_t>(product & 0xFFFFFFFFu);
        u[i + j] = static_cast<Limb>(t);
        borrow = static_cast<int64_t>(product >> kBits) - (t >> kBits);
    }
    const int64_t top = int64_t{u[j + n]} - borrow;
    u[j + n] = static_cast<Limb>(top);
    if (top >= 0) return static_cast<Limb>(qhat);
    Wide carry = 0;
    for (size_t i = 0; i < n; ++i) {
        carry += Wide{u[i + j]} + v[i];
        u[i + j] = static_cast<Limb>(carry);
        carry >>= kBits;
    }
    u[j + n] = static_cast<Limb>(u[j + n] + carry);
    return static_cast<Limb>(qhat - 1);
}

}  // namespace

void divmod(const Limbs& a, const Limbs& b, Limbs& q, Limbs& r) {
    if (compare(a, b) < 0) {
        q.clear();
        r = a;
        return;
    }
    if (b.size() == 1) {
        q = a;
        const Limb rem = div_small(q, b[0]);
        r = rem == 0 ? Limbs{} : Limbs{rem};
        return;
    }
    // Normalize so the divisor's top bit is set; the estimate qhat is then
    // at most two too large (Knuth 4.3.1, theorem B).
    const int s = leading_zeros(b.back());
    const Limbs v = shift_left(b, static_cast<uint64_t>(s));
    Limbs u = shift_left(a, static_cast<uint64_t>(s));
    u.resize(a.size() + 1, 0);
    const size_t n = v.size(), m = a.size() - n;
    q.assign(m + 1, 0);
    const Wide base = Wide{1} << kBits;
    for (size_t j = m + 1; j-- > 0;) {
        const Wide top = (Wide{u[j + n]} << kBits) | u[j + n - 1];
        Wide qhat = top / v[n - 1], rhat = top % v[n - 1];
        while (qhat >= base || qhat * v[n - 2] > ((rhat << kBits) | u[j + n - 2])) {
            --qhat;
            rhat += v[n - 1];
            if (rhat >= base) break;
        }
        q[j] = subtract_multiple(u, j, v, qhat);
    }
    trim(q);
    u.resize(n);
    trim(u);
    r = shift_right(u, static_cast<uint64_t>(s));
}

}  // namespace limbs

std::pair<BigInt, BigInt> divmod(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) throw_zero_division_error("integer division or modulo by zero");
    limbs::Limbs q, r;
    limbs::divmod(a.limbs(), b.limbs(), q, r);
    const bool signs_differ = a.is_negative() != b.is_negative();
    // Truncated -> floored: when the signs differ and there is a remainder,
    // the quotient moves one further from zero and the remainder flips side.
    if (signs_differ && !r.empty()) {
        q = limbs::add(q, limbs::Limbs{1});
        r = limbs::sub(b.limbs(), r);
    }
    return {BigInt::from_limbs(std::move(q), signs_differ),
            BigInt::from_limbs(std::move(r), b.is_negative())};
}

BigInt floor_div(const BigInt& a, const BigInt& b) { return divmod(a, b).first; }

BigInt floor_mod(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) throw_zero_division_error("integer modulo by zero");
    return divmod(a, b).second;
}

// --------------------------------------------------------- true divide --

namespace {

constexpr int kMantDig = 53;      // DBL_MANT_DIG
constexpr int kMaxExp = 1024;     // DBL_MAX_EXP
constexpr int kMinExp = -1021;    // DBL_MIN_EXP

uint64_t low_u64(const limbs::Limbs& x) {
    uint64_t v = x.empty() ? 0 : x[0];
    if (x.size() > 1) v |= uint64_t{x[1]} << 32;
    return v;
}

[[noreturn]] void quotient_overflow() {
    throw_overflow_error("integer division result too large for a float");
}

// |a| / |b| for nonzero magnitudes, correctly rounded (round-half-even).
double divide_magnitudes(const limbs::Limbs& a, const limbs::Limbs& b) {
    const int64_t a_bits = static_cast<int64_t>(limbs::bit_length(a));
    const int64_t b_bits = static_cast<int64_t>(limbs::bit_length(b));
    if (a_bits <= kMantDig && b_bits <= kMantDig) {
        // Both exact as doubles: IEEE division rounds correctly.
        return static_cast<double>(low_u64(a)) / static_cast<double>(low_u64(b));
    }
    const int64_t diff = a_bits - b_bits;  // quotient in [2**(diff-1), 2**(diff+1))
    if (diff > kMaxExp) quotient_overflow();
    if (diff < kMinExp - kMantDig - 1) return 0.0;
    // Scale a so the integer quotient has kMantDig + 2 or 3 bits (fewer when
    // subnormal), then round that quotient by hand, remembering whether
    // anything was discarded on the way.
    const int64_t shift = std::max<int64_t>(diff, kMinExp) - kMantDig - 2;
    bool inexact = false;
    const limbs::Limbs x = shift <= 0 ? limbs::shift_left(a, static_cast<uint64_t>(-shift))
                                      : limbs::shift_right(a, static_cast<uint64_t>(shift), &inexact);
    limbs::Limbs q, r;
    limbs::divmod(x, b, q, r);
    inexact = inexact || !r.empty();
    const int64_t q_bits = static_cast<int64_t>(limbs::bit_length(q));
    const int64_t extra_bits = std::max<int64_t>(q_bits, kMinExp - shift) - kMantDig;
    const uint64_t mask = uint64_t{1} << (extra_bits - 1);
    uint64_t low = low_u64(q) | (inexact ? 1u : 0u);
    if ((low & mask) != 0 && (low & (3 * mask - 1)) != 0) low += mask;
    low &= ~(2 * mask - 1);
    const double dx = static_cast<double>(low);  // at most 54 significant bits: exact
    if (shift + q_bits >= kMaxExp &&
        (shift + q_bits > kMaxExp || dx == std::ldexp(1.0, static_cast<int>(q_bits))))
        quotient_overflow();
    return std::ldexp(dx, static_cast<int>(shift));
}

}  // namespace

double true_divide(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) throw_zero_division_error("division by zero");
    const bool negative = a.is_negative() != b.is_negative();
    const double magnitude = a.is_zero() ? 0.0 : divide_magnitudes(a.limbs(), b.limbs());
    return negative ? -magnitude : magnitude;
}

}  // namespace corio::py
