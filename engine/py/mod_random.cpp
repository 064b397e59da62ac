// mod_random.cpp — the `random` module: class random.Random (an MT19937
// state, mt19937.hpp) with CPython 3.11's methods (Lib/random.py and
// Modules/_randommodule.c) and their exact sequences of draws, so that a
// program seeded the same way prints the same numbers as CPython. The
// module-level functions are the bound methods of a hidden instance.
// Subclasses may override methods, but the C++ methods call each other
// directly (an overridden random() is not used by uniform()).
#include "py/mod_random.hpp"

#include <cmath>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "py/bigint.hpp"
#include "py/builtin_function.hpp"
#include "py/bytes.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/int.hpp"
#include "py/interp.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/mt19937.hpp"
#include "py/protocols.hpp"
#include "py/range.hpp"
#include "py/set.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {

class RandomObject : public Object {
public:
    explicit RandomObject(Type* type) noexcept : Object(type) {}
    Mt19937 mt;
    bool has_gauss_next = false;
    double gauss_next = 0.0;
};

RandomObject* self_of(Interp& interp, Value v) {
    auto* r = v.is_object() ? dynamic_cast<RandomObject*>(v.as_object()) : nullptr;
    if (!r) raise_type_error(interp, "descriptor requires a 'random.Random' object");
    return r;
}

CallArgs rest_of(const CallArgs& a) { return CallArgs{a.args + 1, a.nargs - 1, a.kwnames, a.fn}; }

// ---- seeding ----

void seed_words(RandomObject* r, std::vector<uint32_t> key) {
    while (key.size() > 1 && key.back() == 0) key.pop_back();
    if (key.empty()) key.push_back(0);
    r->mt.init_by_array(key.data(), key.size());
}

void seed_entropy(RandomObject* r) {
    std::random_device dev;
    std::vector<uint32_t> key(Mt19937::kN);
    for (uint32_t& k : key) k = dev();
    r->mt.init_by_array(key.data(), key.size());
}

void seed_u64(RandomObject* r, uint64_t n) {
    seed_words(r, {static_cast<uint32_t>(n), static_cast<uint32_t>(n >> 32)});
}

void do_seed(Interp& interp, RandomObject* r, Value a, int64_t version) {
    r->has_gauss_next = false;
    if (!a || a == interp.none) return seed_entropy(r);
    const bool text = is_str(interp, a) || is_bytes_like(interp, a);
    if (version == 1 && text && !(interp.type_of(a) == interp.types.bytearray)) {
        // Python 2's str hash, over the latin-1 code points.
        std::vector<uint32_t> cps;
        if (is_str(interp, a)) {
            Value it = iter(interp, a);
            while (Value c = iter_next(interp, it)) {
                std::string u = str_utf8(interp, c);
                // decode one UTF-8 code point
                uint32_t cp = static_cast<unsigned char>(u[0]);
                if (cp >= 0x80) {
                    int extra = cp >= 0xf0 ? 3 : cp >= 0xe0 ? 2 : 1;
                    cp &= (0x3fu >> extra);
                    for (int i = 1; i <= extra; ++i)
                        cp = (cp << 6) | (static_cast<unsigned char>(u[static_cast<std::size_t>(i)]) & 0x3fu);
                }
                cps.push_back(cp);
            }
        } else {
            for (unsigned char c : static_cast<Bytes*>(a.as_object())->data) cps.push_back(c);
        }
        uint64_t x = cps.empty() ? 0 : static_cast<uint64_t>(cps[0]) << 7;
        for (uint32_t c : cps) x = (1000003ULL * x) ^ c;
        x ^= cps.size();
        return seed_u64(r, x);  // x is never -1: it is unsigned
    }
    if (version == 2 && text) {
        std::string data = is_str(interp, a) ? str_utf8(interp, a) : static_cast<Bytes*>(a.as_object())->data;
        data += sha512(data);
        // int.from_bytes(data, 'big') as little-endian 32-bit words
        std::vector<uint32_t> key((data.size() + 3) / 4, 0);
        for (std::size_t i = 0; i < data.size(); ++i) {
            std::size_t pos = data.size() - 1 - i;  // byte significance
            key[pos / 4] |= static_cast<uint32_t>(static_cast<unsigned char>(data[i])) << (8 * (pos % 4));
        }
        return seed_words(r, std::move(key));
    }
    if (is_int(interp, a)) {
        if (a.is_small_int()) {
            int64_t v = a.as_small_int();
            return seed_u64(r, v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v));
        }
        BigInt n = int_to_bigint(interp, a);
        const BigInt::Limbs& limbs = n.limbs();
        return seed_words(r, std::vector<uint32_t>(limbs.begin(), limbs.end()));
    }
    if (!is_float(interp, a) && !text)
        raise_type_error(interp, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    // Other seeds: (size_t)hash(a).
    seed_u64(r, static_cast<uint64_t>(hash(interp, a)));
}

