// builtin_function.hpp — functions and methods written in C++: the builtins
// (len, print) and the methods of builtin types (list.append). A method in a
// type's dict binds like a Python function: `[].append` is a
// BuiltinFunction with `self` set; LOAD_METHOD skips the binding and passes
// self as args[0]. Also the argument-parsing helpers builtins share.
#pragma once

#include <cstddef>
#include <string_view>

#include "py/object.hpp"
#include "py/type.hpp"

namespace corio::py {

// A builtin's C++ body; for methods args[0] is self.
using NativeFn = Value (*)(Interp& interp, const CallArgs& args);

// `await f(args)` run where f is called, for a builtin method returning a
// native coroutine (asyncio's Queue.get, Queue.put): the VM fuses the CALL
// with the await that follows it (vm.cpp). True when the operation
// completed without suspending, `out` being the await's value; false, with
// nothing done, when it would have to wait or the call is unusual: the VM
// then calls and awaits as usual.
using AwaitNowFn = bool (*)(Interp& interp, const CallArgs& args, Value& out);

enum class NativeKind : uint8_t {
    Function,     // a plain function (len, print)
    Method,       // a method descriptor: binds the instance (list.append)
    ClassMethod,  // binds the class (dict.fromkeys)
    StaticMethod, // no binding (str.maketrans)
};

class BuiltinFunction : public Object {
public:
    BuiltinFunction(Type* type, Str* fn_name, NativeFn fn_body, NativeKind fn_kind) noexcept
        : Object(type), name(fn_name), fn(fn_body), kind(fn_kind) {}
    void trace(Tracer& tracer) override;

    Str* name;
    NativeFn fn;
    NativeKind kind;
    Type* owner = nullptr;  // the type a method belongs to (checked on unbound calls)
    Value self;             // bound instance/class, or null
    const void* data = nullptr;  // for wrappers: which slot
    AwaitNowFn await_now = nullptr;  // the call and its await in one step, when it need not wait
};

// A free-standing builtin function.
BuiltinFunction* make_builtin(Interp& interp, std::string_view name, NativeFn fn);
// Adds a method to a builtin type's dict.
BuiltinFunction* add_method(Interp& interp, Type* type, std::string_view name, NativeFn fn,
                            NativeKind kind = NativeKind::Method);
// Calls a builtin with args (binding self if set).
Value call_builtin(Interp& interp, BuiltinFunction* fn, const Value* args, std::size_t nargs,
                   Tuple* kwnames);

// Argument checks with CPython's messages ("len() takes exactly one argument (2 given)",
// "append() takes exactly one argument (0 given)", "... takes no keyword arguments").
void check_no_kwargs(Interp& interp, const CallArgs& a, std::string_view fname);
void check_nargs(Interp& interp, const CallArgs& a, std::string_view fname, std::size_t min,
                 std::size_t max);
// Keyword-or-positional argument lookup: positional index `pos` (or npos)
// or keyword `name`; null when absent. Unknown keywords raise TypeError
// ("'x' is an invalid keyword argument for f()").
struct ArgSpec {
    std::string_view fname;
    std::initializer_list<std::string_view> names;  // positional order
    std::size_t min_positional = 0;
    std::size_t max_positional = 0;                 // beyond: keyword-only
};
// Fills out[i] for each of spec.names (null when not given).
void parse_args(Interp& interp, const CallArgs& a, const ArgSpec& spec, Value* out);

}  // namespace corio::py
