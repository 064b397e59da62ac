// corio::py compiler: from the AST of a module to CodeSpecs (code_spec.hpp),
// the bytecode of opcodes.hpp, following CPython 3.11's Python/compile.c.
//
// What the VM can rely on in a CodeSpec it gets from here:
// - varnames: the parameters first, in CPython's order (positional-only and
//   positional, keyword-only, then *args if kCoVarargs, then **kwargs if
//   kCoVarkeywords); argcount counts positional-only ones too.
// - cellvars/freevars as CPython's co_cellvars/co_freevars. A parameter that
//   is captured by an inner function appears in both varnames and cellvars;
//   MAKE_CELL i (emitted first thing in the function, one per cell) creates
//   cell i, initialised from the parameter of the same name if there is one.
//   COPY_FREE_VARS n comes first in a closure. Cell operands index
//   cellvars + freevars (cells first).
// - A function's docstring is consts[0] when it is a str (consts[0] is None
//   for functions without one; lambdas never have one).
// - No RETURN_GENERATOR: the VM makes a generator/coroutine/async generator
//   from the flags when the function is called.
// - Calls: `f(a)` is PUSH_NULL f a CALL 1; `o.m(a)` is o LOAD_METHOD m a
//   CALL 1. Decorators, comprehensions and `assert` messages use PUSH_NULL
//   too; the only calls whose slot below the callable holds something other
//   than NULL or a method are the `with` exits: `exit None None None CALL 2`
//   calls exit(None, None, None), by CALL's "m self a1..an" rule.
// - Keyword calls: ... LOAD_CONST kwnames-tuple CALL_KW n (n counts all
//   arguments, keywords included).
// - CALL_FUNCTION_EX: the positional argument is a tuple, except for a call
//   of the form f(*x) where x is passed as it is (the VM must convert a
//   non-tuple iterable, raising CPython's "argument after * must be an
//   iterable" TypeError); the keyword argument, if any, is always a new dict.
// - Function annotations (MAKE_FUNCTION flag 4) are a flat tuple
//   (name1, value1, name2, value2, ...) as CPython 3.10+.
// - `yield from` / `await`: ... SEND(exit) YIELD_VALUE JUMP(back to SEND);
//   a frame suspended at a YIELD_VALUE right after a SEND is delegating to
//   the iterator below the top of its stack (gen.throw()/close() forward to
//   it, as CPython's _PyGen_yf does).
// - Every instruction has a Position (0 lines only for a few synthetic ones).
//
// Compile-time errors raise corio::py::SyntaxError with CPython's message
// and position (the symbol table's and the compiler's checks).
#pragma once

#include <memory>
#include <string_view>

#include "py/ast.hpp"
#include "py/code_spec.hpp"
#include "py/syntax_error.hpp"

namespace corio::py {

// Compiles a parsed module. `source` is the text it was parsed from (for
// error lines, and the text of annotations under
// `from __future__ import annotations`). Throws SyntaxError.
std::shared_ptr<const CodeSpec> compile_module(const ast::Module& module, std::string_view filename,
                                               std::string_view source);

// Parses and compiles in one go (parse_module then compile_module).
std::shared_ptr<const CodeSpec> compile_source(std::string_view source, std::string_view filename);

// The largest argument an instruction can carry without EXTENDED_ARG; the
// compiler refuses code that would need more ("code too large").
inline constexpr uint32_t kMaxCompiledArg = (1u << 24) - 1;

}  // namespace corio::py
