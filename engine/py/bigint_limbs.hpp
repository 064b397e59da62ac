// Magnitude arithmetic on little-endian 32-bit limb vectors, shared by the
// BigInt implementation files. Inputs have no leading zero limbs unless
// stated; outputs are trimmed. 64-bit intermediates only (never `long`,
// which is 32-bit on wasm32).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace corio::py::limbs {

using Limb = uint32_t;
using Wide = uint64_t;
using Limbs = std::vector<Limb>;
inline constexpr int kBits = 32;

void trim(Limbs& a);
int compare(const Limbs& a, const Limbs& b);  // -1, 0, 1 by magnitude
Limbs add(const Limbs& a, const Limbs& b);
Limbs sub(const Limbs& a, const Limbs& b);  // precondition: a >= b
Limbs mul(const Limbs& a, const Limbs& b);  // schoolbook or Karatsuba
// a = a * m + add, in place.
void mul_small_add(Limbs& a, Limb m, Limb add);
// a = a / d in place, returning a % d (d != 0).
Limb div_small(Limbs& a, Limb d);
// Knuth's algorithm D: q = a / b, r = a % b (b non-empty).
void divmod(const Limbs& a, const Limbs& b, Limbs& q, Limbs& r);
Limbs shift_left(const Limbs& a, uint64_t bits);
// a >> bits; `*lost_bits` (if given) is set when a nonzero bit fell off.
Limbs shift_right(const Limbs& a, uint64_t bits, bool* lost_bits = nullptr);
uint64_t bit_length(const Limbs& a);

}  // namespace corio::py::limbs
