// protocols.hpp — the abstract operations on any Value, what the VM calls
// for every opcode it does not fast-path: repr, str, hash, comparison,
// truth, len, attributes, items, containment, iteration, calls, operators,
// isinstance, format. Each dispatches through the type's slots (type.hpp)
// with CPython's rules (reflected operands, subclass priority, fallbacks)
// and raises CPython's TypeError messages. Hot-path outcomes that are not
// errors are returned, not thrown: iter_next() returns null when exhausted,
// getattr_opt() null when the attribute is missing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>

#include "py/interp.hpp"
#include "py/opcodes.hpp"
#include "py/value.hpp"

namespace corio::py {

class Str;
class Tuple;
class Type;

Str* repr(Interp& interp, Value v);
Str* str(Interp& interp, Value v);
// UTF-8 shorthands.
std::string repr_utf8(Interp& interp, Value v);
std::string str_utf8(Interp& interp, Value v);
// ascii(v): repr with non-ASCII escaped.
Str* ascii(Interp& interp, Value v);

// hash(v): TypeError "unhashable type: 'list'".
int64_t hash(Interp& interp, Value v);

// a == b as a bool (identity first, as containers compare).
bool eq(Interp& interp, Value a, Value b);
// a OP b: the result object (for == a bool unless a dunder returns otherwise).
Value compare(Interp& interp, Value a, Value b, CompareOp op);
bool compare_bool(Interp& interp, Value a, Value b, CompareOp op);

bool truthy(Interp& interp, Value v);
int64_t len(Interp& interp, Value v);
// len() if known cheaply, else `fallback` (operator.length_hint).
int64_t length_hint(Interp& interp, Value v, int64_t fallback);

Value getattr(Interp& interp, Value obj, Str* name);      // AttributeError when missing
Value getattr_opt(Interp& interp, Value obj, Str* name);  // null when missing
void setattr(Interp& interp, Value obj, Str* name, Value value);
void delattr(Interp& interp, Value obj, Str* name);
// For LOAD_METHOD: if obj.name is a function-like attribute of the type
// (binds like a method), returns it unbound and sets `self_out` = obj;
// otherwise returns the bound attribute and leaves self_out null.
Value lookup_method(Interp& interp, Value obj, Str* name, Value& self_out);
// obj.name(*args)
Value call_method(Interp& interp, Value obj, Str* name, std::initializer_list<Value> args);

Value getitem(Interp& interp, Value obj, Value key);
void setitem(Interp& interp, Value obj, Value key, Value value);
void delitem(Interp& interp, Value obj, Value key);
bool contains(Interp& interp, Value container, Value item);  // item in container

Value iter(Interp& interp, Value v);
Value iter_next(Interp& interp, Value iterator);  // null when exhausted

Value call(Interp& interp, Value callable, const Value* args, std::size_t nargs,
           Tuple* kwnames = nullptr);
Value call(Interp& interp, Value callable, std::initializer_list<Value> args);
bool is_callable(Interp& interp, Value v);

// a OP b with CPython's binary_op1 rules (in-place variants try __iXX__
// first). TypeError "unsupported operand type(s) for +: 'int' and 'str'".
Value binary_op(Interp& interp, Value a, Value b, BinaryOp op);

enum class UnaryOp : uint8_t { Negative, Positive, Invert, Not };
Value unary_op(Interp& interp, Value v, UnaryOp op);
Value abs(Interp& interp, Value v);
// v.__index__() as an int Value (TypeError "'float' object cannot be
// interpreted as an integer").
Value index(Interp& interp, Value v);
// index() as int64 (OverflowError "cannot fit 'int' into an index-sized integer").
int64_t index_i64(Interp& interp, Value v);

bool isinstance(Interp& interp, Value obj, Value cls);  // cls may be a tuple
bool isinstance(Interp& interp, Value obj, Type* cls) noexcept;
bool issubclass(Interp& interp, Value cls, Value classinfo);

// format(value, spec)
Str* format(Interp& interp, Value v, Str* spec);

}  // namespace corio::py