// ---- drawing ----

// getrandbits(k) as an int.
Value randbits(Interp& interp, Mt19937& mt, int64_t k) {
    if (k < 0) raise_value_error(interp, "number of bits must be non-negative");
    if (k <= 62) return make_int(interp, static_cast<int64_t>(mt.bits(static_cast<int>(k))));
    std::size_t words = static_cast<std::size_t>((k - 1) / 32 + 1);
    BigInt::Limbs limbs(words);
    for (std::size_t i = 0; i < words; ++i, k -= 32) {
        uint32_t w = mt.next_u32();
        if (k < 32) w >>= (32 - k);
        limbs[i] = w;
    }
    while (!limbs.empty() && limbs.back() == 0) limbs.pop_back();
    return make_int(interp, BigInt::from_limbs(std::move(limbs), false));
}

// _randbelow(n) for an int n > 0.
BigInt randbelow_big(Interp& interp, Mt19937& mt, const BigInt& n) {
    if (n.fits_i64()) return BigInt(static_cast<int64_t>(mt.below(static_cast<uint64_t>(n.to_i64()))));
    int64_t k = n.bit_length();
    for (;;) {
        BigInt r = int_to_bigint(interp, randbits(interp, mt, k));
        if (r < n) return r;
    }
}

int64_t randbelow_i64(Mt19937& mt, int64_t n) { return static_cast<int64_t>(mt.below(static_cast<uint64_t>(n))); }

// randrange's argument conversion: an index, or an integral float (deprecated).
BigInt range_arg(Interp& interp, Value v, const char* what) {
    if (is_float(interp, v)) {
        double d = float_value(v);
        if (std::isnan(d) || std::isinf(d) || d != std::floor(d))
            raise_value_error(interp, std::string("non-integer ") + what + " for randrange()");
        return BigInt::from_double(d);
    }
    if (is_int(interp, v)) return int_to_bigint(interp, v);
    return int_to_bigint(interp, index(interp, v));
}

