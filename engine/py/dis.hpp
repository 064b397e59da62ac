// corio::py disassembler: a CodeSpec as text, modelled on CPython's `dis`.
// One line per instruction: the source line where it changes, ">>" on jump
// targets, the instruction index, the opcode name from the table, the
// argument and what it means (constant, name, local, cell, jump target,
// operator...), then the exception table; code objects among the constants
// follow, recursively. `corio dis FILE` prints disassemble(code).
#pragma once

#include <string>

#include "py/code_spec.hpp"

namespace corio::py {

// The whole listing: this code object, then every nested one.
std::string disassemble(const CodeSpec& code);

// Just this code object's instructions and exception table.
std::string disassemble_one(const CodeSpec& code);

// Python's repr() of a constant, e.g. 'a\n', (1, 2.5), b'x', <code object f ...>.
std::string constant_repr(const ConstantSpec& constant);

}  // namespace corio::py
