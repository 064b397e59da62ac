// mt19937.hpp — the Mersenne Twister exactly as CPython's _random module
// (init_genrand, init_by_array, genrand_uint32, the 53-bit random()), and
// SHA-512 (random.seed(str/bytes) appends the digest of the seed bytes).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace corio::py {

class Mt19937 {
public:
    static constexpr int kN = 624;

    Mt19937() { init_genrand(19650218U); }
    void init_genrand(uint32_t s) noexcept;
    void init_by_array(const uint32_t* key, std::size_t key_length) noexcept;
    uint32_t next_u32() noexcept;
    // random.random(): [0, 1) with 53 random bits.
    double next_double() noexcept {
        uint32_t a = next_u32() >> 5;
        uint32_t b = next_u32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }
    // k (0..64) random bits as getrandbits(k) builds them.
    uint64_t bits(int k) noexcept;
    // A uniform value in [0, n), n > 0: CPython's _randbelow_with_getrandbits.
    uint64_t below(uint64_t n) noexcept;

    std::array<uint32_t, kN> state{};
    int index = kN;
};

// The SHA-512 digest (64 bytes) of data.
std::string sha512(std::string_view data);

}  // namespace corio::py
