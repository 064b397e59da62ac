// corio::py::Parser: the recursive-descent parser shared by parser.cpp
// (statements), parser_expr.cpp (expressions and targets), parser_string.cpp
// (literals and f-strings) and parser_match.cpp (match patterns). Internal:
// the rest of the interpreter uses parser.hpp. Each parse function carries
// the CPython 3.11 grammar rule it implements.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "py/ast.hpp"
#include "py/lexer.hpp"
#include "py/syntax_error.hpp"
#include "py/token.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

inline constexpr int kMaxFStringNesting = 2;  // "f-string: expressions nested too deeply"

// An unparenthesised tuple starts where its first element starts.
inline bool is_unparenthesized_tuple(const Expr* e) {
  if (e->kind != ExprKind::Tuple) return false;
  const auto* t = as<Tuple>(e);
  return !t->elts.empty() && t->elts[0]->loc.lineno == t->loc.lineno &&
         t->elts[0]->loc.col_offset == t->loc.col_offset;
}

// Expressions at the bitwise_or level of the grammar or tighter.
inline bool is_bitwise_or_level(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Compare: case ExprKind::BoolOp: case ExprKind::IfExp: case ExprKind::Lambda:
    case ExprKind::NamedExpr: case ExprKind::Starred: case ExprKind::Yield: case ExprKind::YieldFrom:
      return false;
    case ExprKind::UnaryOp: return as<UnaryOp>(e)->op != UnaryOpKind::Not;
    default: return true;
  }
}

inline bool is_singleton_constant(const Expr* e) {
  if (e->kind != ExprKind::Constant) return false;
  const ConstantKind k = as<Constant>(e)->value_kind;
  return k == ConstantKind::None || k == ConstantKind::True || k == ConstantKind::False;
}

class Parser {
 public:
  Parser(const SourceLines& lines, const LexResult& lex, AstArena& arena)
      : lines_(lines), lex_(lex), toks_(lex.tokens), arena_(arena) {}

  Module* file();
  // The expression of an f-string replacement field (star_expressions).
  Expr* fstring_expression();

 private:
  struct Pos {
    int line;
    int col;
  };
  enum class TargetKind { Assign, Delete, For, With };

  const SourceLines& lines_;
  const LexResult& lex_;
  const std::vector<Token>& toks_;
  AstArena& arena_;
  std::size_t pos_ = 0;
  int end_line_ = 1;  // end of the last consumed token
  int end_col_ = 0;
  int no_invalid_ = 0;  // >0 while parsing the second half of an error hint

  // ---- tokens (parser.cpp)
  const Token& cur() const;
  const Token& ahead(std::size_t k) const;
  Tok kind() const { return cur().kind; }
  bool at(Tok k) const { return kind() == k; }
  bool at_name(std::string_view soft) const { return at(Tok::Name) && cur().text == soft; }
  const Token& advance();
  bool accept(Tok k);
  const Token& expect(Tok k);
  const Token& expect_forced(Tok k);
  Pos here() const { return {cur().lineno, cur().col}; }
  static Pos start_of(const Expr* e) { return {e->loc.lineno, e->loc.col_offset}; }
  template <class T>
  T* make(Pos start) {
    T* node = arena_.make<T>();
    node->loc = Loc{start.line, start.col, end_line_, end_col_};
    return node;
  }

  // ---- errors (parser.cpp)
  [[noreturn]] void fail(const char* kind, const std::string& msg, int line, int col, int end_line,
                         int end_col) const;
  [[noreturn]] void fail_at(const Token& t, const std::string& msg) const;
  [[noreturn]] void fail_node(const Loc& loc, const std::string& msg) const;
  [[noreturn]] void invalid_syntax() const;

