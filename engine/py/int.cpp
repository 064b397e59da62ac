// int.cpp — int and bool: small-int fast paths with overflow into BigInt,
// every operator with Python's semantics (floor division and modulo signs,
// negative exponents giving floats, shifts), hashing as CPython, the
// constructor int(x, base), and the methods (bit_length, to_bytes, ...).
#include "py/int.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "py/builtin_function.hpp"
#include "py/bytes.hpp"
#include "py/descriptors.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/float_format.hpp"
#include "py/format_spec.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {
constexpr int64_t kHashModulus = (int64_t{1} << 61) - 1;

[[noreturn]] void rethrow_number(Interp& interp) { raise(interp, exception_from_current(interp)); }

const BigInt& big_of(Value v) { return static_cast<Int*>(v.as_object())->value; }
}  // namespace

Value make_int(Interp& interp, int64_t v) {
    if (Value::fits_small_int(v)) return Value::small_int(v);
    return interp.heap.make<Int>(interp.types.int_, BigInt(v));
}

Value make_int(Interp& interp, BigInt v) {
    if (v.fits_i64()) {
        int64_t x = v.to_i64();
        if (Value::fits_small_int(x)) return Value::small_int(x);
    }
    return interp.heap.make<Int>(interp.types.int_, std::move(v));
}

bool is_int(Interp& interp, Value v) noexcept {
    return v.is_small_int() || (interp.type_of(v)->flags & kTypeIntSubclass);
}

bool is_exact_int(Interp& interp, Value v) noexcept {
    return v.is_small_int() || v.as_object()->type() == interp.types.int_;
}

BigInt int_to_bigint(Interp&, Value v) {
    if (v.is_small_int()) return BigInt(v.as_small_int());
    return big_of(v);
}

bool int_to_i64(Interp&, Value v, int64_t& out) noexcept {
    if (v.is_small_int()) {
        out = v.as_small_int();
        return true;
    }
    const BigInt& b = big_of(v);
    if (!b.fits_i64()) return false;
    out = b.to_i64();
    return true;
}

double int_to_double(Interp& interp, Value v) {
    if (v.is_small_int()) return static_cast<double>(v.as_small_int());
    try {
        return big_of(v).to_double();
    } catch (const NumberError&) {
        rethrow_number(interp);
    }
}

int64_t int_hash(Interp& interp, Value v) {
    int64_t x;
    if (int_to_i64(interp, v, x)) {
        int64_t h = x % kHashModulus;
        return h == -1 ? -2 : h;
    }
    return big_of(v).hash();
}

int int_compare(Interp& interp, Value a, Value b) {
    int64_t x, y;
    if (int_to_i64(interp, a, x) && int_to_i64(interp, b, y)) return x < y ? -1 : x > y ? 1 : 0;
    return compare(int_to_bigint(interp, a), int_to_bigint(interp, b));
}

std::string int_to_string(Interp& interp, Value v) {
    if (v.is_small_int()) return std::to_string(v.as_small_int());
    try {
        return big_of(v).to_string(10, interp.max_str_digits);
    } catch (const NumberError&) {
        rethrow_number(interp);
    }
}

namespace {

Value big_binary(Interp& interp, const BigInt& x, const BigInt& y, BinaryOp op) {
    switch (op) {
    case BinaryOp::Add: return make_int(interp, x + y);
    case BinaryOp::Subtract: return make_int(interp, x - y);
    case BinaryOp::Multiply: return make_int(interp, x * y);
    case BinaryOp::FloorDivide: return make_int(interp, floor_div(x, y));
    case BinaryOp::Remainder: return make_int(interp, floor_mod(x, y));
    case BinaryOp::TrueDivide: return make_float(interp, true_divide(x, y));
    case BinaryOp::Power:
        if (y.is_negative()) {
            double base = x.to_double();
            if (base == 0.0) raise_zero_division(interp, "0.0 cannot be raised to a negative power");
            return make_float(interp, std::pow(base, y.to_double()));
        }
        return make_int(interp, pow(x, y));
    case BinaryOp::Lshift:
        if (y.is_negative()) raise_value_error(interp, "negative shift count");
        if (!y.fits_i64()) raise_overflow_error(interp, "too many digits in integer");
        return make_int(interp, x << y.to_i64());
    case BinaryOp::Rshift:
        if (y.is_negative()) raise_value_error(interp, "negative shift count");
        if (!y.fits_i64()) return Value::small_int(x.is_negative() ? -1 : 0);
        return make_int(interp, x >> y.to_i64());
    case BinaryOp::And: return make_int(interp, x & y);
    case BinaryOp::Or: return make_int(interp, x | y);
    case BinaryOp::Xor: return make_int(interp, x ^ y);
    default: return interp.not_implemented;
    }
}

}  // namespace

