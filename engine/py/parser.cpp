// corio::py parser, part 1: token access, error reporting, the entry point
// and the statement grammar of Python 3.11 (simple and compound statements).
#include <string>
#include <utility>

#include "py/parser.hpp"
#include "py/parser_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

// ------------------------------------------------------------------ tokens

const Token& Parser::cur() const {
  const Token& t = toks_[pos_];
  if (t.kind == Tok::ErrorToken) throw *lex_.error;  // reached the lexer's error
  return t;
}

const Token& Parser::ahead(std::size_t k) const {
  const std::size_t i = pos_ + k < toks_.size() ? pos_ + k : toks_.size() - 1;
  if (toks_[i].kind == Tok::ErrorToken) throw *lex_.error;
  return toks_[i];
}

// Layout tokens do not move the end of the previous node.
const Token& Parser::advance() {
  const Token& t = cur();
  if (t.kind != Tok::Newline && t.kind != Tok::Indent && t.kind != Tok::Dedent) {
    end_line_ = t.end_lineno;
    end_col_ = t.end_col;
  }
  if (pos_ + 1 < toks_.size()) ++pos_;
  return t;
}

bool Parser::accept(Tok k) {
  if (!at(k)) return false;
  advance();
  return true;
}

const Token& Parser::expect(Tok k) {
  if (!at(k)) invalid_syntax();
  return advance();
}

// CPython's forced tokens (`&&':'`): a missing one is "expected ':'".
const Token& Parser::expect_forced(Tok k) {
  if (!at(k)) {
    const Token& t = cur();
    fail("SyntaxError", "expected '" + std::string(token_spelling(k)) + "'", t.lineno, t.col,
         t.lineno, t.col);
  }
  return advance();
}

// ------------------------------------------------------------------ errors

void Parser::fail(const char* kind, const std::string& msg, int line, int col, int end_line,
                  int end_col) const {
  throw lines_.error(kind, msg, line, col, end_line, end_col);
}

void Parser::fail_at(const Token& t, const std::string& msg) const {
  fail("SyntaxError", msg, t.lineno, t.col, t.end_lineno, t.end_col);
}

void Parser::fail_node(const Loc& loc, const std::string& msg) const {
  fail("SyntaxError", msg, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset);
}

// The generic error, at the token the parser could not use; an INDENT
// there is an "unexpected indent" (CPython's _PyPegen_set_syntax_error).
void Parser::invalid_syntax() const {
  const Token& t = cur();
  if (t.kind == Tok::Indent) {
    throw lines_.raw_error("IndentationError", "unexpected indent", t.lineno, t.end_col, t.lineno, -1);
  }
  if (t.kind == Tok::Dedent) {
    throw lines_.raw_error("IndentationError", "unexpected unindent", t.lineno, t.col + 1, t.lineno, -1);
  }
  if (t.kind == Tok::EndMarker) {
    fail("SyntaxError", "invalid syntax", t.lineno, t.col, t.lineno, t.col);
  }
  fail_at(t, "invalid syntax");
}

// -------------------------------------------------------------- statements

// file: [statements] ENDMARKER
Module* Parser::file() {
  Module* module = arena_.make<Module>();
  while (!at(Tok::EndMarker)) statement(module->body);
  return module;
}

