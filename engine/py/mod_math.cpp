// mod_math.cpp — the `math` module: CPython's functions and constants on
// doubles (with its "math domain error" / "math range error" rules) and on
// ints of any size (gcd, factorial, isqrt, comb, perm, prod).
#include "py/mod_math.hpp"

#include <cerrno>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "py/bigint.hpp"
#include "py/builtin_function.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/int.hpp"
#include "py/interp.hpp"
#include "py/module.hpp"
#include "py/protocols.hpp"
#include "py/tuple.hpp"

namespace corio::py {

namespace {

[[noreturn]] void domain_error(Interp& interp) { raise_value_error(interp, "math domain error"); }
[[noreturn]] void range_error(Interp& interp) { raise_overflow_error(interp, "math range error"); }

// One real argument, as CPython's math_1: a nan or infinity from finite
// input is a domain or range error.
Value math_1(Interp& interp, const CallArgs& a, const char* name, double (*f)(double), bool can_overflow) {
    check_no_kwargs(interp, a, name);
    check_nargs(interp, a, name, 1, 1);
    double x = to_double(interp, a[0]);
    double r = f(x);
    if (std::isnan(r) && !std::isnan(x)) domain_error(interp);
    if (std::isinf(r) && std::isfinite(x)) {
        if (can_overflow) range_error(interp);
        domain_error(interp);
    }
    return make_float(interp, r);
}

#define CORIO_MATH_1(NAME, FN, OVERFLOW)                                          \
    Value math_##NAME(Interp& interp, const CallArgs& a) {                       \
        return math_1(interp, a, #NAME, [](double x) { return FN(x); }, OVERFLOW); \
    }
CORIO_MATH_1(sqrt, std::sqrt, false)
CORIO_MATH_1(exp, std::exp, true)
CORIO_MATH_1(expm1, std::expm1, true)
CORIO_MATH_1(sin, std::sin, false)
CORIO_MATH_1(cos, std::cos, false)
CORIO_MATH_1(tan, std::tan, false)
CORIO_MATH_1(asin, std::asin, false)
CORIO_MATH_1(acos, std::acos, false)
CORIO_MATH_1(atan, std::atan, false)
CORIO_MATH_1(sinh, std::sinh, true)
CORIO_MATH_1(cosh, std::cosh, true)
CORIO_MATH_1(tanh, std::tanh, false)
CORIO_MATH_1(fabs, std::fabs, false)
CORIO_MATH_1(log1p, std::log1p, false)
#undef CORIO_MATH_1

double one_real(Interp& interp, const CallArgs& a, const char* name) {
    check_no_kwargs(interp, a, name);
    check_nargs(interp, a, name, 1, 1);
    return to_double(interp, a[0]);
}

double two_reals(Interp& interp, const CallArgs& a, const char* name, double& y) {
    check_no_kwargs(interp, a, name);
    check_nargs(interp, a, name, 2, 2);
    y = to_double(interp, a[1]);
    return to_double(interp, a[0]);
}

// log of any positive number, ints beyond the double range included.
double log_of(Interp& interp, Value v) {
    if (is_int(interp, v) && !v.is_small_int()) {
        BigInt n = int_to_bigint(interp, v);
        if (n.sign() <= 0) domain_error(interp);
        int64_t bits = n.bit_length();
        if (bits > 1000) {
            BigInt top = n >> (bits - 64);
            return std::log(top.to_double()) + static_cast<double>(bits - 64) * std::log(2.0);
        }
    }
    double x = to_double(interp, v);
    if (std::isnan(x)) return x;
    if (x <= 0) domain_error(interp);
    return std::log(x);
}

Value math_log(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "log");
    check_nargs(interp, a, "log", 1, 2);
    double num = log_of(interp, a[0]);
    if (a.size() == 1) return make_float(interp, num);
    double den = log_of(interp, a[1]);
    if (den == 0) raise_zero_division(interp, "float division by zero");
    return make_float(interp, num / den);
}

Value math_log2(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "log2", 1, 1);
    double x = to_double(interp, a[0]);
    if (!(x > 0) && !std::isnan(x)) domain_error(interp);
    return make_float(interp, std::log2(x));
}

