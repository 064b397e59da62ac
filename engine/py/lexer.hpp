// corio::py::Lexer: turns Python 3.11 source into tokens, with CPython's
// rules for INDENT/DEDENT/NEWLINE, implicit and explicit line joining, and
// its tokenizer error messages. The whole source is tokenized up front into
// a vector (the parser backtracks a little and looks ahead freely).
//
// Errors do not throw from here: CPython reports a tokenizer error only in
// some orders relative to parser errors, so the lexer stops at the first
// error, ends the stream with an ErrorToken and hands the error over in
// LexResult for the parser to decide.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "py/syntax_error.hpp"
#include "py/token.hpp"

namespace corio::py {

// Named limits, as CPython's tokenizer has them.
inline constexpr int kMaxIndentLevels = 100;   // "too many levels of indentation"
inline constexpr int kMaxBracketDepth = 200;   // "too many nested parentheses"
inline constexpr int kTabSize = 8;

struct LexResult {
  std::vector<Token> tokens;  // ends with EndMarker, or ErrorToken on error
  std::optional<SyntaxError> error;
  // True when the error is one CPython raises while tokenizing, so that it
  // wins over a parser error found earlier in the file (strings, numbers,
  // brackets); false for the ones it reports only when the parser reaches
  // them (indentation, stray characters, bad line continuation).
  bool error_overrides_parser = false;
  // Bracket still open at the end of input (for "'(' was never closed").
  std::optional<Token> unclosed_bracket;
};

class Lexer {
 public:
  // Tokenize a whole module.
  static LexResult tokenize(const SourceLines& lines);

  // Tokenize the expression part of an f-string replacement field, the bytes
  // [begin, end) of the source starting on line `lineno`, as if it were
  // wrapped in parentheses (newlines are insignificant; no INDENT/DEDENT).
  static LexResult tokenize_expression(const SourceLines& lines, std::size_t begin,
                                       std::size_t end, int lineno);
};

}  // namespace corio::py
