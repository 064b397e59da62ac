// corio::py tokens: the kinds the lexer produces and the Token record the
// parser consumes. Positions follow CPython's tokenize module: lines are
// 1-based, columns are 0-based UTF-8 byte offsets, the end is exclusive.
#pragma once

#include <cstdint>
#include <string_view>

namespace corio::py {

// One table for every token kind: X(enumerator, spelling). The spelling is
// the operator or keyword text, or a descriptive name for the other kinds.
#define CORIO_PY_TOKENS(X)                                                      \
  X(EndMarker, "ENDMARKER") X(Name, "NAME") X(Number, "NUMBER")                 \
  X(String, "STRING") X(Newline, "NEWLINE") X(Indent, "INDENT")                 \
  X(Dedent, "DEDENT") X(ErrorToken, "ERRORTOKEN")                               \
  /* operators and delimiters */                                                \
  X(LPar, "(") X(RPar, ")") X(LSqb, "[") X(RSqb, "]") X(LBrace, "{")            \
  X(RBrace, "}") X(Colon, ":") X(Comma, ",") X(Semi, ";") X(Plus, "+")          \
  X(Minus, "-") X(Star, "*") X(Slash, "/") X(VBar, "|") X(Amper, "&")           \
  X(Less, "<") X(Greater, ">") X(Equal, "=") X(Dot, ".") X(Percent, "%")        \
  X(EqEqual, "==") X(NotEqual, "!=") X(LessEqual, "<=")                         \
  X(GreaterEqual, ">=") X(Tilde, "~") X(Circumflex, "^") X(LeftShift, "<<")     \
  X(RightShift, ">>") X(DoubleStar, "**") X(PlusEqual, "+=")                    \
  X(MinEqual, "-=") X(StarEqual, "*=") X(SlashEqual, "/=")                      \
  X(PercentEqual, "%=") X(AmperEqual, "&=") X(VBarEqual, "|=")                  \
  X(CircumflexEqual, "^=") X(LeftShiftEqual, "<<=")                             \
  X(RightShiftEqual, ">>=") X(DoubleStarEqual, "**=") X(DoubleSlash, "//")      \
  X(DoubleSlashEqual, "//=") X(At, "@") X(AtEqual, "@=") X(RArrow, "->")        \
  X(Ellipsis, "...") X(ColonEqual, ":=")                                        \
  /* hard keywords (match, case and _ are soft: they stay Name) */              \
  X(KwFalse, "False") X(KwNone, "None") X(KwTrue, "True") X(KwAnd, "and")       \
  X(KwAs, "as") X(KwAssert, "assert") X(KwAsync, "async")                       \
  X(KwAwait, "await") X(KwBreak, "break") X(KwClass, "class")                   \
  X(KwContinue, "continue") X(KwDef, "def") X(KwDel, "del")                     \
  X(KwElif, "elif") X(KwElse, "else") X(KwExcept, "except")                     \
  X(KwFinally, "finally") X(KwFor, "for") X(KwFrom, "from")                     \
  X(KwGlobal, "global") X(KwIf, "if") X(KwImport, "import") X(KwIn, "in")       \
  X(KwIs, "is") X(KwLambda, "lambda") X(KwNonlocal, "nonlocal")                 \
  X(KwNot, "not") X(KwOr, "or") X(KwPass, "pass") X(KwRaise, "raise")           \
  X(KwReturn, "return") X(KwTry, "try") X(KwWhile, "while")                     \
  X(KwWith, "with") X(KwYield, "yield")

enum class Tok : std::uint8_t {
#define CORIO_PY_TOKEN_ENUM(name, spelling) name,
  CORIO_PY_TOKENS(CORIO_PY_TOKEN_ENUM)
#undef CORIO_PY_TOKEN_ENUM
};

// The operator/keyword text of a kind, or its CPython token name.
std::string_view token_spelling(Tok kind);

// Keywords run from KwFalse to KwYield in the table above.
constexpr bool is_keyword(Tok kind) {
  return kind >= Tok::KwFalse && kind <= Tok::KwYield;
}

struct Token {
  Tok kind = Tok::EndMarker;
  std::string_view text;  // slice of the source (empty for INDENT/DEDENT/ENDMARKER)
  int lineno = 0;         // 1-based
  int col = 0;            // 0-based byte column
  int end_lineno = 0;
  int end_col = 0;
  int bracket_depth = 0;  // open brackets before this token (CPython's tok->level)
};

}  // namespace corio::py
