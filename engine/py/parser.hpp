// corio::py parser entry points: source text in, AST (owned by an arena)
// out, or a SyntaxError thrown with CPython 3.11's message and position.
#pragma once

#include <string_view>

#include "py/ast.hpp"
#include "py/syntax_error.hpp"

namespace corio::py {

// One parsed module: the arena owns every node reachable from `module`.
struct ParsedModule {
  ast::AstArena arena;
  ast::Module* module = nullptr;
};

// Parses a whole file (CPython's `exec` mode). Throws SyntaxError.
ParsedModule parse_module(std::string_view source);

}  // namespace corio::py