Value int_binary(Interp& interp, Value a, Value b, BinaryOp op) {
    op = static_cast<BinaryOp>(binary_slot_index(op));
    int64_t x, y;
    if (int_to_i64(interp, a, x) && int_to_i64(interp, b, y) && Value::fits_small_int(x) && Value::fits_small_int(y)) {
        int64_t r;
        switch (op) {
        case BinaryOp::Add: return make_int(interp, x + y);
        case BinaryOp::Subtract: return make_int(interp, x - y);
        case BinaryOp::Multiply:
            if (!__builtin_mul_overflow(x, y, &r)) return make_int(interp, r);
            break;
        case BinaryOp::FloorDivide:
        case BinaryOp::Remainder: {
            if (y == 0) raise_zero_division(interp, op == BinaryOp::Remainder ? "integer modulo by zero"
                                                                             : "integer division or modulo by zero");
            int64_t q = x / y, m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) {
                m += y;
                --q;
            }
            return make_int(interp, op == BinaryOp::FloorDivide ? q : m);
        }
        case BinaryOp::TrueDivide:
            if (y == 0) raise_zero_division(interp, "division by zero");
            if (std::abs(x) < (int64_t{1} << 53) && std::abs(y) < (int64_t{1} << 53))
                return make_float(interp, static_cast<double>(x) / static_cast<double>(y));
            break;
        case BinaryOp::Power:
            if (y < 0) {
                if (x == 0) raise_zero_division(interp, "0.0 cannot be raised to a negative power");
                return make_float(interp, std::pow(static_cast<double>(x), static_cast<double>(y)));
            } else {
                int64_t result = 1, base = x, e = y;
                bool overflow = false;
                while (e > 0 && !overflow) {
                    if (e & 1) overflow |= __builtin_mul_overflow(result, base, &result);
                    e >>= 1;
                    if (e > 0) overflow |= __builtin_mul_overflow(base, base, &base);
                }
                if (!overflow) return make_int(interp, result);
            }
            break;
        case BinaryOp::Lshift:
            if (y < 0) raise_value_error(interp, "negative shift count");
            if (y < 62 && (x == 0 || (std::abs(x) < (int64_t{1} << (62 - y))))) return make_int(interp, x * (int64_t{1} << y));
            if (x == 0) return Value::small_int(0);
            break;
        case BinaryOp::Rshift:
            if (y < 0) raise_value_error(interp, "negative shift count");
            return Value::small_int(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
        case BinaryOp::And: return Value::small_int(x & y);
        case BinaryOp::Or: return Value::small_int(x | y);
        case BinaryOp::Xor: return Value::small_int(x ^ y);
        default: return interp.not_implemented;
        }
    }
    try {
        return big_binary(interp, int_to_bigint(interp, a), int_to_bigint(interp, b), op);
    } catch (const NumberError&) {
        rethrow_number(interp);
    }
}