Value math_log10(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "log10", 1, 1);
    double x = to_double(interp, a[0]);
    if (!(x > 0) && !std::isnan(x)) domain_error(interp);
    return make_float(interp, std::log10(x));
}

Value math_pow(Interp& interp, const CallArgs& a) {
    double y;
    double x = two_reals(interp, a, "pow", y);
    if (x == 0 && y < 0) domain_error(interp);
    if (x < 0 && std::isfinite(y) && y != std::floor(y)) domain_error(interp);
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) range_error(interp);
    return make_float(interp, r);
}

Value math_atan2(Interp& interp, const CallArgs& a) {
    double x;
    double y = two_reals(interp, a, "atan2", x);
    return make_float(interp, std::atan2(y, x));
}

Value math_fmod(Interp& interp, const CallArgs& a) {
    double y;
    double x = two_reals(interp, a, "fmod", y);
    if ((y == 0 && !std::isnan(x)) || (std::isinf(x) && !std::isnan(y))) domain_error(interp);
    return make_float(interp, std::fmod(x, y));
}

Value math_copysign(Interp& interp, const CallArgs& a) {
    double y;
    double x = two_reals(interp, a, "copysign", y);
    return make_float(interp, std::copysign(x, y));
}

Value math_hypot(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "hypot");
    double r = 0;
    for (std::size_t i = 0; i < a.size(); ++i) r = std::hypot(r, to_double(interp, a[i]));
    return make_float(interp, r);
}

Value math_degrees(Interp& interp, const CallArgs& a) {
    return make_float(interp, one_real(interp, a, "degrees") * (180.0 / M_PI));
}

Value math_radians(Interp& interp, const CallArgs& a) {
    return make_float(interp, one_real(interp, a, "radians") * (M_PI / 180.0));
}

Value math_isnan(Interp& interp, const CallArgs& a) {
    return interp.boolean(std::isnan(one_real(interp, a, "isnan")));
}
Value math_isinf(Interp& interp, const CallArgs& a) {
    return interp.boolean(std::isinf(one_real(interp, a, "isinf")));
}
Value math_isfinite(Interp& interp, const CallArgs& a) {
    return interp.boolean(std::isfinite(one_real(interp, a, "isfinite")));
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
Value math_isclose(Interp& interp, const CallArgs& a) {
    Value args[4];
    parse_args(interp, a, {"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 2}, args);
    double x = to_double(interp, args[0]);
    double y = to_double(interp, args[1]);
    double rel = args[2] ? to_double(interp, args[2]) : 1e-09;
    double abs_tol = args[3] ? to_double(interp, args[3]) : 0.0;
    if (rel < 0 || abs_tol < 0) raise_value_error(interp, "tolerances must be non-negative");
    if (x == y) return interp.true_;
    if (std::isinf(x) || std::isinf(y)) return interp.false_;
    double diff = std::fabs(y - x);
    return interp.boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}

// floor/ceil/trunc: ints as they are; floats to an exact int.
Value integral(Interp& interp, const CallArgs& a, const char* name, double (*f)(double)) {
    check_nargs(interp, a, name, 1, 1);
    Value x = a[0];
    if (is_int(interp, x)) return int_from_value(interp, x);
    double d = f(to_double(interp, x));
    if (std::isnan(d)) raise_value_error(interp, "cannot convert float NaN to integer");
    if (std::isinf(d)) raise_overflow_error(interp, "cannot convert float infinity to integer");
    if (std::fabs(d) < 9.0e15) return make_int(interp, static_cast<int64_t>(d));
    return make_int(interp, BigInt::from_double(d));
}
Value math_floor(Interp& interp, const CallArgs& a) {
    return integral(interp, a, "floor", [](double d) { return std::floor(d); });
}
Value math_ceil(Interp& interp, const CallArgs& a) {
    return integral(interp, a, "ceil", [](double d) { return std::ceil(d); });
}
Value math_trunc(Interp& interp, const CallArgs& a) {
    return integral(interp, a, "trunc", [](double d) { return std::trunc(d); });
}

Value math_modf(Interp& interp, const CallArgs& a) {
    double x = one_real(interp, a, "modf");
    double whole;
    double frac = std::modf(x, &whole);
    if (std::isinf(x)) frac = std::copysign(0.0, x);
    return make_tuple(interp, {make_float(interp, frac), make_float(interp, whole)});
}

Value math_frexp(Interp& interp, const CallArgs& a) {
    double x = one_real(interp, a, "frexp");
    int e = 0;
    double m = std::isfinite(x) ? std::frexp(x, &e) : x;
    return make_tuple(interp, {make_float(interp, m), Value::small_int(e)});
}

Value math_ldexp(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "ldexp", 2, 2);
    double x = to_double(interp, a[0]);
    if (!is_int(interp, a[1])) raise_type_error(interp, "Expected an int as second argument to ldexp.");
    int64_t e = 0;
    if (!int_to_i64(interp, a[1], e)) e = int_to_bigint(interp, a[1]).sign() > 0 ? INT32_MAX : INT32_MIN;
    if (e > INT32_MAX) e = INT32_MAX;
    if (e < INT32_MIN) e = INT32_MIN;
    double r = std::ldexp(x, static_cast<int>(e));
    if (std::isinf(r) && std::isfinite(x)) range_error(interp);
    return make_float(interp, r);
}

BigInt int_arg(Interp& interp, Value v) {
    if (!is_int(interp, v)) {
        Value i = index(interp, v);
        return int_to_bigint(interp, i);
    }
    return int_to_bigint(interp, v);
}

BigInt gcd_of(BigInt a, BigInt b) {
    if (a.is_negative()) a = -a;
    if (b.is_negative()) b = -b;
    while (!b.is_zero()) {
        BigInt r = floor_mod(a, b);
        a = std::move(b);
        b = std::move(r);
    }
    return a;
}

Value math_gcd(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "gcd");
    BigInt g(0);
    for (std::size_t i = 0; i < a.size(); ++i) g = gcd_of(g, int_arg(interp, a[i]));
    return make_int(interp, std::move(g));
}

Value math_lcm(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "lcm");
    BigInt l(1);
    for (std::size_t i = 0; i < a.size(); ++i) {
        BigInt n = int_arg(interp, a[i]);
        if (n.is_zero()) return Value::small_int(0);
        if (n.is_negative()) n = -n;
        l = floor_div(l * n, gcd_of(l, n));
    }
    return make_int(interp, std::move(l));
}

