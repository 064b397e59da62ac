// float.cpp — float: arithmetic with Python's floor/mod signs and CPython's
// error messages, exact comparison with ints, hashing as CPython (so
// hash(1.0) == hash(1)), the constructor and the methods (is_integer,
// as_integer_ratio, hex, fromhex, __round__, ...).
#include "py/float.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "py/bigint.hpp"
#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/exceptions.hpp"
#include "py/float_format.hpp"
#include "py/format_spec.hpp"
#include "py/int.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

Value make_float(Interp& interp, double v) { return interp.heap.make<Float>(interp.types.float_, v); }

bool is_float(Interp& interp, Value v) noexcept {
    return v.is_object() && is_subtype(v.as_object()->type(), interp.types.float_);
}

double to_double(Interp& interp, Value x) {
    if (x.is_small_int()) return static_cast<double>(x.as_small_int());
    if (is_float(interp, x)) return float_value(x);
    if (is_int(interp, x)) return int_to_double(interp, x);
    Type* t = interp.type_of(x);
    if (t->slots.to_float) {
        Value r = t->slots.to_float(interp, x);
        if (!is_float(interp, r))
            raise_type_error(interp, std::string(t->name->view()) + ".__float__ returned non-float (type " +
                                         std::string(type_name(interp, r)) + ")");
        return float_value(r);
    }
    if (t->slots.index) return int_to_double(interp, index(interp, x));
    raise_type_error(interp, std::string("must be real number, not ") + std::string(t->name->view()));
}

namespace {

bool as_double(Interp& interp, Value v, double& out) {
    if (v.is_small_int()) {
        out = static_cast<double>(v.as_small_int());
        return true;
    }
    if (is_float(interp, v)) {
        out = float_value(v);
        return true;
    }
    if (is_int(interp, v)) {
        out = int_to_double(interp, v);
        return true;
    }
    return false;
}

double float_mod(double vx, double wx) {
    double mod = std::fmod(vx, wx);
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        mod = std::copysign(0.0, wx);
    }
    return mod;
}

double float_floordiv(double vx, double wx, double* mod_out) {
    double mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
    if (mod_out) *mod_out = mod;
    return floordiv;
}

double float_pow(Interp& interp, double iv, double iw) {
    if (iw == 0) return 1.0;
    if (std::isnan(iv)) return iv;
    if (std::isnan(iw)) return iv == 1.0 ? 1.0 : iw;
    if (std::isinf(iw)) {
        iv = std::fabs(iv);
        if (iv == 1.0) return 1.0;
        if ((iw > 0.0) == (iv > 1.0)) return std::fabs(iw);
        return 0.0;
    }
    if (std::isinf(iv)) {
        bool odd = std::fmod(std::fabs(iw), 2.0) == 1.0;
        if (iw > 0.) return odd ? iv : std::fabs(iv);
        return odd ? std::copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        bool odd = std::fmod(std::fabs(iw), 2.0) == 1.0;
        if (iw < 0.0) raise_zero_division(interp, "0.0 cannot be raised to a negative power");
        return odd ? iv : 0.0;
    }
    if (iv < 0.0 && iw != std::floor(iw))
        raise_value_error(interp, "math domain error");  // CPython returns a complex here
    errno = 0;
    double r = std::pow(iv, iw);
    if (std::isinf(r)) throw PyException{new_exception(interp, interp.exc.OverflowError,
                                                        {Value::small_int(34), make_str(interp, "Numerical result out of range")})};
    return r;
}

}  // namespace

Value float_binary(Interp& interp, Value a, Value b, BinaryOp op) {
    double x, y;
    if (!as_double(interp, a, x) || !as_double(interp, b, y)) return interp.not_implemented;
    switch (static_cast<BinaryOp>(binary_slot_index(op))) {
    case BinaryOp::Add: return make_float(interp, x + y);
    case BinaryOp::Subtract: return make_float(interp, x - y);
    case BinaryOp::Multiply: return make_float(interp, x * y);
    case BinaryOp::TrueDivide:
        if (y == 0.0) raise_zero_division(interp, "float division by zero");
        return make_float(interp, x / y);
    case BinaryOp::FloorDivide:
        if (y == 0.0) raise_zero_division(interp, "float floor division by zero");
        return make_float(interp, float_floordiv(x, y, nullptr));
    case BinaryOp::Remainder:
        if (y == 0.0) raise_zero_division(interp, "float modulo");
        return make_float(interp, float_mod(x, y));
    case BinaryOp::Power: return make_float(interp, float_pow(interp, x, y));
    default: return interp.not_implemented;
    }
}