namespace {

template <int I>
Value int_slot(Interp& interp, Value a, Value b) {
    if (!is_int(interp, a) || !is_int(interp, b)) return interp.not_implemented;
    return int_binary(interp, a, b, static_cast<BinaryOp>(I));
}

template <int... I>
void install_int_slots(Type* t, std::integer_sequence<int, I...>) {
    ((t->slots.binary[I] = &int_slot<I>), ...);
}

Value int_divmod(Interp& interp, Value a, Value b) {
    if (!is_int(interp, a) || !is_int(interp, b)) return interp.not_implemented;
    if (int_compare(interp, b, Value::small_int(0)) == 0) raise_zero_division(interp, "integer division or modulo by zero");
    return make_tuple(interp, {int_binary(interp, a, b, BinaryOp::FloorDivide), int_binary(interp, a, b, BinaryOp::Remainder)});
}

Value int_repr(Interp& interp, Value self) { return make_str(interp, int_to_string(interp, self)); }
int64_t int_hash_slot(Interp& interp, Value self) { return int_hash(interp, self); }

Value int_compare_slot(Interp& interp, Value a, Value b, CompareOp op) {
    if (!is_int(interp, b)) {
        if (is_float(interp, b)) return float_compare(interp, a, b, op);
        return interp.not_implemented;
    }
    int c = int_compare(interp, a, b);
    switch (op) {
    case CompareOp::Lt: return interp.boolean(c < 0);
    case CompareOp::Le: return interp.boolean(c <= 0);
    case CompareOp::Eq: return interp.boolean(c == 0);
    case CompareOp::Ne: return interp.boolean(c != 0);
    case CompareOp::Gt: return interp.boolean(c > 0);
    default: return interp.boolean(c >= 0);
    }
}

bool int_truthy(Interp&, Value self) {
    if (self.is_small_int()) return self.as_small_int() != 0;
    return !big_of(self).is_zero();
}

Value as_exact(Interp& interp, Value self) {
    if (self.is_small_int()) return self;
    if (self.as_object()->type() == interp.types.int_) return self;
    return make_int(interp, big_of(self));
}

Value int_neg(Interp& interp, Value self) {
    if (self.is_small_int()) return make_int(interp, -self.as_small_int());
    return make_int(interp, -big_of(self));
}
Value int_pos(Interp& interp, Value self) { return as_exact(interp, self); }
Value int_invert(Interp& interp, Value self) {
    if (self.is_small_int()) return Value::small_int(~self.as_small_int());
    return make_int(interp, ~big_of(self));
}
Value int_abs(Interp& interp, Value self) {
    if (self.is_small_int()) return make_int(interp, std::abs(self.as_small_int()));
    return make_int(interp, big_of(self).abs());
}
Value int_float(Interp& interp, Value self) { return make_float(interp, int_to_double(interp, self)); }

Value int_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value a[2];
    parse_args(interp, CallArgs{args, nargs, kwnames, nullptr}, ArgSpec{"int", {"x", "base"}, 0, 2}, a);
    Value result;
    if (!a[0]) {
        if (a[1]) raise_type_error(interp, "int() missing string argument");
        result = Value::small_int(0);
    } else if (a[1]) {
        int64_t base = index_i64(interp, a[1]);
        if (base != 0 && (base < 2 || base > 36)) raise_value_error(interp, "int() base must be >= 2 and <= 36, or 0");
        std::string_view text;
        if (Str* s = as_str(interp, a[0])) text = s->view();
        else if (is_bytes_like(interp, a[0])) text = static_cast<Bytes*>(a[0].as_object())->data;
        else raise_type_error(interp, "int() can't convert non-string with explicit base");
        result = int_from_text(interp, text, static_cast<int>(base));
    } else {
        result = int_from_value(interp, a[0]);
    }
    if (cls == interp.types.int_) return result;
    return make_instance<Int>(interp, cls, int_to_bigint(interp, result));
}

Value int_bit_length(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "bit_length", 1, 1);
    if (a[0].is_small_int()) {
        uint64_t m = static_cast<uint64_t>(std::abs(a[0].as_small_int()));
        int n = 0;
        while (m) ++n, m >>= 1;
        return Value::small_int(n);
    }
    return make_int(interp, big_of(a[0]).bit_length());
}

Value int_bit_count(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "bit_count", 1, 1);
    BigInt v = int_to_bigint(interp, a[0]).abs();
    int64_t n = 0;
    for (auto limb : v.limbs()) n += __builtin_popcount(limb);
    return Value::small_int(n);
}

Value int_conjugate(Interp& interp, const CallArgs& a) { return as_exact(interp, a[0]); }

Value int_to_bytes(Interp& interp, const CallArgs& a) {
    Value v[4];
    parse_args(interp, CallArgs{a.args + 1, a.nargs - 1, a.kwnames, a.fn}, ArgSpec{"to_bytes", {"length", "byteorder", "signed"}, 0, 2}, v);
    int64_t length = v[0] ? index_i64(interp, v[0]) : 1;
    if (length < 0) raise_value_error(interp, "length argument must be non-negative");
    std::string_view order = v[1] ? str(interp, v[1])->view() : "big";
    if (order != "big" && order != "little") raise_value_error(interp, "byteorder must be either 'little' or 'big'");
    bool is_signed = v[2] && truthy(interp, v[2]);
    BigInt n = int_to_bigint(interp, a[0]);
    if (n.is_negative() && !is_signed) raise_overflow_error(interp, "can't convert negative int to unsigned");
    std::string out(static_cast<std::size_t>(length), '\0');
    BigInt x = n;
    if (n.is_negative()) x = n + (BigInt(1) << (8 * length));
    BigInt mask(255);
    for (int64_t i = 0; i < length; ++i) {
        out[static_cast<std::size_t>(i)] = static_cast<char>((x & mask).to_i64());
        x = x >> 8;
    }
    bool overflow = !x.is_zero();
    if (is_signed && length > 0) {
        bool top = (static_cast<unsigned char>(out[static_cast<std::size_t>(length - 1)]) & 0x80) != 0;
        if (top != n.is_negative()) overflow = true;
    }
    if (length == 0 && !n.is_zero()) overflow = true;
    if (overflow) raise_overflow_error(interp, "int too big to convert");
    if (order == "big") std::reverse(out.begin(), out.end());
    return make_bytes(interp, out);
}