Value randrange_impl(Interp& interp, Mt19937& mt, Value start, Value stop, Value step) {
    // The small-int path, when no intermediate can overflow.
    auto small = [](Value v) {
        return v.is_small_int() && v.as_small_int() > -(int64_t{1} << 40) && v.as_small_int() < (int64_t{1} << 40);
    };
    if (small(start) && (!stop || small(stop)) && (!step || small(step))) {
        int64_t istart = start.as_small_int();
        if (!stop) {
            if (step) raise_type_error(interp, "Missing a non-None stop argument");
            if (istart > 0) return make_int(interp, randbelow_i64(mt, istart));
            raise_value_error(interp, "empty range for randrange()");
        }
        int64_t istop = stop.as_small_int();
        int64_t width = istop - istart;
        int64_t istep = step ? step.as_small_int() : 1;
        if (istep == 1) {
            if (width > 0) return make_int(interp, istart + randbelow_i64(mt, width));
            raise_value_error(interp, "empty range for randrange() (" + std::to_string(istart) + ", " +
                                          std::to_string(istop) + ", " + std::to_string(width) + ")");
        }
        int64_t n;
        if (istep > 0) n = floor_div(BigInt(width + istep - 1), BigInt(istep)).to_i64();
        else if (istep < 0) n = floor_div(BigInt(width + istep + 1), BigInt(istep)).to_i64();
        else raise_value_error(interp, "zero step for randrange()");
        if (n <= 0) raise_value_error(interp, "empty range for randrange()");
        return make_int(interp, istart + istep * randbelow_i64(mt, n));
    }
    BigInt istart = range_arg(interp, start, "arg 1");
    if (!stop) {
        if (step) raise_type_error(interp, "Missing a non-None stop argument");
        if (istart.sign() > 0) return make_int(interp, randbelow_big(interp, mt, istart));
        raise_value_error(interp, "empty range for randrange()");
    }
    BigInt istop = range_arg(interp, stop, "stop");
    BigInt width = istop - istart;
    BigInt istep = step ? range_arg(interp, step, "step") : BigInt(1);
    if (istep == BigInt(1)) {
        if (width.sign() > 0) return make_int(interp, istart + randbelow_big(interp, mt, width));
        raise_value_error(interp, "empty range for randrange() (" + istart.to_string() + ", " + istop.to_string() +
                                      ", " + width.to_string() + ")");
    }
    BigInt n;
    if (istep.sign() > 0) n = floor_div(width + istep - BigInt(1), istep);
    else if (istep.sign() < 0) n = floor_div(width + istep + BigInt(1), istep);
    else raise_value_error(interp, "zero step for randrange()");
    if (n.sign() <= 0) raise_value_error(interp, "empty range for randrange()");
    return make_int(interp, istart + istep * randbelow_big(interp, mt, n));
}

Value item_at(Interp& interp, Value seq, int64_t i) {
    if (seq.is_object()) {
        Type* t = seq.as_object()->type();
        if (t == interp.types.list) return (*static_cast<List*>(seq.as_object()))[static_cast<std::size_t>(i)];
        if (t == interp.types.tuple) return (*static_cast<Tuple*>(seq.as_object()))[static_cast<std::size_t>(i)];
    }
    return getitem(interp, seq, Value::small_int(i));
}

// Python's float % (the sign of the divisor).
double py_fmod(double x, double y) {
    double m = std::fmod(x, y);
    if (m != 0) {
        if ((y < 0) != (m < 0)) m += y;
    } else {
        m = std::copysign(0.0, y);
    }
    return m;
}

double arg_double(Interp& interp, Value v, double fallback) { return v ? to_double(interp, v) : fallback; }

constexpr double kTwoPi = 2.0 * M_PI;

double gammavariate(Interp& interp, Mt19937& mt, double alpha, double beta) {
    if (alpha <= 0.0 || beta <= 0.0) raise_value_error(interp, "gammavariate: alpha and beta must be > 0.0");
    if (alpha > 1.0) {
        const double log4 = std::log(4.0);
        const double sg_magicconst = 1.0 + std::log(4.5);
        double ainv = std::sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - log4;
        double ccc = alpha + ainv;
        for (;;) {
            double u1 = mt.next_double();
            if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
            double u2 = 1.0 - mt.next_double();
            double v = std::log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * std::exp(v);
            double z = u1 * u1 * u2;
            double r = bbb + ccc * v - x;
            if (r + sg_magicconst - 4.5 * z >= 0.0 || r >= std::log(z)) return x * beta;
        }
    }
    if (alpha == 1.0) return -std::log(1.0 - mt.next_double()) * beta;
    double x;
    for (;;) {
        double u = mt.next_double();
        double b = (M_E + alpha) / M_E;
        double p = b * u;
        if (p <= 1.0) x = std::pow(p, 1.0 / alpha);
        else x = -std::log((b - p) / alpha);
        double u1 = mt.next_double();
        if (p > 1.0) {
            if (u1 <= std::pow(x, alpha - 1.0)) break;
        } else if (u1 <= std::exp(-x)) {
            break;
        }
    }
    return x * beta;
}