Value float_compare(Interp& interp, Value a, Value b, CompareOp op) {
    // Normalise to (float x, other y) with the operator seen from x.
    static constexpr CompareOp kSwap[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                          CompareOp::Ne, CompareOp::Lt, CompareOp::Le};
    if (!is_float(interp, a)) {
        std::swap(a, b);
        op = kSwap[static_cast<int>(op)];
    }
    double x = float_value(a);
    int c;  // sign of x - y; 2 = unordered (NaN)
    if (is_float(interp, b)) {
        double y = float_value(b);
        if (std::isnan(x) || std::isnan(y)) c = 2;
        else c = x < y ? -1 : x > y ? 1 : 0;
    } else if (is_int(interp, b)) {
        int64_t iy;
        if (std::isnan(x)) c = 2;
        else if (std::isinf(x)) c = x > 0 ? 1 : -1;
        else if (int_to_i64(interp, b, iy) && iy > -(int64_t{1} << 53) && iy < (int64_t{1} << 53)) {
            double y = static_cast<double>(iy);
            c = x < y ? -1 : x > y ? 1 : 0;
        } else {
            double whole = std::trunc(x);
            int wc = compare(BigInt::from_double(whole), int_to_bigint(interp, b));
            if (wc != 0) c = wc;
            else c = x > whole ? 1 : x < whole ? -1 : 0;
        }
    } else {
        return interp.not_implemented;
    }
    if (c == 2) return interp.boolean(op == CompareOp::Ne);
    switch (op) {
    case CompareOp::Lt: return interp.boolean(c < 0);
    case CompareOp::Le: return interp.boolean(c <= 0);
    case CompareOp::Eq: return interp.boolean(c == 0);
    case CompareOp::Ne: return interp.boolean(c != 0);
    case CompareOp::Gt: return interp.boolean(c > 0);
    default: return interp.boolean(c >= 0);
    }
}

namespace {

template <int I>
Value float_slot(Interp& interp, Value a, Value b) {
    if (!is_float(interp, a) && !is_float(interp, b)) return interp.not_implemented;
    return float_binary(interp, a, b, static_cast<BinaryOp>(I));
}

Value float_divmod(Interp& interp, Value a, Value b) {
    double x, y;
    if ((!is_float(interp, a) && !is_float(interp, b)) || !as_double(interp, a, x) || !as_double(interp, b, y))
        return interp.not_implemented;
    if (y == 0.0) raise_zero_division(interp, "float divmod()");
    double mod;
    double div = float_floordiv(x, y, &mod);
    return make_tuple(interp, {make_float(interp, div), make_float(interp, mod)});
}

Value float_repr_slot(Interp& interp, Value self) { return make_str(interp, float_repr(float_value(self))); }
int64_t float_hash(Interp& interp, Value self) {
    double d = float_value(self);
    if (std::isnan(d)) return static_cast<int64_t>(self.bits() >> 4);
    (void)interp;
    return hash_double(d);
}
bool float_truthy(Interp&, Value self) { return float_value(self) != 0.0; }
Value float_neg(Interp& interp, Value self) { return make_float(interp, -float_value(self)); }
Value float_pos(Interp& interp, Value self) {
    return self.as_object()->type() == interp.types.float_ ? self : make_float(interp, float_value(self));
}
Value float_abs(Interp& interp, Value self) { return make_float(interp, std::fabs(float_value(self))); }
Value float_int(Interp& interp, Value self) { return int_from_value(interp, self); }

Value float_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "float() takes no keyword arguments");
    if (nargs > 1) raise_type_error(interp, std::string("float expected at most 1 argument, got ") + std::to_string(nargs));
    double d = 0.0;
    if (nargs == 1) {
        Value x = args[0];
        if (Str* s = as_str(interp, x)) {
            try {
                d = float_parse(s->view());
            } catch (const NumberError&) {
                raise(interp, exception_from_current(interp));
            }
        } else if (is_float(interp, x) || is_int(interp, x) || interp.type_of(x)->slots.to_float ||
                   interp.type_of(x)->slots.index) {
            d = to_double(interp, x);
        } else {
            raise_type_error(interp, std::string("float() argument must be a string or a real number, not '") +
                                         std::string(type_name(interp, x)) + "'");
        }
    }
    if (cls == interp.types.float_) return make_float(interp, d);
    return make_instance<Float>(interp, cls, d);
}