Value int_from_bytes(Interp& interp, const CallArgs& a) {
    Value v[3];
    parse_args(interp, CallArgs{a.args + 1, a.nargs - 1, a.kwnames, a.fn}, ArgSpec{"from_bytes", {"bytes", "byteorder", "signed"}, 1, 2}, v);
    std::string data;
    if (is_bytes_like(interp, v[0])) data = static_cast<Bytes*>(v[0].as_object())->data;
    else {
        Value it = iter(interp, v[0]);
        while (Value x = iter_next(interp, it)) data += static_cast<char>(index_i64(interp, x));
    }
    std::string_view order = v[1] ? str(interp, v[1])->view() : "big";
    if (order != "big" && order != "little") raise_value_error(interp, "byteorder must be either 'little' or 'big'");
    if (order == "little") std::reverse(data.begin(), data.end());
    BigInt n(0);
    for (char c : data) n = (n << 8) | BigInt(static_cast<unsigned char>(c));
    if (v[2] && truthy(interp, v[2]) && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80))
        n = n - (BigInt(1) << (8 * static_cast<int64_t>(data.size())));
    Value r = make_int(interp, n);
    Type* cls = static_cast<Type*>(a[0].as_object());
    if (cls != interp.types.int_) return call(interp, cls, {r});
    return r;
}

Value int_round(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__round__", 1, 2);
    if (a.nargs == 1 || a[1] == interp.none) return as_exact(interp, a[0]);
    int64_t nd = index_i64(interp, a[1]);
    if (nd >= 0) return as_exact(interp, a[0]);
    // Round half to even at 10**-nd.
    BigInt pow10 = pow(BigInt(10), BigInt(-nd));
    BigInt x = int_to_bigint(interp, a[0]);
    BigInt q = floor_div(x, pow10), r = floor_mod(x, pow10);
    BigInt twice = r + r;
    if (twice > pow10 || (twice == pow10 && q.is_odd())) q = q + BigInt(1);
    return make_int(interp, q * pow10);
}

Value int_as_integer_ratio(Interp& interp, const CallArgs& a) {
    return make_tuple(interp, {as_exact(interp, a[0]), Value::small_int(1)});
}

Value int_format(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__format__", 2, 2);
    Str* spec = as_str(interp, a[1]);
    if (!spec) raise_type_error(interp, std::string("__format__() argument must be str, not ") + std::string(type_name(interp, a[1])));
    if (interp.type_of(a[0]) == interp.types.bool_ && spec->byte_size() == 0) return str(interp, a[0]);
    try {
        return make_str(interp, format_int(int_to_bigint(interp, a[0]), spec->view(), interp.max_str_digits));
    } catch (const NumberError&) {
        rethrow_number(interp);
    }
}

Value int_getnewargs(Interp& interp, const CallArgs& a) { return make_tuple(interp, {as_exact(interp, a[0])}); }

Value int_self_get(Interp& interp, Object* self, int) { return as_exact(interp, self); }
Value int_zero_get(Interp&, Object*, int) { return Value::small_int(0); }
Value int_one_get(Interp&, Object*, int) { return Value::small_int(1); }

// bool

Value bool_repr(Interp& interp, Value self) { return make_str(interp, self == interp.true_ ? "True" : "False"); }

Value bool_new(Interp& interp, Type*, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "bool() takes no keyword arguments");
    if (nargs > 1) raise_type_error(interp, std::string("bool expected at most 1 argument, got ") + std::to_string(nargs));
    return interp.boolean(nargs && truthy(interp, args[0]));
}

template <BinaryOp Op>
Value bool_bitop(Interp& interp, Value a, Value b) {
    Type* bt = interp.types.bool_;
    if (interp.type_of(a) == bt && interp.type_of(b) == bt) {
        bool x = a == interp.true_, y = b == interp.true_;
        return interp.boolean(Op == BinaryOp::And ? (x && y) : Op == BinaryOp::Or ? (x || y) : (x != y));
    }
    return int_slot<static_cast<int>(Op)>(interp, a, b);
}

}  // namespace