int64_t small_count(Interp& interp, Value v, const char* what) {
    BigInt n = int_arg(interp, v);
    if (n.is_negative()) raise_value_error(interp, std::string(what));
    if (!n.fits_i64()) raise_overflow_error(interp, "Python int too large to convert to C long");
    return n.to_i64();
}

Value math_factorial(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "factorial", 1, 1);
    if (is_float(interp, a[0])) raise_type_error(interp, "'float' object cannot be interpreted as an integer");
    int64_t n = small_count(interp, a[0], "factorial() not defined for negative values");
    BigInt r(1);
    for (int64_t k = 2; k <= n; ++k) r = r * BigInt(k);
    return make_int(interp, std::move(r));
}

Value math_isqrt(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "isqrt", 1, 1);
    BigInt n = int_arg(interp, a[0]);
    if (n.is_negative()) raise_value_error(interp, "isqrt() argument must be nonnegative");
    if (n.is_zero()) return Value::small_int(0);
    // Newton's method from above: x <- (x + n // x) // 2 until it stops falling.
    BigInt x = BigInt(1) << ((n.bit_length() + 1) / 2);
    for (;;) {
        BigInt y = (x + floor_div(n, x)) >> 1;
        if (!(y < x)) break;
        x = std::move(y);
    }
    return make_int(interp, std::move(x));
}

Value math_perm_comb(Interp& interp, const CallArgs& a, bool comb) {
    const char* name = comb ? "comb" : "perm";
    check_nargs(interp, a, name, comb ? 2 : 1, 2);
    int64_t n = small_count(interp, a[0], "n must be a non-negative integer");
    int64_t k = a.size() > 1 && a[1] != Value(interp.none) ? small_count(interp, a[1], "k must be a non-negative integer") : n;
    if (k > n) return Value::small_int(0);
    if (comb && k > n - k) k = n - k;
    BigInt r(1);
    for (int64_t i = 0; i < k; ++i) {
        r = r * BigInt(n - i);
        if (comb) r = floor_div(r, BigInt(i + 1));
    }
    return make_int(interp, std::move(r));
}
Value math_comb(Interp& interp, const CallArgs& a) { return math_perm_comb(interp, a, true); }
Value math_perm(Interp& interp, const CallArgs& a) { return math_perm_comb(interp, a, false); }