double self_d(const CallArgs& a) { return float_value(a[0]); }

Value float_is_integer(Interp& interp, const CallArgs& a) {
    double d = self_d(a);
    return interp.boolean(std::isfinite(d) && d == std::floor(d));
}

Value float_as_integer_ratio(Interp& interp, const CallArgs& a) {
    double d = self_d(a);
    if (std::isinf(d)) raise_overflow_error(interp, "cannot convert Infinity to integer ratio");
    if (std::isnan(d)) raise_value_error(interp, "cannot convert NaN to integer ratio");
    int exp;
    double m = std::frexp(d, &exp);
    for (int i = 0; i < 300 && m != std::floor(m); ++i) {
        m *= 2.0;
        --exp;
    }
    BigInt num = BigInt::from_double(m);
    BigInt den(1);
    if (exp > 0) num = num << exp;
    else den = den << (-exp);
    return make_tuple(interp, {make_int(interp, num), make_int(interp, den)});
}

Value float_hex(Interp& interp, const CallArgs& a) {
    double d = self_d(a);
    if (std::isnan(d)) return make_str(interp, "nan");
    if (std::isinf(d)) return make_str(interp, d > 0 ? "inf" : "-inf");
    if (d == 0.0) return make_str(interp, std::signbit(d) ? "-0x0.0p+0" : "0x0.0p+0");
    int exp;
    double m = std::frexp(std::fabs(d), &exp);  // m in [0.5, 1)
    m *= 2.0;
    exp -= 1;
    if (exp < -1022) {  // subnormal: CPython prints 0x0.xxxp-1022
        m = std::ldexp(m, exp + 1022);
        exp = -1022;
    }
    std::string out = std::signbit(d) ? "-0x" : "0x";
    int lead = static_cast<int>(m);
    out += static_cast<char>('0' + lead);
    out += '.';
    m -= lead;
    for (int i = 0; i < 13; ++i) {
        m *= 16.0;
        int digit = static_cast<int>(m);
        out += "0123456789abcdef"[digit];
        m -= digit;
    }
    out += 'p';
    out += exp >= 0 ? "+" : "-";
    out += std::to_string(exp >= 0 ? exp : -exp);
    return make_str(interp, out);
}

Value float_fromhex(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "fromhex", 2, 2);
    Str* s = as_str(interp, a[1]);
    if (!s) raise_type_error(interp, std::string("must be str, not ") + std::string(type_name(interp, a[1])));
    std::string text(strip_py_whitespace(s->view()));
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view body = lower;
    bool neg = false;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) neg = body[0] == '-', body.remove_prefix(1);
    double r;
    if (body == "inf" || body == "infinity") r = HUGE_VAL;
    else if (body == "nan") r = std::nan("");
    else {
        std::string h(body);
        if (h.rfind("0x", 0) != 0) h = std::string("0x") + h;
        if (h.find('p') == std::string::npos) h += "p0";
        char* end = nullptr;
        r = std::strtod(h.c_str(), &end);
        if (!end || *end || h.size() <= 3)
            raise_value_error(interp, "invalid hexadecimal floating-point string");
        if (std::isinf(r)) raise_overflow_error(interp, "hexadecimal value too large to represent as a float");
    }
    Value v = make_float(interp, neg ? -r : r);
    Type* cls = static_cast<Type*>(a[0].as_object());
    return cls == interp.types.float_ ? v : call(interp, cls, {v});
}

