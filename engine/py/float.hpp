// float.hpp — Python floats (boxed doubles) and the mixed int/float
// arithmetic and comparisons (exact comparison of big ints with floats).
#pragma once

#include "py/interp.hpp"
#include "py/object.hpp"
#include "py/opcodes.hpp"

namespace corio::py {

class Float : public Object {
public:
    Float(Type* type, double v) noexcept : Object(type), value(v) {}
    double value;
};

Value make_float(Interp& interp, double v);
// float or a float subclass.
bool is_float(Interp& interp, Value v) noexcept;
// Precondition: is_float(v).
inline double float_value(Value v) noexcept { return static_cast<Float*>(v.as_object())->value; }
// float(x) for an int, float, or an object with __float__/__index__ (TypeError
// otherwise) — the conversion math functions use.
double to_double(Interp& interp, Value x);

// a OP b where one operand is a float and the other a float or int;
// NotImplemented for other types.
Value float_binary(Interp& interp, Value a, Value b, BinaryOp op);
// Rich comparison of floats and ints, exact (NotImplemented for others).
Value float_compare(Interp& interp, Value a, Value b, CompareOp op);

void init_float_type(Interp& interp);

}  // namespace corio::py
