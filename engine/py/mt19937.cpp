// mt19937.cpp — CPython's MT19937 (Modules/_randommodule.c) and SHA-512
// (FIPS 180-4).
#include "py/mt19937.hpp"

namespace corio::py {

namespace {
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;
}  // namespace

void Mt19937::init_genrand(uint32_t s) noexcept {
    state[0] = s;
    for (int i = 1; i < kN; ++i) {
        uint32_t prev = state[static_cast<std::size_t>(i - 1)];
        state[static_cast<std::size_t>(i)] = 1812433253U * (prev ^ (prev >> 30)) + static_cast<uint32_t>(i);
    }
    index = kN;
}

void Mt19937::init_by_array(const uint32_t* key, std::size_t key_length) noexcept {
    init_genrand(19650218U);
    std::size_t i = 1;
    std::size_t j = 0;
    std::size_t k = static_cast<std::size_t>(kN) > key_length ? static_cast<std::size_t>(kN) : key_length;
    for (; k; --k) {
        state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1664525U)) + key[j] +
                   static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= static_cast<std::size_t>(kN)) {
            state[0] = state[kN - 1];
            i = 1;
        }
        if (j >= key_length) j = 0;
    }
    for (k = kN - 1; k; --k) {
        state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
        ++i;
        if (i >= static_cast<std::size_t>(kN)) {
            state[0] = state[kN - 1];
            i = 1;
        }
    }
    state[0] = 0x80000000U;
    index = kN;
}

uint32_t Mt19937::next_u32() noexcept {
    if (index >= kN) {
        auto mix = [](uint32_t y) { return (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U); };
        int kk = 0;
        for (; kk < kN - kM; ++kk) {
            uint32_t y = (state[static_cast<std::size_t>(kk)] & kUpperMask) |
                         (state[static_cast<std::size_t>(kk + 1)] & kLowerMask);
            state[static_cast<std::size_t>(kk)] = state[static_cast<std::size_t>(kk + kM)] ^ mix(y);
        }
        for (; kk < kN - 1; ++kk) {
            uint32_t y = (state[static_cast<std::size_t>(kk)] & kUpperMask) |
                         (state[static_cast<std::size_t>(kk + 1)] & kLowerMask);
            state[static_cast<std::size_t>(kk)] = state[static_cast<std::size_t>(kk + (kM - kN))] ^ mix(y);
        }
        uint32_t y = (state[kN - 1] & kUpperMask) | (state[0] & kLowerMask);
        state[kN - 1] = state[kM - 1] ^ mix(y);
        index = 0;
    }
    uint32_t y = state[static_cast<std::size_t>(index++)];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

uint64_t Mt19937::bits(int k) noexcept {
    if (k <= 0) return 0;
    if (k <= 32) return next_u32() >> (32 - k);
    uint64_t lo = next_u32();
    uint64_t hi = next_u32() >> (64 - k);
    return lo | (hi << 32);
}

uint64_t Mt19937::below(uint64_t n) noexcept {
    int k = 0;
    while (k < 64 && (n >> k) != 0) ++k;
    uint64_t r = bits(k);
    while (r >= n) r = bits(k);
    return r;
}

namespace {

constexpr uint64_t kSha512K[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

inline uint64_t rotr(uint64_t x, int n) noexcept { return (x >> n) | (x << (64 - n)); }

void sha512_block(uint64_t h[8], const unsigned char* p) noexcept {
    uint64_t w[80];
    for (int t = 0; t < 16; ++t) {
        uint64_t v = 0;
        for (int b = 0; b < 8; ++b) v = (v << 8) | p[t * 8 + b];
        w[t] = v;
    }
    for (int t = 16; t < 80; ++t) {
        uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; ++t) {
        uint64_t s1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + s1 + ch + kSha512K[t] + w[t];
        uint64_t s0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = s0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

}  // namespace

std::string sha512(std::string_view data) {
    uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                     0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    std::string msg(data);
    uint64_t bit_len = static_cast<uint64_t>(data.size()) * 8;
    msg.push_back(static_cast<char>(0x80));
    while (msg.size() % 128 != 112) msg.push_back('\0');
    msg.append(8, '\0');  // the high 64 bits of the 128-bit length
    for (int b = 7; b >= 0; --b) msg.push_back(static_cast<char>((bit_len >> (b * 8)) & 0xff));
    for (std::size_t off = 0; off < msg.size(); off += 128)
        sha512_block(h, reinterpret_cast<const unsigned char*>(msg.data()) + off);
    std::string out;
    out.reserve(64);
    for (uint64_t v : h)
        for (int b = 7; b >= 0; --b) out.push_back(static_cast<char>((v >> (b * 8)) & 0xff));
    return out;
}

}  // namespace corio::py