double normalvariate(Mt19937& mt, double mu, double sigma) {
    const double nv_magicconst = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    for (;;) {
        double u1 = mt.next_double();
        double u2 = 1.0 - mt.next_double();
        z = nv_magicconst * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -std::log(u2)) break;
    }
    return mu + z * sigma;
}

// ---- methods ----

Value r_seed(Interp& interp, const CallArgs& a) {
    RandomObject* r = self_of(interp, a[0]);
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"seed", {"a", "version"}, 0, 2}, v);
    do_seed(interp, r, v[0], v[1] ? index_i64(interp, v[1]) : 2);
    return interp.none;
}

Value r_random(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "random", 1, 1);
    return make_float(interp, self_of(interp, a[0])->mt.next_double());
}

Value r_getrandbits(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "getrandbits");
    check_nargs(interp, a, "getrandbits", 2, 2);
    return randbits(interp, self_of(interp, a[0])->mt, index_i64(interp, a[1]));
}

Value r_randbelow(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_randbelow", 2, 2);
    Mt19937& mt = self_of(interp, a[0])->mt;
    BigInt n = int_to_bigint(interp, index(interp, a[1]));
    if (n.sign() <= 0) return Value::small_int(0);
    return make_int(interp, randbelow_big(interp, mt, n));
}

Value r_randbytes(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "randbytes", 2, 2);
    Mt19937& mt = self_of(interp, a[0])->mt;
    int64_t n = index_i64(interp, a[1]);
    if (n < 0) raise_value_error(interp, "number of bits must be non-negative");
    std::string out;
    out.reserve(static_cast<std::size_t>(n) + 4);
    for (int64_t k = n * 8; k > 0; k -= 32) {
        uint32_t w = mt.next_u32();
        if (k < 32) w >>= (32 - k);
        for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>((w >> (8 * b)) & 0xff));
    }
    out.resize(static_cast<std::size_t>(n));
    return make_bytes(interp, out);
}

Value r_randrange(Interp& interp, const CallArgs& a) {
    Value v[3];
    parse_args(interp, rest_of(a), ArgSpec{"randrange", {"start", "stop", "step"}, 1, 3}, v);
    if (v[1] == interp.none) v[1] = Value();
    return randrange_impl(interp, self_of(interp, a[0])->mt, v[0], v[1], v[2]);
}

Value r_randint(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"randint", {"a", "b"}, 2, 2}, v);
    Value stop = binary_op(interp, v[1], Value::small_int(1), BinaryOp::Add);
    return randrange_impl(interp, self_of(interp, a[0])->mt, v[0], stop, Value());
}