// prod(iterable, *, start=1)
Value math_prod(Interp& interp, const CallArgs& a) {
    Value args[2];
    parse_args(interp, a, {"prod", {"iterable", "start"}, 1, 1}, args);
    Value acc = args[1] ? args[1] : Value::small_int(1);
    Value it = iter(interp, args[0]);
    while (Value item = iter_next(interp, it)) acc = binary_op(interp, acc, item, BinaryOp::Multiply);
    return acc;
}

// fsum: Shewchuk's exact partial sums, as CPython's msum.
Value math_fsum(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "fsum", 1, 1);
    std::vector<double> partials;
    double special = 0;
    bool has_special = false;
    Value it = iter(interp, a[0]);
    while (Value item = iter_next(interp, it)) {
        double x = to_double(interp, item);
        if (!std::isfinite(x)) {
            special = has_special ? special + x : x;
            has_special = true;
            continue;
        }
        std::size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        partials.push_back(x);
    }
    if (has_special) {
        if (std::isnan(special)) raise_value_error(interp, "-inf + inf in fsum");
        return make_float(interp, special);
    }
    double hi = 0;
    if (!partials.empty()) {
        std::size_t n = partials.size();
        hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            if (y == x - hi) hi = x;
        }
    }
    return make_float(interp, hi);
}

}  // namespace

Module* make_math_module(Interp& interp) {
    Module* m = make_module(interp, "math");
    Dict* d = m->dict;
    d->set_str(interp, "pi", make_float(interp, M_PI));
    d->set_str(interp, "e", make_float(interp, M_E));
    d->set_str(interp, "tau", make_float(interp, 2 * M_PI));
    d->set_str(interp, "inf", make_float(interp, std::numeric_limits<double>::infinity()));
    d->set_str(interp, "nan", make_float(interp, std::numeric_limits<double>::quiet_NaN()));
    struct Fn {
        const char* name;
        NativeFn fn;
    };
    for (const Fn& f : {
             Fn{"sqrt", math_sqrt},       Fn{"exp", math_exp},         Fn{"expm1", math_expm1},
             Fn{"sin", math_sin},         Fn{"cos", math_cos},         Fn{"tan", math_tan},
             Fn{"asin", math_asin},       Fn{"acos", math_acos},       Fn{"atan", math_atan},
             Fn{"sinh", math_sinh},       Fn{"cosh", math_cosh},       Fn{"tanh", math_tanh},
             Fn{"fabs", math_fabs},       Fn{"log1p", math_log1p},     Fn{"log", math_log},
             Fn{"log2", math_log2},       Fn{"log10", math_log10},     Fn{"pow", math_pow},
             Fn{"atan2", math_atan2},     Fn{"fmod", math_fmod},       Fn{"copysign", math_copysign},
             Fn{"hypot", math_hypot},     Fn{"degrees", math_degrees}, Fn{"radians", math_radians},
             Fn{"isnan", math_isnan},     Fn{"isinf", math_isinf},     Fn{"isfinite", math_isfinite},
             Fn{"isclose", math_isclose}, Fn{"floor", math_floor},     Fn{"ceil", math_ceil},
             Fn{"trunc", math_trunc},     Fn{"modf", math_modf},       Fn{"frexp", math_frexp},
             Fn{"ldexp", math_ldexp},     Fn{"gcd", math_gcd},         Fn{"lcm", math_lcm},
             Fn{"factorial", math_factorial}, Fn{"isqrt", math_isqrt}, Fn{"comb", math_comb},
             Fn{"perm", math_perm},       Fn{"prod", math_prod},       Fn{"fsum", math_fsum},
         }) {
        BuiltinFunction* b = make_builtin(interp, f.name, f.fn);
        d->set_str(interp, b->name, b);
    }
    return m;
}

}  // namespace corio::py
