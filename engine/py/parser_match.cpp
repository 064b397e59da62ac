// corio::py parser, part 4: the match statement and its patterns (PEP 634).
// `match` and `case` are soft keywords: a statement starting with the name
// `match` is a match statement only if its header parses as one.
#include <string>
#include <utility>

#include "py/parser_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
Stmt* Parser::match_stmt() {
  const Pos start = here();
  const std::size_t save = pos_;
  const int save_line = end_line_;
  const int save_col = end_col_;
  int line = 0;
  Expr* subject = nullptr;
  try {
    line = advance().lineno;
    const Pos subject_start = here();
    subject = star_named_expression();
    if (at(Tok::Comma)) {
      ExprList elts{subject};
      while (accept(Tok::Comma) && !at(Tok::Colon)) elts.push_back(star_named_expression());
      auto* t = make<Tuple>(subject_start);
      t->elts = std::move(elts);
      subject = t;
    }
    if (!at(Tok::Colon)) invalid_syntax();
  } catch (const SyntaxError&) {
    // Not a match statement: `match` is an ordinary name here.
    pos_ = save;
    end_line_ = save_line;
    end_col_ = save_col;
    return nullptr;
  }
  advance();
  expect(Tok::Newline);
  if (!at(Tok::Indent)) {
    const Token& t = cur();
    fail("IndentationError", "expected an indented block after 'match' statement on line " + std::to_string(line),
         t.lineno, t.col, t.end_lineno, t.end_col);
  }
  advance();
  auto* m = arena_.make<Match>();
  m->subject = subject;
  while (at_name("case")) m->cases.push_back(case_block());
  if (!at(Tok::Dedent) && !at(Tok::EndMarker)) invalid_syntax();
  m->loc = Loc{start.line, start.col, end_line_, end_col_};
  accept(Tok::Dedent);
  return m;
}

// case_block: "case" patterns guard? ':' block ; guard: 'if' named_expression
MatchCase* Parser::case_block() {
  const int line = advance().lineno;
  auto* c = arena_.make<MatchCase>();
  c->pattern = patterns();
  if (accept(Tok::KwIf)) c->guard = named_expression();
  if (!at(Tok::Colon) && at(Tok::Newline)) expect_forced(Tok::Colon);
  expect(Tok::Colon);
  block(c->body, "'case' statement", line);
  return c;
}

// patterns: open_sequence_pattern | pattern
Pattern* Parser::patterns() {
  const Pos start = here();
  Pattern* first = at(Tok::Star) ? closed_pattern() : pattern();
  if (!at(Tok::Comma) && first->kind != PatternKind::MatchStar) return first;
  PatternList items{first};
  while (accept(Tok::Comma) && !at(Tok::Colon) && !at(Tok::KwIf)) items.push_back(at(Tok::Star) ? closed_pattern() : pattern());
  auto* s = make<MatchSequence>(start);
  s->patterns = std::move(items);
  return s;
}

// pattern: as_pattern | or_pattern ; as_pattern: or_pattern 'as' pattern_capture_target
Pattern* Parser::pattern() {
  const Pos start = here();
  Pattern* p = or_pattern();
  if (!accept(Tok::KwAs)) return p;
  const Token& name = expect(Tok::Name);
  if (name.text == "_") fail_at(name, "cannot use '_' as a target");
  auto* a = make<MatchAs>(start);
  a->pattern = p;
  a->name = std::string(name.text);
  a->has_name = true;
  return a;
}

// or_pattern: '|'.closed_pattern+
Pattern* Parser::or_pattern() {
  const Pos start = here();
  Pattern* first = closed_pattern();
  if (!at(Tok::VBar)) return first;
  PatternList alts{first};
  while (accept(Tok::VBar)) alts.push_back(closed_pattern());
  auto* o = make<MatchOr>(start);
  o->patterns = std::move(alts);
  return o;
}

// closed_pattern: literal_pattern | capture_pattern | wildcard_pattern
//   | value_pattern | group_pattern | sequence_pattern | mapping_pattern | class_pattern
// star_pattern: '*' (pattern_capture_target | wildcard_pattern)
Pattern* Parser::closed_pattern() {
  const Pos start = here();
  switch (kind()) {
    case Tok::Star: {
      advance();
      const Token& name = expect(Tok::Name);
      auto* s = make<MatchStar>(start);
      s->has_name = name.text != "_";
      if (s->has_name) s->name = std::string(name.text);
      return s;
    }
    case Tok::LSqb: return sequence_pattern(Tok::RSqb);
    case Tok::LPar: return sequence_pattern(Tok::RPar);
    case Tok::LBrace: return mapping_pattern();
    case Tok::KwNone: case Tok::KwTrue: case Tok::KwFalse: {
      const Tok k = advance().kind;
      auto* s = make<MatchSingleton>(start);
      s->value = k == Tok::KwNone ? ConstantKind::None : k == Tok::KwTrue ? ConstantKind::True : ConstantKind::False;
      return s;
    }
    case Tok::Name: {
      // capture, wildcard, value (dotted) or class pattern
      const Token& name = advance();
      Expr* e = make<Name>(start);
      as<Name>(e)->id = std::string(name.text);
      bool dotted = false;
      while (accept(Tok::Dot)) {
        const Token& attr = expect(Tok::Name);
        auto* a = make<Attribute>(start);
        a->value = e;
        a->attr = std::string(attr.text);
        e = a;
        dotted = true;
      }
      if (at(Tok::LPar)) return class_pattern(e, start);
      if (dotted) {
        auto* v = make<MatchValue>(start);
        v->value = e;
        return v;
      }
      auto* a = make<MatchAs>(start);
      a->has_name = name.text != "_";
      if (a->has_name) a->name = std::string(name.text);
      return a;
    }
    default: return literal_pattern_or_value();
  }
}