  // ---- statements (parser.cpp)
  void statements(StmtList& out);
  void statement(StmtList& out);
  void simple_stmts(StmtList& out);
  Stmt* simple_stmt();
  Stmt* compound_stmt();
  void block(StmtList& out, const std::string& what, int line);
  Stmt* expression_stmt();
  Stmt* assignment(Expr* first, Pos start, bool parenthesized);
  Stmt* return_stmt();
  Stmt* raise_stmt();
  Stmt* global_stmt(bool nonlocal);
  Stmt* del_stmt();
  Stmt* assert_stmt();
  Stmt* import_name();
  Stmt* import_from();
  Alias* dotted_as_name();
  std::string dotted_name();
  Stmt* if_stmt(bool elif);
  Stmt* while_stmt();
  Stmt* for_stmt(Pos start, bool is_async);
  Stmt* with_stmt(Pos start, bool is_async);
  void with_item(std::vector<WithItem>& items);
  Stmt* try_stmt();
  ExceptHandler* except_block(bool& star, int& star_seen);
  Stmt* decorated();
  Stmt* function_def(Pos start, ExprList decorators, bool is_async);
  Stmt* class_def(Pos start, ExprList decorators);
  void else_block(StmtList& out);

  // ---- match (parser_match.cpp)
  Stmt* match_stmt();
  MatchCase* case_block();
  Pattern* patterns();
  Pattern* pattern();
  Pattern* or_pattern();
  Pattern* closed_pattern();
  Pattern* literal_pattern_or_value();
  Pattern* sequence_pattern(Tok close);
  Pattern* mapping_pattern();
  Pattern* class_pattern(Expr* cls, Pos start);
  Expr* pattern_literal_expr();
  Expr* signed_number();

  // ---- expressions (parser_expr.cpp)
  Expr* star_expressions();
  Expr* star_expression();
  Expr* star_named_expression();
  Expr* named_expression();
  Expr* expression();
  Expr* disjunction();
  Expr* conjunction();
  Expr* inversion();
  Expr* comparison();
  Expr* bitwise_or();
  Expr* bitwise_xor();
  Expr* bitwise_and();
  Expr* shift_expr();
  Expr* sum();
  Expr* term();
  Expr* factor();
  Expr* power();
  Expr* await_primary();
  Expr* primary();
  Expr* atom();
  Expr* paren_atom();
  Expr* list_atom();
  Expr* brace_atom();
  Expr* dict_rest(Pos start, ExprList keys, ExprList values);
  Expr* slices();
  Expr* slice();
  Expr* call(Expr* func);
  Expr* lambdef();
  Expr* yield_expr();
  Expr* make_binop(Expr* left, BinOpKind op, Expr* right);
  void comprehension_clauses(std::vector<Comprehension*>& out);
  Expr* finish_sequence(ExprList elts, Pos start, bool is_list);
  Arguments* parameters(Tok close, bool lambda);
  Arg* parameter(bool lambda, bool allow_star_annotation);
  void check_missing_comma(Expr* a);
  bool starts_expression(Tok k) const;

  // ---- targets (parser_expr.cpp)
  Expr* star_targets();
  Expr* star_target();
  void set_context(Expr* e, ExprContext ctx, TargetKind why);
  const Expr* invalid_target(Expr* e, ExprContext ctx) const;
  static const char* expr_name(const Expr* e);

  // ---- literals (parser_string.cpp)
  Expr* strings();
  Expr* number(const Token& t);
  void fstring(const Token& t, std::string_view body, bool raw, std::size_t body_offset,
               ExprList& parts, std::string& literal, Pos start, int depth, std::size_t& i,
               bool in_spec);
  FormattedValue* fstring_field(const Token& t, std::string_view body, bool raw,
                                std::size_t body_offset, ExprList& parts, std::string& literal,
                                Pos start, int depth, std::size_t& i);
  Expr* fstring_compile(const Token& t, std::size_t abs_begin, std::size_t abs_end);
  void flush_literal(ExprList& parts, std::string& literal, Pos start);
  [[noreturn]] void fail_fstring(const std::string& msg) const;
};

}  // namespace corio::py
