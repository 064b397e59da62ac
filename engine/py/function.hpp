// function.hpp — Python function objects (`def`, `lambda`): a code object
// with its globals, defaults, closure and the attributes Python code sees
// (__name__ __qualname__ __doc__ __module__ __defaults__ __kwdefaults__
// __closure__ __annotations__ __dict__ __code__ __globals__), and argument
// binding with CPython's exact TypeError messages. Bound methods are the
// runtime's BoundMethod (descriptors.hpp); a function's __get__ makes one.
#pragma once

#include <cstddef>

#include "py/code.hpp"
#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Dict;
class Str;
class Tuple;
struct Frame;

class Function : public Object {
public:
    Function(Type* type, Code* c, Dict* g, Dict* b) noexcept
        : Object(type), code(c), globals(g), builtins(b) {}
    void trace(Tracer& tracer) override;
    static Dict** dict_of(Object* self) noexcept { return &static_cast<Function*>(self)->dict; }

    Code* code;
    Dict* globals;
    Dict* builtins;
    Str* name = nullptr;
    Str* qualname = nullptr;
    Value doc;                  // None unless the body starts with a string
    Value module;               // globals['__name__'] when created
    Tuple* defaults = nullptr;  // __defaults__ or null
    Dict* kwdefaults = nullptr; // __kwdefaults__ or null
    Tuple* closure = nullptr;   // cells for code->freevars, or null
    Value annotations;          // a dict, or null until asked
    Dict* dict = nullptr;       // __dict__, created on first store
};

// A function for `code` in `globals` (the builtins come from the globals'
// __builtins__, else the interpreter's).
Function* make_function(Interp& interp, Code* code, Dict* globals);
bool is_function(Interp& interp, Value v) noexcept;

// Fills the frame's argument slots from a vectorcall-style call (args, then
// one value per name of kwnames), applying defaults; raises TypeError with
// CPython's messages ("f() missing 1 required positional argument: 'x'").
void bind_arguments(Interp& interp, Function* fn, Frame* frame, const Value* args,
                    std::size_t nargs, Tuple* kwnames);

// Installs the function type (its call, __get__, attribute slots).
void init_function_type(Interp& interp, Type* type);

}  // namespace corio::py
