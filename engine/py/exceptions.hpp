// exceptions.hpp — Python exceptions as C++ data. An exception is a heap
// object (ExceptionObject, or a subclass instance of it); C++ code raises it
// with `throw PyException{exc}` — the helpers below build the exception with
// CPython's exact message. The VM catches PyException at the instruction
// that called into C++ (and converts NumberError and HeapExhausted with
// exception_from_current()).
#pragma once

#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Str;
class Tuple;
class Dict;

// Thrown to raise a Python exception from C++.
struct PyException {
    Value exc;  // an instance of a BaseException subclass
};

// Per-class extra attributes live in `fields`:
//   StopIteration.value, SystemExit.code, KeyError (none),
//   NameError.name, AttributeError.name/.obj, ImportError.msg/.name/.path,
//   OSError.errno/.strerror/.filename, BaseExceptionGroup.message/.exceptions,
//   SyntaxError.msg/.filename/.lineno/.offset/.text (first five: see kExceptionFields).
inline constexpr int kExceptionFields = 6;

class ExceptionObject : public Object {
public:
    explicit ExceptionObject(Type* type) noexcept : Object(type) {}
    void trace(Tracer& tracer) override;
    static Dict** dict_of(Object* self) noexcept {
        return &static_cast<ExceptionObject*>(self)->dict;
    }

    Tuple* args = nullptr;
    Value traceback;          // the VM's traceback object, or null (None)
    Value cause;              // __cause__ or null (None)
    Value context;            // __context__ or null (None)
    bool suppress_context = false;
    Dict* dict = nullptr;     // __dict__ (holds __notes__)
    Value fields[kExceptionFields];
};

// An exception instance: type(*args) without running Python code.
ExceptionObject* new_exception(Interp& interp, Type* type, std::initializer_list<Value> args);
ExceptionObject* new_exception(Interp& interp, Type* type, std::string_view message);
bool is_exception(Interp& interp, Value v) noexcept;        // an instance
bool is_exception_type(Interp& interp, Value v) noexcept;   // a subclass of BaseException
// isinstance(exc, type) for an exception instance.
bool exception_matches(Interp& interp, Value exc, Type* type) noexcept;

// The exception for whatever C++ exception is in flight (call inside a
// catch block): PyException, NumberError (its kind), HeapExhausted
// (MemoryError); other exceptions are rethrown.
Value exception_from_current(Interp& interp);

// str(exc) and repr(exc) as CPython (KeyError's str is the key's repr, ...).
std::string exception_str(Interp& interp, Value exc);
std::string exception_repr(Interp& interp, Value exc);

[[noreturn]] void raise(Interp& interp, Value exc);
[[noreturn]] void raise(Interp& interp, Type* type, std::string_view message);
[[noreturn]] void raise_type_error(Interp& interp, std::string_view message);
[[noreturn]] void raise_value_error(Interp& interp, std::string_view message);
[[noreturn]] void raise_index_error(Interp& interp, std::string_view message);
[[noreturn]] void raise_overflow_error(Interp& interp, std::string_view message);
[[noreturn]] void raise_zero_division(Interp& interp, std::string_view message);
[[noreturn]] void raise_runtime_error(Interp& interp, std::string_view message);
[[noreturn]] void raise_key_error(Interp& interp, Value key);
[[noreturn]] void raise_stop_iteration(Interp& interp, Value value);  // null: no value
// "'T' object has no attribute 'name'" (sets .name and .obj).
[[noreturn]] void raise_attribute_error(Interp& interp, Value obj, Str* name);
// "name 'x' is not defined" (sets .name).
[[noreturn]] void raise_name_error(Interp& interp, Str* name);
// "cannot access local variable 'x' where it is not associated with a value"
[[noreturn]] void raise_unbound_local(Interp& interp, Str* name);
// "unsupported operand type(s) for +: 'int' and 'str'"
[[noreturn]] void raise_binary_op_error(Interp& interp, Value a, Value b, std::string_view op);
// "'<' not supported between instances of 'int' and 'str'"
[[noreturn]] void raise_compare_error(Interp& interp, Value a, Value b, std::string_view op);
// "'int' object is not subscriptable" etc.: "'{type}' object {what}"
[[noreturn]] void raise_object_error(Interp& interp, Value obj, std::string_view what);
// "f() takes 2 positional arguments but 3 were given" and friends are the
// callee's; builtins use this: "{name}() {message}".
[[noreturn]] void raise_arg_error(Interp& interp, std::string_view fname, std::string_view message);

// CPython 3.11's "Did you mean" suggestion (Levenshtein with its costs and
// limits) for `name` among `candidates`, or empty.
std::string suggest_similar_name(std::string_view name, const std::vector<std::string_view>& candidates);
// The suggestion for an AttributeError (dir(obj)) or NameError (the frame's
// locals, globals and builtins; pass null dicts to skip), or empty.
std::string suggest_attribute(Interp& interp, Value obj, Str* name);
std::string suggest_global(Interp& interp, Str* name, Dict* locals, Dict* globals, Dict* builtins);

void init_exception_types(Interp& interp);

}  // namespace corio::py
