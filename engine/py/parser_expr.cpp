// corio::py parser, part 2: expressions (precedence climbing written out as
// one function per grammar level, exactly as Python 3.11's grammar orders
// them), calls, slices, displays, comprehensions, lambdas, parameters, and
// assignment targets with CPython's "cannot assign to ..." errors.
#include <string>
#include <utility>

#include "py/parser_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

bool Parser::starts_expression(Tok k) const {
  switch (k) {
    case Tok::Name: case Tok::Number: case Tok::String: case Tok::LPar: case Tok::LSqb:
    case Tok::LBrace: case Tok::Minus: case Tok::Plus: case Tok::Tilde: case Tok::KwNot:
    case Tok::KwLambda: case Tok::KwAwait: case Tok::KwNone: case Tok::KwTrue: case Tok::KwFalse:
    case Tok::Ellipsis:
      return true;
    default:
      return false;
  }
}

// invalid_expression: !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
//   -> "invalid syntax. Perhaps you forgot a comma?" (only inside brackets)
void Parser::check_missing_comma(Expr* a) {
  if (no_invalid_ > 0 || !starts_expression(kind()) || cur().bracket_depth == 0) return;
  if (a->kind == ExprKind::Name) {
    const std::string& id = as<Name>(a)->id;
    if (at(Tok::String) || id == "match" || id == "case" || id == "_") return;
  }
  const std::size_t save = pos_;
  const int save_line = end_line_;
  const int save_col = end_col_;
  Expr* b = nullptr;
  ++no_invalid_;
  try {
    b = expression();
  } catch (const SyntaxError&) {
    b = nullptr;
  }
  --no_invalid_;
  if (b == nullptr) {
    pos_ = save;
    end_line_ = save_line;
    end_col_ = save_col;
    return;
  }
  fail("SyntaxError", "invalid syntax. Perhaps you forgot a comma?", a->loc.lineno, a->loc.col_offset,
       b->loc.end_lineno, b->loc.end_col_offset);
}

// star_expressions: star_expression (',' star_expression)* [',']
Expr* Parser::star_expressions() {
  const Pos start = here();
  Expr* first = star_expression();
  if (!at(Tok::Comma)) return first;
  ExprList elts{first};
  while (accept(Tok::Comma)) {
    if (!starts_expression(kind()) && !at(Tok::Star)) break;
    elts.push_back(star_expression());
  }
  auto* t = make<Tuple>(start);
  t->elts = std::move(elts);
  return t;
}