Value r_choice(Interp& interp, const CallArgs& a) {
    Value v[1];
    parse_args(interp, rest_of(a), ArgSpec{"choice", {"seq"}, 1, 1}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    int64_t n = len(interp, v[0]);
    if (n == 0) raise_index_error(interp, "Cannot choose from an empty sequence");
    return item_at(interp, v[0], randbelow_i64(mt, n));
}

Value r_shuffle(Interp& interp, const CallArgs& a) {
    Value v[1];
    parse_args(interp, rest_of(a), ArgSpec{"shuffle", {"x"}, 1, 1}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    Value x = v[0];
    int64_t n = len(interp, x);
    const bool is_plain_list = x.is_object() && x.as_object()->type() == interp.types.list;
    for (int64_t i = n - 1; i >= 1; --i) {
        int64_t j = randbelow_i64(mt, i + 1);
        if (is_plain_list) {
            List* l = static_cast<List*>(x.as_object());
            if (static_cast<std::size_t>(i) < l->size()) {
                std::swap((*l)[static_cast<std::size_t>(i)], (*l)[static_cast<std::size_t>(j)]);
                continue;
            }
        }
        Value xi = getitem(interp, x, Value::small_int(i));
        Value xj = getitem(interp, x, Value::small_int(j));
        setitem(interp, x, Value::small_int(i), xj);
        setitem(interp, x, Value::small_int(j), xi);
    }
    return interp.none;
}

// bisect.bisect_right(a, x, lo, hi)
int64_t bisect_right(Interp& interp, List* a, Value x, int64_t lo, int64_t hi) {
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (compare_bool(interp, x, (*a)[static_cast<std::size_t>(mid)], CompareOp::Lt)) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

List* accumulate(Interp& interp, Value iterable) {
    List* out = make_list(interp);
    Value it = iter(interp, iterable);
    Value total;
    while (Value x = iter_next(interp, it)) {
        total = total ? binary_op(interp, total, x, BinaryOp::Add) : x;
        out->append(interp, total);
    }
    return out;
}

Value sample_impl(Interp& interp, Mt19937& mt, Value population, Value kv, Value counts);

Value r_sample(Interp& interp, const CallArgs& a) {
    Value v[3];
    parse_args(interp, rest_of(a), ArgSpec{"sample", {"population", "k", "counts"}, 2, 2}, v);
    return sample_impl(interp, self_of(interp, a[0])->mt, v[0], v[1], v[2] == interp.none ? Value() : v[2]);
}

Value sample_impl(Interp& interp, Mt19937& mt, Value population, Value kv, Value counts) {
    if (is_anyset(interp, population) || is_dict(interp, population) ||
        !type_lookup(interp, interp.type_of(population), interp.names.getitem) ||
        !type_lookup(interp, interp.type_of(population), interp.names.len))
        raise_type_error(interp, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t n = len(interp, population);
    if (counts) {
        List* cum = accumulate(interp, counts);
        if (static_cast<int64_t>(cum->size()) != n)
            raise_value_error(interp, "The number of counts does not match the population");
        if (cum->size() == 0) raise_index_error(interp, "pop from empty list");
        Value total = (*cum)[cum->size() - 1];
        cum->erase(cum->size() - 1);
        if (!is_int(interp, total)) raise_type_error(interp, "Counts must be integers");
        if (int_to_bigint(interp, total).sign() <= 0) raise_value_error(interp, "Total of counts must be greater than zero");
        int64_t t = index_i64(interp, total);
        Value sel = sample_impl(interp, mt, make_range(interp, 0, t, 1), kv, Value());
        List* selections = static_cast<List*>(sel.as_object());
        List* result = make_list(interp, selections->size());
        for (Value s : *selections) {
            int64_t i = bisect_right(interp, cum, s, 0, static_cast<int64_t>(cum->size()));
            result->append(interp, item_at(interp, population, i));
        }
        return result;
    }
    int64_t k = index_i64(interp, kv);
    if (!(0 <= k && k <= n)) raise_value_error(interp, "Sample larger than population or is negative");
    List* result = make_list(interp, static_cast<std::size_t>(k));
    int64_t setsize = 21;
    if (k > 5) {
        double e = std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0));
        setsize += static_cast<int64_t>(std::pow(4.0, e));
    }
    if (n <= setsize) {
        List* pool = list_from_iterable(interp, population);
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = randbelow_i64(mt, n - i);
            result->append(interp, (*pool)[static_cast<std::size_t>(j)]);
            (*pool)[static_cast<std::size_t>(j)] = (*pool)[static_cast<std::size_t>(n - i - 1)];
        }
    } else {
        std::unordered_set<int64_t> selected;
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = randbelow_i64(mt, n);
            while (selected.count(j)) j = randbelow_i64(mt, n);
            selected.insert(j);
            result->append(interp, item_at(interp, population, j));
        }
    }
    return result;
}