// literal_pattern: signed_number | complex_number | strings
Pattern* Parser::literal_pattern_or_value() {
  const Pos start = here();
  Expr* value = pattern_literal_expr();
  auto* v = make<MatchValue>(start);
  v->value = value;
  return v;
}

// signed_number: NUMBER | '-' NUMBER
Expr* Parser::signed_number() {
  const Pos start = here();
  if (!accept(Tok::Minus)) {
    if (!at(Tok::Number)) invalid_syntax();
    return number(advance());
  }
  if (!at(Tok::Number)) invalid_syntax();
  Expr* operand = number(advance());
  auto* u = make<UnaryOp>(start);
  u->op = UnaryOpKind::USub;
  u->operand = operand;
  return u;
}

// complex_number: signed_real_number ('+' | '-') imaginary_number | signed_number | strings
Expr* Parser::pattern_literal_expr() {
  if (at(Tok::String)) return strings();
  Expr* e = signed_number();
  if (at(Tok::Plus) || at(Tok::Minus)) {
    const BinOpKind op = advance().kind == Tok::Plus ? BinOpKind::Add : BinOpKind::Sub;
    if (!at(Tok::Number)) invalid_syntax();
    e = make_binop(e, op, number(advance()));
  }
  return e;
}

// sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
// group_pattern: '(' pattern ')'
Pattern* Parser::sequence_pattern(Tok close) {
  const Pos start = here();
  advance();
  PatternList items;
  bool trailing_comma = false;
  while (!at(close)) {
    items.push_back(at(Tok::Star) ? closed_pattern() : pattern());
    trailing_comma = accept(Tok::Comma);
    if (!trailing_comma) break;
  }
  expect(close);
  if (close == Tok::RPar && items.size() == 1 && !trailing_comma && items[0]->kind != PatternKind::MatchStar) {
    return items[0];  // a group, not a sequence
  }
  auto* s = make<MatchSequence>(start);
  s->patterns = std::move(items);
  return s;
}

// mapping_pattern: '{' [items_pattern] [',' double_star_pattern] ','? '}'
// key_value_pattern: (literal_expr | attr) ':' pattern
Pattern* Parser::mapping_pattern() {
  const Pos start = here();
  advance();
  auto* m = arena_.make<MatchMapping>();
  while (!at(Tok::RBrace)) {
    if (accept(Tok::DoubleStar)) {
      m->rest = std::string(expect(Tok::Name).text);
      m->has_rest = true;
    } else {
      Expr* key = nullptr;
      if (at(Tok::Name)) {
        const Pos kstart = here();
        key = make<Name>(kstart);
        as<Name>(key)->id = std::string(advance().text);
        while (accept(Tok::Dot)) {
          auto* a = make<Attribute>(kstart);
          a->value = key;
          a->attr = std::string(expect(Tok::Name).text);
          key = a;
        }
      } else if (at(Tok::KwNone) || at(Tok::KwTrue) || at(Tok::KwFalse)) {
        key = atom();
      } else {
        key = pattern_literal_expr();
      }
      expect(Tok::Colon);
      m->keys.push_back(key);
      m->patterns.push_back(pattern());
    }
    if (!accept(Tok::Comma)) break;
  }
  expect(Tok::RBrace);
  m->loc = Loc{start.line, start.col, end_line_, end_col_};
  return m;
}

// class_pattern: name_or_attr '(' [positional_patterns [',' keyword_patterns]] ','? ')'
// keyword_pattern: NAME '=' pattern
Pattern* Parser::class_pattern(Expr* cls, Pos start) {
  advance();
  auto* c = arena_.make<MatchClass>();
  c->cls = cls;
  while (!at(Tok::RPar)) {
    if (at(Tok::Name) && ahead(1).kind == Tok::Equal) {
      c->kwd_attrs.emplace_back(advance().text);
      advance();
      c->kwd_patterns.push_back(pattern());
    } else {
      if (!c->kwd_attrs.empty()) {
        Pattern* p = pattern();
        fail("SyntaxError", "positional patterns follow keyword patterns", p->loc.lineno, p->loc.col_offset,
             p->loc.end_lineno, p->loc.end_col_offset);
      }
      c->patterns.push_back(pattern());
    }
    if (!accept(Tok::Comma)) break;
  }
  expect(Tok::RPar);
  c->loc = Loc{start.line, start.col, end_line_, end_col_};
  return c;
}

}  // namespace corio::py