// star_expression: '*' bitwise_or | expression
Expr* Parser::star_expression() {
  if (!at(Tok::Star)) return expression();
  const Pos start = here();
  advance();
  Expr* value = bitwise_or();
  auto* s = make<Starred>(start);
  s->value = value;
  return s;
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::star_named_expression() {
  return at(Tok::Star) ? star_expression() : named_expression();
}

// named_expression: NAME ':=' ~ expression | expression !':='
// with invalid_named_expression's hints for a stray '='.
Expr* Parser::named_expression() {
  const Pos start = here();
  if (at(Tok::Name) && ahead(1).kind == Tok::ColonEqual) {
    const Token& name = advance();
    auto* target = make<Name>(start);
    target->id = std::string(name.text);
    target->ctx = ExprContext::Store;
    advance();
    Expr* value = expression();
    auto* n = make<NamedExpr>(start);
    n->target = target;
    n->value = value;
    return n;
  }
  Expr* e = expression();
  if (at(Tok::ColonEqual)) {
    fail_node(e->loc, std::string("cannot use assignment expressions with ") + expr_name(e));
  }
  if (at(Tok::Equal) && no_invalid_ == 0 && e->kind != ExprKind::List && e->kind != ExprKind::Tuple &&
      e->kind != ExprKind::GeneratorExp && is_bitwise_or_level(e)) {
    advance();
    ++no_invalid_;
    Expr* b = bitwise_or();
    --no_invalid_;
    if (!at(Tok::Equal) && !at(Tok::ColonEqual)) {
      if (e->kind == ExprKind::Name) {
        fail("SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e->loc.lineno,
             e->loc.col_offset, b->loc.end_lineno, b->loc.end_col_offset);
      }
      if (!is_singleton_constant(e)) {
        fail_node(e->loc, std::string("cannot assign to ") + expr_name(e) +
                              " here. Maybe you meant '==' instead of '='?");
      }
    }
    invalid_syntax();
  }
  return e;
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
Expr* Parser::expression() {
  if (at(Tok::KwLambda)) return lambdef();
  const Pos start = here();
  Expr* body = disjunction();
  if (!at(Tok::KwIf)) {
    check_missing_comma(body);
    return body;
  }
  advance();
  Expr* test = disjunction();
  if (!accept(Tok::KwElse)) {
    fail("SyntaxError", "expected 'else' after 'if' expression", start.line, start.col, test->loc.end_lineno,
         test->loc.end_col_offset);
  }
  Expr* orelse = expression();
  auto* e = make<IfExp>(start);
  e->test = test;
  e->body = body;
  e->orelse = orelse;
  return e;
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
Expr* Parser::disjunction() {
  const Pos start = here();
  Expr* first = conjunction();
  if (!at(Tok::KwOr)) return first;
  ExprList values{first};
  while (accept(Tok::KwOr)) values.push_back(conjunction());
  auto* e = make<BoolOp>(start);
  e->op = BoolOpKind::Or;
  e->values = std::move(values);
  return e;
}

// conjunction: inversion ('and' inversion)+ | inversion
Expr* Parser::conjunction() {
  const Pos start = here();
  Expr* first = inversion();
  if (!at(Tok::KwAnd)) return first;
  ExprList values{first};
  while (accept(Tok::KwAnd)) values.push_back(inversion());
  auto* e = make<BoolOp>(start);
  e->op = BoolOpKind::And;
  e->values = std::move(values);
  return e;
}

// inversion: 'not' inversion | comparison
Expr* Parser::inversion() {
  if (!at(Tok::KwNot)) return comparison();
  const Pos start = here();
  advance();
  Expr* operand = inversion();
  auto* e = make<UnaryOp>(start);
  e->op = UnaryOpKind::Not;
  e->operand = operand;
  return e;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
// compare_op: '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in' | 'is' 'not' | 'is'
Expr* Parser::comparison() {
  const Pos start = here();
  Expr* left = bitwise_or();
  std::vector<CmpOpKind> ops;
  ExprList comparators;
  for (;;) {
    CmpOpKind op;
    switch (kind()) {
      case Tok::EqEqual: op = CmpOpKind::Eq; break;
      case Tok::NotEqual: op = CmpOpKind::NotEq; break;
      case Tok::Less: op = CmpOpKind::Lt; break;
      case Tok::LessEqual: op = CmpOpKind::LtE; break;
      case Tok::Greater: op = CmpOpKind::Gt; break;
      case Tok::GreaterEqual: op = CmpOpKind::GtE; break;
      case Tok::KwIn: op = CmpOpKind::In; break;
      case Tok::KwIs:
        op = ahead(1).kind == Tok::KwNot ? CmpOpKind::IsNot : CmpOpKind::Is;
        if (op == CmpOpKind::IsNot) advance();
        break;
      case Tok::KwNot:
        if (ahead(1).kind != Tok::KwIn) goto done;
        advance();
        op = CmpOpKind::NotIn;
        break;
      default: goto done;
    }
    advance();
    ops.push_back(op);
    comparators.push_back(bitwise_or());
  }
done:
  if (ops.empty()) return left;
  auto* e = make<Compare>(start);
  e->left = left;
  e->ops = std::move(ops);
  e->comparators = std::move(comparators);
  return e;
}

Expr* Parser::make_binop(Expr* left, BinOpKind op, Expr* right) {
  auto* e = make<BinOp>(start_of(left));
  e->left = left;
  e->op = op;
  e->right = right;
  return e;
}

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
Expr* Parser::bitwise_or() {
  Expr* e = bitwise_xor();
  while (accept(Tok::VBar)) e = make_binop(e, BinOpKind::BitOr, bitwise_xor());
  return e;
}

// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
Expr* Parser::bitwise_xor() {
  Expr* e = bitwise_and();
  while (accept(Tok::Circumflex)) e = make_binop(e, BinOpKind::BitXor, bitwise_and());
  return e;
}

// bitwise_and: bitwise_and '&' shift_expr | shift_expr
Expr* Parser::bitwise_and() {
  Expr* e = shift_expr();
  while (accept(Tok::Amper)) e = make_binop(e, BinOpKind::BitAnd, shift_expr());
  return e;
}

// shift_expr: shift_expr '<<' sum | shift_expr '>>' sum | sum
Expr* Parser::shift_expr() {
  Expr* e = sum();
  for (;;) {
    if (accept(Tok::LeftShift)) {
      e = make_binop(e, BinOpKind::LShift, sum());
    } else if (accept(Tok::RightShift)) {
      e = make_binop(e, BinOpKind::RShift, sum());
    } else {
      return e;
    }
  }
}

// sum: sum '+' term | sum '-' term | term
Expr* Parser::sum() {
  Expr* e = term();
  for (;;) {
    if (accept(Tok::Plus)) {
      e = make_binop(e, BinOpKind::Add, term());
    } else if (accept(Tok::Minus)) {
      e = make_binop(e, BinOpKind::Sub, term());
    } else {
      return e;
    }
  }
}

// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
Expr* Parser::term() {
  Expr* e = factor();
  for (;;) {
    BinOpKind op;
    switch (kind()) {
      case Tok::Star: op = BinOpKind::Mult; break;
      case Tok::Slash: op = BinOpKind::Div; break;
      case Tok::DoubleSlash: op = BinOpKind::FloorDiv; break;
      case Tok::Percent: op = BinOpKind::Mod; break;
      case Tok::At: op = BinOpKind::MatMult; break;
      default: return e;
    }
    advance();
    e = make_binop(e, op, factor());
  }
}

// factor: '+' factor | '-' factor | '~' factor | power
Expr* Parser::factor() {
  UnaryOpKind op;
  switch (kind()) {
    case Tok::Plus: op = UnaryOpKind::UAdd; break;
    case Tok::Minus: op = UnaryOpKind::USub; break;
    case Tok::Tilde: op = UnaryOpKind::Invert; break;
    default: return power();
  }
  const Pos start = here();
  advance();
  Expr* operand = factor();
  auto* e = make<UnaryOp>(start);
  e->op = op;
  e->operand = operand;
  return e;
}

// power: await_primary '**' factor | await_primary
Expr* Parser::power() {
  Expr* e = await_primary();
  if (accept(Tok::DoubleStar)) e = make_binop(e, BinOpKind::Pow, factor());
  return e;
}

// await_primary: AWAIT primary | primary
// ('await' outside an async function is the compiler's error, as in CPython.)
Expr* Parser::await_primary() {
  if (!at(Tok::KwAwait)) return primary();
  const Pos start = here();
  advance();
  Expr* value = primary();
  auto* e = make<Await>(start);
  e->value = value;
  return e;
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//   | primary '[' slices ']' | atom
Expr* Parser::primary() {
  const Pos start = here();
  Expr* e = atom();
  for (;;) {
    if (accept(Tok::Dot)) {
      const Token& name = expect(Tok::Name);
      auto* a = make<Attribute>(start);
      a->value = e;
      a->attr = std::string(name.text);
      e = a;
    } else if (at(Tok::LPar)) {
      e = call(e);
    } else if (accept(Tok::LSqb)) {
      Expr* index = slices();
      expect(Tok::RSqb);
      auto* s = make<Subscript>(start);
      s->value = e;
      s->slice = index;
      e = s;
    } else {
      return e;
    }
  }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::slices() {
  const Pos start = here();
  Expr* first = at(Tok::Star) ? star_expression() : slice();
  if (!at(Tok::Comma)) {
    if (first->kind != ExprKind::Starred) return first;
    auto* t = make<Tuple>(start);
    t->elts.push_back(first);
    return t;
  }
  ExprList elts{first};
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    elts.push_back(at(Tok::Star) ? star_expression() : slice());
  }
  auto* t = make<Tuple>(start);
  t->elts = std::move(elts);
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::slice() {
  const Pos start = here();
  Expr* lower = nullptr;
  if (!at(Tok::Colon)) {
    lower = named_expression();
    if (!at(Tok::Colon)) return lower;
  }
  advance();
  auto ends_part = [this] { return at(Tok::Colon) || at(Tok::Comma) || at(Tok::RSqb); };
  Expr* upper = ends_part() ? nullptr : expression();
  Expr* step = nullptr;
  if (accept(Tok::Colon) && !ends_part()) step = expression();
  auto* s = make<Slice>(start);
  s->lower = lower;
  s->upper = upper;
  s->step = step;
  return s;
}

// Call arguments; with func == nullptr, a class definition's bases.
// arguments: args [','] &')'
// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//   | kwargs
// kwarg_or_starred: NAME '=' expression | starred_expression
// kwarg_or_double_starred: NAME '=' expression | '**' expression
Expr* Parser::call(Expr* func) {
  const Pos start = func != nullptr ? start_of(func) : here();
  const Pos open = here();
  advance();
  ExprList args;
  std::vector<Keyword*> keywords;
  bool seen_keyword = false;
  bool seen_double_star = false;
  const char* misplaced = nullptr;
  while (!at(Tok::RPar)) {
    const Pos arg_start = here();
    if (at(Tok::Star)) {
      Expr* e = star_expression();
      if (seen_double_star) {
        fail("SyntaxError", "iterable argument unpacking follows keyword argument unpacking", arg_start.line,
             arg_start.col, arg_start.line, arg_start.col + 1);
      }
      args.push_back(e);
    } else if (accept(Tok::DoubleStar)) {
      Expr* value = expression();
      auto* k = arena_.make<Keyword>();
      k->has_arg = false;
      k->value = value;
      k->loc = Loc{arg_start.line, arg_start.col, end_line_, end_col_};
      keywords.push_back(k);
      seen_double_star = true;
    } else if (at(Tok::Name) && ahead(1).kind == Tok::Equal) {
      std::string name(advance().text);
      advance();
      Expr* value = expression();
      auto* k = arena_.make<Keyword>();
      k->arg = std::move(name);
      k->value = value;
      k->loc = Loc{arg_start.line, arg_start.col, end_line_, end_col_};
      keywords.push_back(k);
      seen_keyword = true;
    } else {
      Expr* e = at(Tok::Name) && ahead(1).kind == Tok::ColonEqual ? named_expression() : expression();
      if (at(Tok::KwFor) || (at(Tok::KwAsync) && ahead(1).kind == Tok::KwFor)) {
        auto* g = arena_.make<GeneratorExp>();
        g->elt = e;
        comprehension_clauses(g->generators);
        const bool alone = args.empty() && keywords.empty() && at(Tok::RPar) && func != nullptr;
        if (!alone) {
          fail("SyntaxError", "Generator expression must be parenthesized", arg_start.line, arg_start.col,
               end_line_, end_col_);
        }
        g->loc = Loc{open.line, open.col, cur().end_lineno, cur().end_col};
        e = g;
      } else if (at(Tok::Equal)) {
        fail("SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", arg_start.line,
             arg_start.col, cur().end_lineno, cur().end_col);
      }
      // CPython reports this once the whole argument list is read, at the
      // token after it.
      if ((seen_double_star || seen_keyword) && misplaced == nullptr) {
        misplaced = seen_double_star ? "positional argument follows keyword argument unpacking"
                                     : "positional argument follows keyword argument";
      }
      args.push_back(e);
    }
    if (!accept(Tok::Comma)) break;
  }
  if (misplaced != nullptr) fail_at(cur(), misplaced);
  expect(Tok::RPar);
  auto* c = make<Call>(start);
  c->func = func;
  c->args = std::move(args);
  c->keywords = std::move(keywords);
  return c;
}

// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
//   | (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp | setcomp) | '...'
Expr* Parser::atom() {
  const Pos start = here();
  switch (kind()) {
    case Tok::Name: {
      const Token& t = advance();
      auto* n = make<Name>(start);
      n->id = std::string(t.text);
      return n;
    }
    case Tok::KwTrue: case Tok::KwFalse: case Tok::KwNone: case Tok::Ellipsis: {
      const Tok k = advance().kind;
      auto* c = make<Constant>(start);
      c->value_kind = k == Tok::KwTrue ? ConstantKind::True
                      : k == Tok::KwFalse ? ConstantKind::False
                      : k == Tok::KwNone ? ConstantKind::None
                                         : ConstantKind::Ellipsis;
      return c;
    }
    case Tok::Number: return number(advance());
    case Tok::String: return strings();
    case Tok::LPar: return paren_atom();
    case Tok::LSqb: return list_atom();
    case Tok::LBrace: return brace_atom();
    default: invalid_syntax();
  }
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
// group: '(' (yield_expr | named_expression) ')'
// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
Expr* Parser::paren_atom() {
  const Pos start = here();
  advance();
  if (accept(Tok::RPar)) return make<Tuple>(start);
  if (at(Tok::KwYield)) {
    Expr* y = yield_expr();
    expect(Tok::RPar);
    return y;
  }
  Expr* first = star_named_expression();
  if (at(Tok::KwFor) || (at(Tok::KwAsync) && ahead(1).kind == Tok::KwFor)) {
    auto* g = arena_.make<GeneratorExp>();
    g->elt = first;
    comprehension_clauses(g->generators);
    expect(Tok::RPar);
    g->loc = Loc{start.line, start.col, end_line_, end_col_};
    return g;
  }
  if (accept(Tok::RPar)) {
    if (first->kind == ExprKind::Starred) fail_node(first->loc, "cannot use starred expression here");
    return first;
  }
  if (!at(Tok::Comma)) invalid_syntax();
  ExprList elts{first};
  while (accept(Tok::Comma) && !at(Tok::RPar)) elts.push_back(star_named_expression());
  expect(Tok::RPar);
  return finish_sequence(std::move(elts), start, false);
}

Expr* Parser::finish_sequence(ExprList elts, Pos start, bool is_list) {
  if (is_list) {
    auto* l = make<List>(start);
    l->elts = std::move(elts);
    return l;
  }
  auto* t = make<Tuple>(start);
  t->elts = std::move(elts);
  return t;
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
Expr* Parser::list_atom() {
  const Pos start = here();
  advance();
  ExprList elts;
  if (!at(Tok::RSqb)) {
    Expr* first = star_named_expression();
    if (at(Tok::KwFor) || (at(Tok::KwAsync) && ahead(1).kind == Tok::KwFor)) {
      std::vector<Comprehension*> gens;
      comprehension_clauses(gens);
      expect(Tok::RSqb);
      auto* l = make<ListComp>(start);
      l->elt = first;
      l->generators = std::move(gens);
      return l;
    }
    elts.push_back(first);
    while (accept(Tok::Comma) && !at(Tok::RSqb)) elts.push_back(star_named_expression());
  }
  expect(Tok::RSqb);
  return finish_sequence(std::move(elts), start, true);
}

// dict: '{' [double_starred_kvpairs] '}'   set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'  setcomp: '{' named_expression for_if_clauses '}'
Expr* Parser::brace_atom() {
  const Pos start = here();
  advance();
  if (accept(Tok::RBrace)) return make<Dict>(start);
  auto comprehension_follows = [this] {
    return at(Tok::KwFor) || (at(Tok::KwAsync) && ahead(1).kind == Tok::KwFor);
  };
  if (!at(Tok::DoubleStar)) {
    Expr* first = star_named_expression();
    if (!at(Tok::Colon)) {
      if (comprehension_follows()) {
        std::vector<Comprehension*> gens;
        comprehension_clauses(gens);
        expect(Tok::RBrace);
        auto* s = make<SetComp>(start);
        s->elt = first;
        s->generators = std::move(gens);
        return s;
      }
      ExprList elts{first};
      while (accept(Tok::Comma) && !at(Tok::RBrace)) elts.push_back(star_named_expression());
      expect(Tok::RBrace);
      auto* s = make<Set>(start);
      s->elts = std::move(elts);
      return s;
    }
    advance();
    Expr* value = expression();
    if (comprehension_follows()) {
      std::vector<Comprehension*> gens;
      comprehension_clauses(gens);
      expect(Tok::RBrace);
      auto* d = make<DictComp>(start);
      d->key = first;
      d->value = value;
      d->generators = std::move(gens);
      return d;
    }
    ExprList keys{first};
    ExprList values{value};
    if (!accept(Tok::Comma)) {
      expect(Tok::RBrace);
      auto* d = make<Dict>(start);
      d->keys = std::move(keys);
      d->values = std::move(values);
      return d;
    }
    return dict_rest(start, std::move(keys), std::move(values));
  }
  return dict_rest(start, {}, {});
}

// double_starred_kvpair: '**' bitwise_or | expression ':' expression
Expr* Parser::dict_rest(Pos start, ExprList keys, ExprList values) {
  while (!at(Tok::RBrace)) {
    if (accept(Tok::DoubleStar)) {
      keys.push_back(nullptr);
      values.push_back(bitwise_or());
    } else {
      keys.push_back(expression());
      expect(Tok::Colon);
      values.push_back(expression());
    }
    if (!accept(Tok::Comma)) break;
  }
  expect(Tok::RBrace);
  auto* d = make<Dict>(start);
  d->keys = std::move(keys);
  d->values = std::move(values);
  return d;
}

// for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
void Parser::comprehension_clauses(std::vector<Comprehension*>& out) {
  while (at(Tok::KwFor) || (at(Tok::KwAsync) && ahead(1).kind == Tok::KwFor)) {
    auto* c = arena_.make<Comprehension>();
    c->is_async = accept(Tok::KwAsync);
    advance();
    c->target = star_targets();
    expect(Tok::KwIn);
    c->iter = disjunction();
    while (accept(Tok::KwIf)) c->ifs.push_back(disjunction());
    out.push_back(c);
  }
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr* Parser::lambdef() {
  const Pos start = here();
  advance();
  Arguments* args = parameters(Tok::Colon, true);
  expect(Tok::Colon);
  Expr* body = expression();
  auto* l = make<Lambda>(start);
  l->args = args;
  l->body = body;
  return l;
}

// param: NAME [':' expression]   (lambda parameters have no annotation;
// `*args: *Ts` allows a starred annotation)
Arg* Parser::parameter(bool lambda, bool allow_star_annotation) {
  const Pos start = here();
  const Token& name = expect(Tok::Name);
  auto* a = arena_.make<Arg>();
  a->arg = std::string(name.text);
  if (!lambda && accept(Tok::Colon)) {
    a->annotation = allow_star_annotation && at(Tok::Star) ? star_expression() : expression();
  }
  a->loc = Loc{start.line, start.col, end_line_, end_col_};
  return a;
}

// parameters: slash_no_default | slash_with_default | param_no_default+
//   | param_with_default+ | star_etc, in that order, where
// star_etc: '*' param_no_default param_maybe_default* [kwds]
//   | '*' ',' param_maybe_default+ [kwds] | kwds
// kwds: '**' param_no_default
Arguments* Parser::parameters(Tok close, bool lambda) {
  auto* args = arena_.make<Arguments>();
  bool seen_star = false;
  while (!at(close)) {
    const Token& t = cur();
    if (at(Tok::Slash)) {
      if (seen_star) fail_at(t, "/ must be ahead of *");
      if (!args->posonlyargs.empty()) fail_at(t, "/ may appear only once");
      if (args->args.empty()) fail_at(t, "at least one argument must precede /");
      advance();
      args->posonlyargs = std::move(args->args);
      args->args.clear();
    } else if (at(Tok::Star)) {
      if (seen_star) fail_at(t, "* argument may appear only once");
      const Token& star = advance();
      seen_star = true;
      if (at(Tok::Comma) || at(close)) {
        if (at(close) || ahead(1).kind == close || ahead(1).kind == Tok::DoubleStar) {
          fail_at(star, "named arguments must follow bare *");
        }
      } else {
        args->vararg = parameter(lambda, true);
      }
    } else if (accept(Tok::DoubleStar)) {
      args->kwarg = parameter(lambda, false);
      if (accept(Tok::Comma) && !at(close)) fail_at(cur(), "arguments cannot follow var-keyword argument");
      break;
    } else {
      Arg* a = parameter(lambda, false);
      Expr* def = accept(Tok::Equal) ? expression() : nullptr;
      if (seen_star) {
        args->kwonlyargs.push_back(a);
        args->kw_defaults.push_back(def);
      } else {
        if (def != nullptr) {
          args->defaults.push_back(def);
        } else if (!args->defaults.empty()) {
          fail_node(a->loc, "non-default argument follows default argument");
        }
        args->args.push_back(a);
      }
    }
    if (!accept(Tok::Comma)) break;
  }
  return args;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::yield_expr() {
  const Pos start = here();
  advance();
  if (accept(Tok::KwFrom)) {
    Expr* value = expression();
    auto* y = make<YieldFrom>(start);
    y->value = value;
    return y;
  }
  Expr* value = starts_expression(kind()) || at(Tok::Star) ? star_expressions() : nullptr;
  auto* y = make<Yield>(start);
  y->value = value;
  return y;
}

// ---------------------------------------------------------------- targets

// star_targets: star_target !',' | star_target (',' star_target)* [',']
Expr* Parser::star_targets() {
  const Pos start = here();
  Expr* first = star_target();
  if (!at(Tok::Comma)) {
    set_context(first, ExprContext::Store, TargetKind::For);
    return first;
  }
  ExprList elts{first};
  while (accept(Tok::Comma)) {
    if (!starts_expression(kind()) && !at(Tok::Star)) break;
    elts.push_back(star_target());
  }
  auto* t = make<Tuple>(start);
  t->elts = std::move(elts);
  set_context(t, ExprContext::Store, TargetKind::For);
  return t;
}

// star_target: '*' (!'*' star_target) | target_with_star_atom
// (parsed as a bitwise_or so that a wrong target gets CPython's message)
Expr* Parser::star_target() {
  if (!at(Tok::Star)) return bitwise_or();
  const Pos start = here();
  advance();
  Expr* value = star_target();
  auto* s = make<Starred>(start);
  s->value = value;
  return s;
}

// _PyPegen_get_expr_name: how CPython names an expression in messages.
const char* Parser::expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    case ExprKind::Constant:
      switch (as<Constant>(e)->value_kind) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
  }
  return "expression";
}

// The first sub-expression that cannot be assigned to (or deleted).
const Expr* Parser::invalid_target(Expr* e, ExprContext ctx) const {
  switch (e->kind) {
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript: return nullptr;
    case ExprKind::Starred:
      return ctx == ExprContext::Del ? e : invalid_target(as<Starred>(e)->value, ctx);
    case ExprKind::Tuple:
    case ExprKind::List: {
      const ExprList& elts = e->kind == ExprKind::Tuple ? as<Tuple>(e)->elts : as<List>(e)->elts;
      for (Expr* x : elts) {
        if (const Expr* bad = invalid_target(x, ctx)) return bad;
      }
      return nullptr;
    }
    default: return e;
  }
}

// Marks a target Store/Del, or raises "cannot assign to"/"cannot delete".
void Parser::set_context(Expr* e, ExprContext ctx, TargetKind why) {
  (void)why;
  if (const Expr* bad = invalid_target(e, ctx)) {
    fail_node(bad->loc, std::string(ctx == ExprContext::Del ? "cannot delete " : "cannot assign to ") +
                            expr_name(bad));
  }
  switch (e->kind) {
    case ExprKind::Name: as<Name>(e)->ctx = ctx; return;
    case ExprKind::Attribute: as<Attribute>(e)->ctx = ctx; return;
    case ExprKind::Subscript: as<Subscript>(e)->ctx = ctx; return;
    case ExprKind::Starred:
      as<Starred>(e)->ctx = ctx;
      set_context(as<Starred>(e)->value, ctx, why);
      return;
    case ExprKind::Tuple:
      as<Tuple>(e)->ctx = ctx;
      for (Expr* x : as<Tuple>(e)->elts) set_context(x, ctx, why);
      return;
    case ExprKind::List:
      as<List>(e)->ctx = ctx;
      for (Expr* x : as<List>(e)->elts) set_context(x, ctx, why);
      return;
    default: return;
  }
}

}  // namespace corio::py
