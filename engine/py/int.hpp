// int.hpp — Python ints and bools. Ints within Value's small range are
// immediates (value.hpp); beyond it an Int object holds a BigInt. True and
// False are Int objects of type bool (bool subclasses int), as are instances
// of user subclasses of int, so those Ints may hold small values. The int
// operations here take any int-like Value (small int, Int, bool) and return
// normalised results (a small int whenever it fits).
#pragma once

#include <cstdint>

#include "py/bigint.hpp"
#include "py/interp.hpp"
#include "py/object.hpp"
#include "py/opcodes.hpp"

namespace corio::py {

class Int : public Object {
public:
    Int(Type* type, BigInt v) : Object(type), value(std::move(v)) {}
    BigInt value;
};

// An int Value: small when it fits, else a new Int.
Value make_int(Interp& interp, int64_t v);
Value make_int(Interp& interp, BigInt v);

// int, bool or an int subclass.
bool is_int(Interp& interp, Value v) noexcept;
// Exactly int (small or boxed), not bool.
bool is_exact_int(Interp& interp, Value v) noexcept;
// The value of an int-like v (precondition: is_int).
BigInt int_to_bigint(Interp& interp, Value v);
// The value as int64 if it fits.
bool int_to_i64(Interp& interp, Value v, int64_t& out) noexcept;
// The value as a double (OverflowError "int too large to convert to float").
double int_to_double(Interp& interp, Value v);

// Arithmetic on two int-likes (NotImplemented never: both are ints).
Value int_binary(Interp& interp, Value a, Value b, BinaryOp op);
// -1/0/1
int int_compare(Interp& interp, Value a, Value b);
int64_t int_hash(Interp& interp, Value v);
// str(v) for an int-like (respects the max-str-digits limit).
std::string int_to_string(Interp& interp, Value v);

// int(x) and int(x, base) as the int constructor does.
Value int_from_value(Interp& interp, Value x);
Value int_from_text(Interp& interp, std::string_view text, int base);

void init_int_type(Interp& interp);  // int and bool

}  // namespace corio::py