Value r_choices(Interp& interp, const CallArgs& a) {
    Value v[4];
    parse_args(interp, rest_of(a), ArgSpec{"choices", {"population", "weights", "cum_weights", "k"}, 1, 2}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    Value population = v[0];
    Value weights = v[1] == interp.none ? Value() : v[1];
    Value cum_weights = v[2] == interp.none ? Value() : v[2];
    int64_t k = v[3] ? index_i64(interp, v[3]) : 1;
    int64_t n = len(interp, population);
    List* result = make_list(interp, k > 0 ? static_cast<std::size_t>(k) : 0);
    List* cum;
    if (!cum_weights) {
        if (!weights) {
            double nf = static_cast<double>(n);
            for (int64_t i = 0; i < k; ++i)
                result->append(interp, item_at(interp, population, static_cast<int64_t>(std::floor(mt.next_double() * nf))));
            return result;
        }
        if (is_int(interp, weights))
            raise_type_error(interp, "The number of choices must be a keyword argument: k=" + repr_utf8(interp, weights));
        cum = accumulate(interp, weights);
    } else {
        if (weights) raise_type_error(interp, "Cannot specify both weights and cumulative weights");
        cum = list_from_iterable(interp, cum_weights);
    }
    if (static_cast<int64_t>(cum->size()) != n)
        raise_value_error(interp, "The number of weights does not match the population");
    if (cum->size() == 0) raise_index_error(interp, "list index out of range");
    double total = to_double(interp, binary_op(interp, (*cum)[cum->size() - 1], make_float(interp, 0.0), BinaryOp::Add));
    if (total <= 0.0) raise_value_error(interp, "Total of weights must be greater than zero");
    if (!std::isfinite(total)) raise_value_error(interp, "Total of weights must be finite");
    int64_t hi = n - 1;
    for (int64_t i = 0; i < k; ++i) {
        Value x = make_float(interp, mt.next_double() * total);
        result->append(interp, item_at(interp, population, bisect_right(interp, cum, x, 0, hi)));
    }
    return result;
}

Value r_uniform(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"uniform", {"a", "b"}, 2, 2}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    Value diff = binary_op(interp, v[1], v[0], BinaryOp::Subtract);
    Value scaled = binary_op(interp, diff, make_float(interp, mt.next_double()), BinaryOp::Multiply);
    return binary_op(interp, v[0], scaled, BinaryOp::Add);
}

Value r_triangular(Interp& interp, const CallArgs& a) {
    Value v[3];
    parse_args(interp, rest_of(a), ArgSpec{"triangular", {"low", "high", "mode"}, 0, 3}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    double u = mt.next_double();
    double low = arg_double(interp, v[0], 0.0);
    double high = arg_double(interp, v[1], 1.0);
    double c = 0.5;
    if (v[2] && v[2] != interp.none) {
        if (high - low == 0) return v[0] ? v[0] : make_float(interp, 0.0);
        c = (to_double(interp, v[2]) - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return make_float(interp, low + (high - low) * std::sqrt(u * c));
}

Value r_normalvariate(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"normalvariate", {"mu", "sigma"}, 0, 2}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    return make_float(interp, normalvariate(mt, arg_double(interp, v[0], 0.0), arg_double(interp, v[1], 1.0)));
}

Value r_lognormvariate(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"lognormvariate", {"mu", "sigma"}, 2, 2}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    return make_float(interp, std::exp(normalvariate(mt, to_double(interp, v[0]), to_double(interp, v[1]))));
}

Value r_gauss(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"gauss", {"mu", "sigma"}, 0, 2}, v);
    RandomObject* r = self_of(interp, a[0]);
    double mu = arg_double(interp, v[0], 0.0);
    double sigma = arg_double(interp, v[1], 1.0);
    double z;
    if (r->has_gauss_next) {
        z = r->gauss_next;
        r->has_gauss_next = false;
    } else {
        double x2pi = r->mt.next_double() * kTwoPi;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - r->mt.next_double()));
        z = std::cos(x2pi) * g2rad;
        r->gauss_next = std::sin(x2pi) * g2rad;
        r->has_gauss_next = true;
    }
    return make_float(interp, mu + z * sigma);
}