Value int_from_text(Interp& interp, std::string_view text, int base) {
    try {
        return make_int(interp, BigInt::from_string(text, base, interp.max_str_digits));
    } catch (const NumberError&) {
        rethrow_number(interp);
    }
}

Value int_from_value(Interp& interp, Value x) {
    Type* t = interp.type_of(x);
    if (x.is_small_int() || t == interp.types.int_) return x;
    if (t->flags & kTypeIntSubclass) return make_int(interp, big_of(x));
    if (is_float(interp, x)) {
        double d = float_value(x);
        if (std::isfinite(d) && std::fabs(d) < 9.0e15) return make_int(interp, static_cast<int64_t>(d));
        try {
            return make_int(interp, BigInt::from_double(d));
        } catch (const NumberError&) {
            rethrow_number(interp);
        }
    }
    if (Str* s = as_str(interp, x)) return int_from_text(interp, s->view(), 10);
    if (is_bytes_like(interp, x)) return int_from_text(interp, static_cast<Bytes*>(x.as_object())->data, 10);
    for (UnaryFn f : {t->slots.to_int, t->slots.index}) {
        if (!f) continue;
        Value r = f(interp, x);
        if (!is_int(interp, r)) raise_type_error(interp, std::string("__int__ returned non-int (type ") + std::string(type_name(interp, r)) + ")");
        return as_exact(interp, r);
    }
    if (Value r = call_dunder(interp, x, interp.names.trunc, nullptr, 0)) return int_from_value(interp, r);
    raise_type_error(interp, std::string("int() argument must be a string, a bytes-like object or a real number, not '") +
                                 std::string(t->name->view()) + "'");
}

void init_int_type(Interp& interp) {
    Type* t = interp.types.int_;
    install_int_slots(t, std::make_integer_sequence<int, kBinarySlotCount>{});
    t->slots.binary[binary_slot_index(BinaryOp::MatrixMultiply)] = nullptr;
    t->slots.divmod = int_divmod;
    t->slots.repr = int_repr;
    t->slots.hash = int_hash_slot;
    t->slots.compare = int_compare_slot;
    t->slots.truthy = int_truthy;
    t->slots.neg = int_neg;
    t->slots.pos = int_pos;
    t->slots.invert = int_invert;
    t->slots.abs = int_abs;
    t->slots.index = as_exact;
    t->slots.to_int = as_exact;
    t->slots.to_float = int_float;
    t->slots.new_ = int_new;
    t->subclass_instance_dict = Subclassed<Int>::dict_of;
    add_method(interp, t, "bit_length", int_bit_length);
    add_method(interp, t, "bit_count", int_bit_count);
    add_method(interp, t, "conjugate", int_conjugate);
    add_method(interp, t, "to_bytes", int_to_bytes);
    add_method(interp, t, "from_bytes", int_from_bytes, NativeKind::ClassMethod);
    add_method(interp, t, "__round__", int_round);
    add_method(interp, t, "__trunc__", int_conjugate);
    add_method(interp, t, "__floor__", int_conjugate);
    add_method(interp, t, "__ceil__", int_conjugate);
    add_method(interp, t, "as_integer_ratio", int_as_integer_ratio);
    add_method(interp, t, "__format__", int_format);
    add_method(interp, t, "__getnewargs__", int_getnewargs);
    add_member(interp, t, "real", int_self_get, nullptr);
    add_member(interp, t, "numerator", int_self_get, nullptr);
    add_member(interp, t, "imag", int_zero_get, nullptr);
    add_member(interp, t, "denominator", int_one_get, nullptr);

    Type* b = interp.types.bool_;
    b->slots = t->slots;
    b->slots.repr = bool_repr;
    b->slots.new_ = bool_new;
    b->slots.binary[binary_slot_index(BinaryOp::And)] = bool_bitop<BinaryOp::And>;
    b->slots.binary[binary_slot_index(BinaryOp::Or)] = bool_bitop<BinaryOp::Or>;
    b->slots.binary[binary_slot_index(BinaryOp::Xor)] = bool_bitop<BinaryOp::Xor>;
    b->flags &= ~kTypeBaseType;
    auto* f = interp.heap.make<Int>(b, BigInt(0));
    auto* tr = interp.heap.make<Int>(b, BigInt(1));
    Heap::make_permanent(f);
    Heap::make_permanent(tr);
    interp.false_ = f;
    interp.true_ = tr;
}

}  // namespace corio::py
