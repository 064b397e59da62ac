// vm_source.hpp — what the VM needs from the front end (parser, compiler),
// behind functions: the AST's node names (Dict, Tuple, List, Module...)
// collide with the runtime's classes, so no file may include both
// ast.hpp and the runtime headers. vm_source.cpp includes only the former.
#pragma once

#include <memory>
#include <string_view>

#include "py/code_spec.hpp"
#include "py/syntax_error.hpp"

namespace corio::py {

// compile_source (compiler.hpp): parse and compile a module. Throws SyntaxError.
std::shared_ptr<const CodeSpec> compile_program(std::string_view source, std::string_view filename);

// eval(): `source` must be one expression; the module code returning its
// value. Throws SyntaxError.
std::shared_ptr<const CodeSpec> compile_expression(std::string_view source, std::string_view filename);

// For a traceback's caret line: if `segment` parses as one expression
// statement that is a binary operation or a subscript, the byte range of
// its operator (or of its [...]) within the segment (traceback.c
// extract_anchors_from_line).
bool expression_anchors(std::string_view segment, int& left, int& right);

}  // namespace corio::py