Value r_expovariate(Interp& interp, const CallArgs& a) {
    Value v[1];
    parse_args(interp, rest_of(a), ArgSpec{"expovariate", {"lambd"}, 1, 1}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    double lambd = to_double(interp, v[0]);
    double num = -std::log(1.0 - mt.next_double());
    if (lambd == 0) raise_zero_division(interp, "float division by zero");
    return make_float(interp, num / lambd);
}

Value r_vonmisesvariate(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"vonmisesvariate", {"mu", "kappa"}, 2, 2}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    double mu = to_double(interp, v[0]);
    double kappa = to_double(interp, v[1]);
    if (kappa <= 1e-6) return make_float(interp, kTwoPi * mt.next_double());
    double s = 0.5 / kappa;
    double r = s + std::sqrt(1.0 + s * s);
    double z;
    for (;;) {
        double u1 = mt.next_double();
        z = std::cos(M_PI * u1);
        double d = z / (r + z);
        double u2 = mt.next_double();
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d)) break;
    }
    double q = 1.0 / r;
    double f = (q + z) / (1.0 + q * z);
    double u3 = mt.next_double();
    double theta = u3 > 0.5 ? py_fmod(mu + std::acos(f), kTwoPi) : py_fmod(mu - std::acos(f), kTwoPi);
    return make_float(interp, theta);
}

Value r_gammavariate(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"gammavariate", {"alpha", "beta"}, 2, 2}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    return make_float(interp, gammavariate(interp, mt, to_double(interp, v[0]), to_double(interp, v[1])));
}

Value r_betavariate(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"betavariate", {"alpha", "beta"}, 2, 2}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    double y = gammavariate(interp, mt, to_double(interp, v[0]), 1.0);
    if (y != 0) return make_float(interp, y / (y + gammavariate(interp, mt, to_double(interp, v[1]), 1.0)));
    return make_float(interp, 0.0);
}

Value r_paretovariate(Interp& interp, const CallArgs& a) {
    Value v[1];
    parse_args(interp, rest_of(a), ArgSpec{"paretovariate", {"alpha"}, 1, 1}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    double u = 1.0 - mt.next_double();
    return make_float(interp, std::pow(u, -1.0 / to_double(interp, v[0])));
}

Value r_weibullvariate(Interp& interp, const CallArgs& a) {
    Value v[2];
    parse_args(interp, rest_of(a), ArgSpec{"weibullvariate", {"alpha", "beta"}, 2, 2}, v);
    Mt19937& mt = self_of(interp, a[0])->mt;
    double u = 1.0 - mt.next_double();
    return make_float(interp, to_double(interp, v[0]) * std::pow(-std::log(u), 1.0 / to_double(interp, v[1])));
}

// getstate(): (3, (624 words..., index), gauss_next)
Value r_getstate(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "getstate", 1, 1);
    RandomObject* r = self_of(interp, a[0]);
    Tuple* words = make_tuple(interp, Mt19937::kN + 1);
    for (std::size_t i = 0; i < Mt19937::kN; ++i) (*words)[i] = make_int(interp, static_cast<int64_t>(r->mt.state[i]));
    (*words)[Mt19937::kN] = Value::small_int(r->mt.index);
    Value gauss = r->has_gauss_next ? make_float(interp, r->gauss_next) : interp.none;
    return make_tuple(interp, {Value::small_int(3), Value(words), gauss});
}