Value float_round(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__round__", 1, 2);
    double d = self_d(a);
    try {
        if (a.nargs == 1 || a[1] == interp.none) {
            double r = round_half_even(d);
            if (std::isinf(r)) raise_overflow_error(interp, "cannot convert float infinity to integer");
            if (std::isnan(r)) raise_value_error(interp, "cannot convert float NaN to integer");
            return make_int(interp, BigInt::from_double(r));
        }
        return make_float(interp, round_double(d, index_i64(interp, a[1])));
    } catch (const NumberError&) {
        raise(interp, exception_from_current(interp));
    }
}

Value float_trunc(Interp& interp, const CallArgs& a) { return int_from_value(interp, a[0]); }
Value float_floor(Interp& interp, const CallArgs& a) { return int_from_value(interp, make_float(interp, std::floor(self_d(a)))); }
Value float_ceil(Interp& interp, const CallArgs& a) { return int_from_value(interp, make_float(interp, std::ceil(self_d(a)))); }
Value float_conjugate(Interp& interp, const CallArgs& a) { return make_float(interp, self_d(a)); }

Value float_format_method(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__format__", 2, 2);
    Str* spec = as_str(interp, a[1]);
    if (!spec) raise_type_error(interp, std::string("__format__() argument must be str, not ") + std::string(type_name(interp, a[1])));
    try {
        return make_str(interp, format_float(self_d(a), spec->view()));
    } catch (const NumberError&) {
        raise(interp, exception_from_current(interp));
    }
}

Value float_getnewargs(Interp& interp, const CallArgs& a) { return make_tuple(interp, {make_float(interp, self_d(a))}); }
Value float_real(Interp& interp, Object* self, int) { return make_float(interp, static_cast<Float*>(self)->value); }
Value float_imag(Interp& interp, Object*, int) { return make_float(interp, 0.0); }

template <int... I>
void install_float_slots(Type* t, std::integer_sequence<int, I...>) {
    ((t->slots.binary[I] = &float_slot<I>), ...);
}

}  // namespace

void init_float_type(Interp& interp) {
    Type* t = interp.types.float_;
    install_float_slots(t, std::make_integer_sequence<int, kBinarySlotCount>{});
    for (BinaryOp op : {BinaryOp::And, BinaryOp::Or, BinaryOp::Xor, BinaryOp::Lshift, BinaryOp::Rshift,
                        BinaryOp::MatrixMultiply})
        t->slots.binary[binary_slot_index(op)] = nullptr;
    t->slots.divmod = float_divmod;
    t->slots.repr = float_repr_slot;
    t->slots.hash = float_hash;
    t->slots.compare = float_compare;
    t->slots.truthy = float_truthy;
    t->slots.neg = float_neg;
    t->slots.pos = float_pos;
    t->slots.abs = float_abs;
    t->slots.to_int = float_int;
    t->slots.to_float = float_pos;
    t->slots.new_ = float_new;
    t->subclass_instance_dict = Subclassed<Float>::dict_of;
    add_method(interp, t, "is_integer", float_is_integer);
    add_method(interp, t, "as_integer_ratio", float_as_integer_ratio);
    add_method(interp, t, "hex", float_hex);
    add_method(interp, t, "fromhex", float_fromhex, NativeKind::ClassMethod);
    add_method(interp, t, "__round__", float_round);
    add_method(interp, t, "__trunc__", float_trunc);
    add_method(interp, t, "__floor__", float_floor);
    add_method(interp, t, "__ceil__", float_ceil);
    add_method(interp, t, "conjugate", float_conjugate);
    add_method(interp, t, "__format__", float_format_method);
    add_method(interp, t, "__getnewargs__", float_getnewargs);
    add_member(interp, t, "real", float_real, nullptr);
    add_member(interp, t, "imag", float_imag, nullptr);
}

}  // namespace corio::py