// statement: compound_stmt | simple_stmts
void Parser::statement(StmtList& out) {
  if (Stmt* s = compound_stmt()) {
    out.push_back(s);
    return;
  }
  simple_stmts(out);
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
void Parser::simple_stmts(StmtList& out) {
  for (;;) {
    out.push_back(simple_stmt());
    if (!accept(Tok::Semi) || at(Tok::Newline)) break;
  }
  expect(Tok::Newline);
}

// simple_stmt: assignment | star_expressions | return_stmt | import_stmt
//   | raise_stmt | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break'
//   | 'continue' | global_stmt | nonlocal_stmt
Stmt* Parser::simple_stmt() {
  const Pos start = here();
  switch (kind()) {
    case Tok::KwReturn: return return_stmt();
    case Tok::KwImport: return import_name();
    case Tok::KwFrom: return import_from();
    case Tok::KwRaise: return raise_stmt();
    case Tok::KwDel: return del_stmt();
    case Tok::KwAssert: return assert_stmt();
    case Tok::KwGlobal: return global_stmt(false);
    case Tok::KwNonlocal: return global_stmt(true);
    case Tok::KwPass: advance(); return make<Pass>(start);
    case Tok::KwBreak: advance(); return make<Break>(start);
    case Tok::KwContinue: advance(); return make<Continue>(start);
    default: return expression_stmt();
  }
}

// compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt
//   | try_stmt | while_stmt | match_stmt
Stmt* Parser::compound_stmt() {
  const Pos start = here();
  switch (kind()) {
    case Tok::KwDef: return function_def(start, {}, false);
    case Tok::KwIf: return if_stmt(false);
    case Tok::KwClass: return class_def(start, {});
    case Tok::KwWith: return with_stmt(start, false);
    case Tok::KwFor: return for_stmt(start, false);
    case Tok::KwTry: return try_stmt();
    case Tok::KwWhile: return while_stmt();
    case Tok::At: return decorated();
    case Tok::KwAsync: {
      advance();
      if (at(Tok::KwDef)) return function_def(start, {}, true);
      if (at(Tok::KwWith)) return with_stmt(start, true);
      if (at(Tok::KwFor)) return for_stmt(start, true);
      invalid_syntax();
    }
    case Tok::Indent: invalid_syntax();
    case Tok::Name:
      if (cur().text == "match") return match_stmt();
      return nullptr;
    default: return nullptr;
  }
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
void Parser::block(StmtList& out, const std::string& what, int line) {
  if (!accept(Tok::Newline)) {
    simple_stmts(out);
    return;
  }
  if (!at(Tok::Indent)) {
    const Token& t = cur();
    const std::string msg = "expected an indented block after " + what + " on line " + std::to_string(line);
    if (t.kind == Tok::EndMarker || t.kind == Tok::Dedent) {
      throw lines_.raw_error("IndentationError", msg, t.lineno, lines_.char_offset(t.lineno, t.col),
                             t.lineno, -1);
    }
    fail("IndentationError", msg, t.lineno, t.col, t.end_lineno, t.end_col);
  }
  advance();
  while (!at(Tok::Dedent) && !at(Tok::EndMarker)) statement(out);
  accept(Tok::Dedent);
}

// Either ':' or, before a NEWLINE, "expected ':'" (CPython's invalid_*_stmt
// rules); `forced` makes any other token an "expected ':'" too (`&&':'`).
static bool colon_missing_is_expected(Tok next, bool forced) { return forced || next == Tok::Newline; }

// expression statements, assignments and their invalid forms:
// assignment: NAME ':' expression ['=' annotated_rhs]
//   | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
//   | (star_targets '=')+ (yield_expr | star_expressions) !'='
//   | single_target augassign ~ (yield_expr | star_expressions)
Stmt* Parser::expression_stmt() {
  const Pos start = here();
  const bool parenthesized = at(Tok::LPar);
  Expr* e = at(Tok::KwYield) ? yield_expr() : star_expressions();
  switch (kind()) {
    case Tok::Equal: case Tok::Colon: case Tok::PlusEqual: case Tok::MinEqual:
    case Tok::StarEqual: case Tok::SlashEqual: case Tok::PercentEqual: case Tok::AmperEqual:
    case Tok::VBarEqual: case Tok::CircumflexEqual: case Tok::LeftShiftEqual:
    case Tok::RightShiftEqual: case Tok::DoubleStarEqual: case Tok::DoubleSlashEqual:
    case Tok::AtEqual:
      return assignment(e, start, parenthesized);
    default: break;
  }
  // invalid_legacy_expression: `print "x"`
  if (e->kind == ExprKind::Name && starts_expression(kind()) && !at(Tok::LPar)) {
    const std::string& id = as<Name>(e)->id;
    if (id == "print" || id == "exec") {
      Expr* b = star_expressions();
      fail("SyntaxError", "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?",
           e->loc.lineno, e->loc.col_offset, b->loc.end_lineno, b->loc.end_col_offset);
    }
  }
  auto* s = make<ExprStmt>(start);
  s->value = e;
  return s;
}

namespace {

BinOpKind augassign_op(Tok k) {
  switch (k) {
    case Tok::PlusEqual: return BinOpKind::Add;
    case Tok::MinEqual: return BinOpKind::Sub;
    case Tok::StarEqual: return BinOpKind::Mult;
    case Tok::AtEqual: return BinOpKind::MatMult;
    case Tok::SlashEqual: return BinOpKind::Div;
    case Tok::PercentEqual: return BinOpKind::Mod;
    case Tok::AmperEqual: return BinOpKind::BitAnd;
    case Tok::VBarEqual: return BinOpKind::BitOr;
    case Tok::CircumflexEqual: return BinOpKind::BitXor;
    case Tok::LeftShiftEqual: return BinOpKind::LShift;
    case Tok::RightShiftEqual: return BinOpKind::RShift;
    case Tok::DoubleStarEqual: return BinOpKind::Pow;
    default: return BinOpKind::FloorDiv;
  }
}

}  // namespace

Stmt* Parser::assignment(Expr* first, Pos start, bool parenthesized) {
  if (at(Tok::Colon)) {
    // Annotated assignment: a single name, attribute or subscript.
    if (is_unparenthesized_tuple(first)) {
      // CPython points at the first element of an unparenthesised tuple.
      fail_node(as<Tuple>(first)->elts[0]->loc, "only single target (not tuple) can be annotated");
    }
    if (first->kind == ExprKind::List) fail_node(first->loc, "only single target (not list) can be annotated");
    if (first->kind == ExprKind::Tuple) fail_node(first->loc, "only single target (not tuple) can be annotated");
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      fail_node(first->loc, "illegal target for annotation");
    }
    advance();
    auto annotation = expression();
    Expr* value = nullptr;
    if (accept(Tok::Equal)) value = at(Tok::KwYield) ? yield_expr() : star_expressions();
    set_context(first, ExprContext::Store, TargetKind::Assign);
    auto* s = make<AnnAssign>(start);
    s->target = first;
    s->annotation = annotation;
    s->value = value;
    s->simple = first->kind == ExprKind::Name && !parenthesized;
    return s;
  }
  if (!at(Tok::Equal)) {
    // Augmented assignment: single_target augassign (yield_expr | star_expressions)
    const BinOpKind op = augassign_op(kind());
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      fail_node(first->loc, std::string("'") + expr_name(first) + "' is an illegal expression for augmented assignment");
    }
    advance();
    Expr* value = at(Tok::KwYield) ? yield_expr() : star_expressions();
    set_context(first, ExprContext::Store, TargetKind::Assign);
    auto* s = make<AugAssign>(start);
    s->target = first;
    s->op = op;
    s->value = value;
    return s;
  }
  ExprList targets{first};
  Expr* value = nullptr;
  while (accept(Tok::Equal)) {
    value = at(Tok::KwYield) ? yield_expr() : star_expressions();
    if (at(Tok::Equal)) targets.push_back(value);
  }
  for (Expr* t : targets) {
    if (t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) {
      fail_node(t->loc, "assignment to yield expression not possible");
    }
    if (invalid_target(t, ExprContext::Store) == nullptr) continue;
    // CPython's invalid_named_expression, seen through invalid_assignment:
    // the element just before a lone '=' gets the "did you mean ==" hints.
    Expr* last = is_unparenthesized_tuple(first) ? as<Tuple>(first)->elts.back() : first;
    if (targets.size() == 1 && is_bitwise_or_level(value)) {
      if (last->kind == ExprKind::Name) {
        fail("SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", last->loc.lineno,
             last->loc.col_offset, value->loc.end_lineno, value->loc.end_col_offset);
      }
      if (last->kind != ExprKind::List && last->kind != ExprKind::Tuple &&
          last->kind != ExprKind::GeneratorExp && !is_singleton_constant(last) &&
          is_bitwise_or_level(last) && invalid_target(last, ExprContext::Store) != nullptr) {
        fail_node(last->loc, std::string("cannot assign to ") + expr_name(last) +
                                 " here. Maybe you meant '==' instead of '='?");
      }
    }
    set_context(t, ExprContext::Store, TargetKind::Assign);
  }
  for (Expr* t : targets) set_context(t, ExprContext::Store, TargetKind::Assign);
  auto* s = make<Assign>(start);
  s->targets = std::move(targets);
  s->value = value;
  return s;
}