Value r_setstate(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "setstate", 2, 2);
    RandomObject* r = self_of(interp, a[0]);
    Value state = a[1];
    Value version = getitem(interp, state, Value::small_int(0));
    if (!(version.is_small_int() && (version.as_small_int() == 3 || version.as_small_int() == 2)))
        raise_value_error(interp, "state with version " + str_utf8(interp, version) +
                                      " passed to Random.setstate() of version 3");
    Value words = getitem(interp, state, Value::small_int(1));
    Value gauss = getitem(interp, state, Value::small_int(2));
    if (!is_tuple(interp, words)) raise_type_error(interp, "state vector must be a tuple");
    Tuple* t = static_cast<Tuple*>(words.as_object());
    if (t->size() != Mt19937::kN + 1) raise_value_error(interp, "state vector is the wrong size");
    Mt19937 mt;
    for (std::size_t i = 0; i < Mt19937::kN; ++i) {
        BigInt w = int_to_bigint(interp, index(interp, (*t)[i]));
        if (w.is_negative() || w.bit_length() > 32) raise_overflow_error(interp, "Python int too large to convert to C unsigned long");
        mt.state[i] = static_cast<uint32_t>(w.to_i64());
    }
    int64_t idx = index_i64(interp, (*t)[Mt19937::kN]);
    if (idx < 0 || idx > Mt19937::kN) raise_value_error(interp, "invalid state");
    mt.index = static_cast<int>(idx);
    r->mt = mt;
    r->has_gauss_next = gauss != interp.none;
    if (r->has_gauss_next) r->gauss_next = to_double(interp, gauss);
    return interp.none;
}

Value random_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    auto* r = make_instance<RandomObject>(interp, cls);
    const bool exact = !cls->is_heap_type();
    if (exact) {
        if (kwnames && kwnames->size()) raise_type_error(interp, "Random() takes no keyword arguments");
        if (nargs > 1) raise_type_error(interp, "Random() expected at most 1 argument, got " + std::to_string(nargs));
    }
    do_seed(interp, r, exact && nargs == 1 ? args[0] : Value(), 2);
    return r;
}

// Random.__init__(self, x=None) for subclasses: seeds again.
void random_init(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (!interp.type_of(self)->is_heap_type()) return;  // seeded by __new__
    Value v[1];
    parse_args(interp, CallArgs{args, nargs, kwnames, nullptr}, ArgSpec{"Random", {"x"}, 0, 1}, v);
    do_seed(interp, self_of(interp, self), v[0], 2);
}

struct MethodDef {
    const char* name;
    NativeFn fn;
};

constexpr MethodDef kMethods[] = {
    {"seed", r_seed},
    {"random", r_random},
    {"getrandbits", r_getrandbits},
    {"_randbelow", r_randbelow},
    {"randbytes", r_randbytes},
    {"randrange", r_randrange},
    {"randint", r_randint},
    {"choice", r_choice},
    {"shuffle", r_shuffle},
    {"sample", r_sample},
    {"choices", r_choices},
    {"uniform", r_uniform},
    {"triangular", r_triangular},
    {"normalvariate", r_normalvariate},
    {"lognormvariate", r_lognormvariate},
    {"gauss", r_gauss},
    {"expovariate", r_expovariate},
    {"vonmisesvariate", r_vonmisesvariate},
    {"gammavariate", r_gammavariate},
    {"betavariate", r_betavariate},
    {"paretovariate", r_paretovariate},
    {"weibullvariate", r_weibullvariate},
    {"getstate", r_getstate},
    {"setstate", r_setstate},
};

}  // namespace

Module* make_random_module(Interp& interp) {
    Module* m = make_module(interp, "random");
    Dict* d = m->dict;
    Type* t = new_builtin_type(interp, "Random", nullptr, kTypeBaseType);
    t->module = make_str(interp, "random");
    t->slots.new_ = random_new;
    t->slots.init = random_init;
    t->subclass_instance_dict = Subclassed<RandomObject>::dict_of;
    for (const MethodDef& md : kMethods) add_method(interp, t, md.name, md.fn);
    finish_builtin_type(interp, t);
    d->set_str(interp, "Random", t);
    Value inst = random_new(interp, t, nullptr, 0, nullptr);
    d->set_str(interp, "_inst", inst);
    for (const MethodDef& md : kMethods) {
        if (md.name[0] == '_') continue;
        Str* name = interp.intern(md.name);
        d->set_str(interp, name, getattr(interp, inst, name));
    }
    return m;
}

}  // namespace corio::py