// return_stmt: 'return' [star_expressions]
Stmt* Parser::return_stmt() {
  const Pos start = here();
  advance();
  Expr* value = at(Tok::Newline) || at(Tok::Semi) ? nullptr : star_expressions();
  auto* s = make<Return>(start);
  s->value = value;
  return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
Stmt* Parser::raise_stmt() {
  const Pos start = here();
  advance();
  Expr* exc = nullptr;
  Expr* cause = nullptr;
  if (!at(Tok::Newline) && !at(Tok::Semi)) {
    exc = expression();
    if (accept(Tok::KwFrom)) cause = expression();
  }
  auto* s = make<Raise>(start);
  s->exc = exc;
  s->cause = cause;
  return s;
}

// global_stmt: 'global' ','.NAME+ ; nonlocal_stmt: 'nonlocal' ','.NAME+
Stmt* Parser::global_stmt(bool nonlocal) {
  const Pos start = here();
  advance();
  std::vector<std::string> names;
  do {
    names.emplace_back(expect(Tok::Name).text);
  } while (accept(Tok::Comma));
  if (nonlocal) {
    auto* s = make<Nonlocal>(start);
    s->names = std::move(names);
    return s;
  }
  auto* s = make<Global>(start);
  s->names = std::move(names);
  return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
Stmt* Parser::del_stmt() {
  const Pos start = here();
  advance();
  Expr* e = star_expressions();
  ExprList targets;
  if (is_unparenthesized_tuple(e)) {
    targets = as<Tuple>(e)->elts;
  } else {
    targets.push_back(e);
  }
  for (Expr* t : targets) set_context(t, ExprContext::Del, TargetKind::Delete);
  auto* s = make<Delete>(start);
  s->targets = std::move(targets);
  return s;
}

// assert_stmt: 'assert' expression [',' expression]
Stmt* Parser::assert_stmt() {
  const Pos start = here();
  advance();
  Expr* test = expression();
  Expr* msg = accept(Tok::Comma) ? expression() : nullptr;
  auto* s = make<Assert>(start);
  s->test = test;
  s->msg = msg;
  return s;
}

// dotted_name: dotted_name '.' NAME | NAME
std::string Parser::dotted_name() {
  std::string name(expect(Tok::Name).text);
  while (at(Tok::Dot) && ahead(1).kind == Tok::Name) {
    advance();
    name += '.';
    name += advance().text;
  }
  return name;
}

// dotted_as_name: dotted_name ['as' NAME]
Alias* Parser::dotted_as_name() {
  const Pos start = here();
  Alias* a = arena_.make<Alias>();
  a->name = dotted_name();
  if (accept(Tok::KwAs)) {
    a->asname = std::string(expect(Tok::Name).text);
    a->has_asname = true;
  }
  a->loc = Loc{start.line, start.col, end_line_, end_col_};
  return a;
}

// import_name: 'import' dotted_as_names
Stmt* Parser::import_name() {
  const Pos start = here();
  advance();
  std::vector<Alias*> names;
  do {
    names.push_back(dotted_as_name());
  } while (accept(Tok::Comma));
  auto* s = make<Import>(start);
  s->names = std::move(names);
  return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//   | 'from' ('.' | '...')+ 'import' import_from_targets
// import_from_targets: '(' import_from_as_names [','] ')'
//   | import_from_as_names !',' | '*'
Stmt* Parser::import_from() {
  const Pos start = here();
  advance();
  int level = 0;
  for (;; advance()) {
    if (at(Tok::Dot)) {
      level += 1;
    } else if (at(Tok::Ellipsis)) {
      level += 3;
    } else {
      break;
    }
  }
  std::string module;
  const bool has_module = level == 0 || !at(Tok::KwImport);
  if (has_module) module = dotted_name();
  expect(Tok::KwImport);
  std::vector<Alias*> names;
  if (at(Tok::Star)) {
    const Pos star = here();
    advance();
    Alias* a = arena_.make<Alias>();
    a->name = "*";
    a->loc = Loc{star.line, star.col, end_line_, end_col_};
    names.push_back(a);
  } else {
    const bool parens = accept(Tok::LPar);
    for (;;) {
      const Pos name_start = here();
      Alias* a = arena_.make<Alias>();
      a->name = std::string(expect(Tok::Name).text);
      if (accept(Tok::KwAs)) {
        a->asname = std::string(expect(Tok::Name).text);
        a->has_asname = true;
      }
      a->loc = Loc{name_start.line, name_start.col, end_line_, end_col_};
      names.push_back(a);
      if (!accept(Tok::Comma)) break;
      if (parens && at(Tok::RPar)) break;
      if (!parens && (at(Tok::Newline) || at(Tok::Semi))) {
        fail("SyntaxError", "trailing comma not allowed without surrounding parentheses",
             cur().lineno, cur().col, cur().lineno, cur().col);
      }
    }
    if (parens) expect(Tok::RPar);
  }
  auto* s = make<ImportFrom>(start);
  s->module = std::move(module);
  s->has_module = has_module;
  s->names = std::move(names);
  s->level = level;
  return s;
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
// elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
Stmt* Parser::if_stmt(bool elif) {
  const Pos start = here();
  const int line = advance().lineno;
  Expr* test = named_expression();
  if (!at(Tok::Colon) && colon_missing_is_expected(kind(), false)) expect_forced(Tok::Colon);
  expect(Tok::Colon);
  StmtList body;
  block(body, elif ? "'elif' statement" : "'if' statement", line);
  StmtList orelse;
  if (at(Tok::KwElif)) {
    orelse.push_back(if_stmt(true));
  } else if (at(Tok::KwElse)) {
    else_block(orelse);
  }
  auto* s = make<If>(start);
  s->test = test;
  s->body = std::move(body);
  s->orelse = std::move(orelse);
  return s;
}

// else_block: 'else' &&':' block
void Parser::else_block(StmtList& out) {
  const int line = advance().lineno;
  expect_forced(Tok::Colon);
  block(out, "'else' statement", line);
}

// while_stmt: 'while' named_expression ':' block [else_block]
Stmt* Parser::while_stmt() {
  const Pos start = here();
  const int line = advance().lineno;
  Expr* test = named_expression();
  if (!at(Tok::Colon) && colon_missing_is_expected(kind(), false)) expect_forced(Tok::Colon);
  expect(Tok::Colon);
  StmtList body;
  block(body, "'while' statement", line);
  StmtList orelse;
  if (at(Tok::KwElse)) else_block(orelse);
  auto* s = make<While>(start);
  s->test = test;
  s->body = std::move(body);
  s->orelse = std::move(orelse);
  return s;
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions &&':' block [else_block]
Stmt* Parser::for_stmt(Pos start, bool is_async) {
  const int line = advance().lineno;
  Expr* target = star_targets();
  expect(Tok::KwIn);
  Expr* iter = star_expressions();
  expect_forced(Tok::Colon);
  StmtList body;
  block(body, "'for' statement", line);
  StmtList orelse;
  if (at(Tok::KwElse)) else_block(orelse);
  auto* s = arena_.make<For>(is_async);
  s->loc = Loc{start.line, start.col, end_line_, end_col_};
  s->target = target;
  s->iter = iter;
  s->body = std::move(body);
  s->orelse = std::move(orelse);
  return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
void Parser::with_item(std::vector<WithItem>& items) {
  WithItem item;
  item.context_expr = expression();
  if (accept(Tok::KwAs)) {
    item.optional_vars = star_target();
    set_context(item.optional_vars, ExprContext::Store, TargetKind::With);
    if (!at(Tok::Comma) && !at(Tok::RPar) && !at(Tok::Colon) && !at(Tok::Newline)) invalid_syntax();
  }
  items.push_back(item);
}

// with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//   | [ASYNC] 'with' ','.with_item+ ':' block
Stmt* Parser::with_stmt(Pos start, bool is_async) {
  const int line = advance().lineno;
  std::vector<WithItem> items;
  // The parenthesised form, unless the parentheses belong to an expression
  // (`with (a, b):` is a tuple; `with (a) as b:` is an item).
  bool parenthesized = false;
  if (at(Tok::LPar)) {
    const std::size_t save = pos_;
    const int save_line = end_line_;
    const int save_col = end_col_;
    try {
      advance();
      do {
        if (at(Tok::RPar)) break;
        with_item(items);
      } while (accept(Tok::Comma));
      expect(Tok::RPar);
      parenthesized = at(Tok::Colon);
    } catch (const SyntaxError&) {
      parenthesized = false;
    }
    if (!parenthesized) {
      items.clear();
      pos_ = save;
      end_line_ = save_line;
      end_col_ = save_col;
    }
  }
  if (!parenthesized) {
    do {
      with_item(items);
    } while (accept(Tok::Comma));
  }
  if (!at(Tok::Colon) && colon_missing_is_expected(kind(), false)) expect_forced(Tok::Colon);
  expect(Tok::Colon);
  StmtList body;
  block(body, "'with' statement", line);
  auto* s = arena_.make<With>(is_async);
  s->loc = Loc{start.line, start.col, end_line_, end_col_};
  s->items = std::move(items);
  s->body = std::move(body);
  return s;
}

// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
ExceptHandler* Parser::except_block(bool& star, int& star_seen) {
  const Pos start = here();
  const int line = advance().lineno;
  const bool this_star = accept(Tok::Star);
  const int kind_bit = this_star ? 2 : 1;
  if ((star_seen | kind_bit) == 3) {
    fail("SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'", start.line, start.col,
         start.line, start.col + 6);
  }
  star_seen |= kind_bit;
  star = this_star;
  auto* h = arena_.make<ExceptHandler>();
  if (!at(Tok::Colon)) {
    if (at(Tok::Newline)) expect_forced(Tok::Colon);
    h->type = expression();
    if (at(Tok::Comma)) {
      fail("SyntaxError", "multiple exception types must be parenthesized", h->type->loc.lineno,
           h->type->loc.col_offset, h->type->loc.lineno, h->type->loc.col_offset);
    }
    if (accept(Tok::KwAs)) {
      h->name = std::string(expect(Tok::Name).text);
      h->has_name = true;
    }
  } else if (this_star) {
    fail_at(cur(), "expected one or more exception types");
  }
  if (!at(Tok::Colon) && colon_missing_is_expected(kind(), false)) expect_forced(Tok::Colon);
  expect(Tok::Colon);
  block(h->body, this_star ? "'except*' statement" : "'except' statement", line);
  h->loc = Loc{start.line, start.col, end_line_, end_col_};
  return h;
}

// try_stmt: 'try' &&':' block finally_block
//   | 'try' &&':' block except_block+ [else_block] [finally_block]
//   | 'try' &&':' block except_star_block+ [else_block] [finally_block]
Stmt* Parser::try_stmt() {
  const Pos start = here();
  const int line = advance().lineno;
  expect_forced(Tok::Colon);
  StmtList body;
  block(body, "'try' statement", line);
  std::vector<ExceptHandler*> handlers;
  bool star = false;
  int star_seen = 0;
  while (at(Tok::KwExcept)) handlers.push_back(except_block(star, star_seen));
  StmtList orelse;
  if (!handlers.empty() && at(Tok::KwElse)) else_block(orelse);
  StmtList finalbody;
  if (at(Tok::KwFinally)) {
    const int fline = advance().lineno;
    expect_forced(Tok::Colon);
    block(finalbody, "'finally' statement", fline);
  } else if (handlers.empty()) {
    fail_at(cur(), "expected 'except' or 'finally' block");
  }
  auto* s = arena_.make<Try>(star);
  s->loc = Loc{start.line, start.col, end_line_, end_col_};
  s->body = std::move(body);
  s->handlers = std::move(handlers);
  s->orelse = std::move(orelse);
  s->finalbody = std::move(finalbody);
  return s;
}

// decorators: ('@' named_expression NEWLINE)+ then class_def_raw or function_def_raw
Stmt* Parser::decorated() {
  ExprList decorators;
  while (accept(Tok::At)) {
    decorators.push_back(named_expression());
    expect(Tok::Newline);
  }
  const Pos start = here();
  if (at(Tok::KwClass)) return class_def(start, std::move(decorators));
  const bool is_async = accept(Tok::KwAsync);
  if (!at(Tok::KwDef)) invalid_syntax();
  return function_def(start, std::move(decorators), is_async);
}

// function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
Stmt* Parser::function_def(Pos start, ExprList decorators, bool is_async) {
  const int line = advance().lineno;
  std::string name(expect(Tok::Name).text);
  expect_forced(Tok::LPar);
  Arguments* args = parameters(Tok::RPar, false);
  expect(Tok::RPar);
  Expr* returns = accept(Tok::RArrow) ? expression() : nullptr;
  expect_forced(Tok::Colon);
  StmtList body;
  block(body, "function definition", line);
  auto* s = arena_.make<FunctionDef>(is_async);
  s->loc = Loc{start.line, start.col, end_line_, end_col_};
  s->name = std::move(name);
  s->args = args;
  s->body = std::move(body);
  s->decorator_list = std::move(decorators);
  s->returns = returns;
  return s;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] &&':' block
Stmt* Parser::class_def(Pos start, ExprList decorators) {
  const int line = advance().lineno;
  std::string name(expect(Tok::Name).text);
  ExprList bases;
  std::vector<Keyword*> keywords;
  if (at(Tok::LPar)) {
    auto* c = as<Call>(call(nullptr));
    bases = std::move(c->args);
    keywords = std::move(c->keywords);
  }
  expect_forced(Tok::Colon);
  StmtList body;
  block(body, "class definition", line);
  auto* s = make<ClassDef>(start);
  s->name = std::move(name);
  s->bases = std::move(bases);
  s->keywords = std::move(keywords);
  s->body = std::move(body);
  s->decorator_list = std::move(decorators);
  return s;
}

// ------------------------------------------------------------- entry point

ParsedModule parse_module(std::string_view source) {
  SourceLines lines(source);
  LexResult lex = Lexer::tokenize(lines);
  ParsedModule result;
  Parser parser(lines, lex, result.arena);
  try {
    result.module = parser.file();
  } catch (const SyntaxError& error) {
    // CPython tokenizes the rest of the file after a parser error: a
    // tokenizer error there wins, and so does a bracket left open on an
    // earlier line (_PyPegen_tokenize_full_source_to_check_for_errors).
    if (lex.error && lex.error_overrides_parser) throw *lex.error;
    if (lex.unclosed_bracket && lex.unclosed_bracket->lineno < error.lineno) throw *lex.error;
    throw;
  }
  return result;
}

}  // namespace corio::py
