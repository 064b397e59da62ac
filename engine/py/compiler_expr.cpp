// corio::py compiler, expressions: operators, short-circuit jumps and
// chained comparisons, conditional expressions, constants (with the folding
// CPython's AST optimizer does for constant tuples and negative numbers),
// displays with star-unpacking, calls (plain, method, keyword, *args and
// **kwargs forms), f-strings, attributes, subscripts, slices and unpacking
// assignment targets.
#include <unordered_set>

#include "py/compiler.hpp"
#include "py/compiler_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

namespace {
// Above this many items, displays and calls are built incrementally
// (CPython's STACK_USE_GUIDELINE), so the stack stays small.
constexpr size_t kStackUseGuideline = 30;
}  // namespace

BinaryOp binary_op_of(BinOpKind op, bool inplace) {
  BinaryOp b = BinaryOp::Add;
  switch (op) {
    case BinOpKind::Add: b = BinaryOp::Add; break;
    case BinOpKind::Sub: b = BinaryOp::Subtract; break;
    case BinOpKind::Mult: b = BinaryOp::Multiply; break;
    case BinOpKind::MatMult: b = BinaryOp::MatrixMultiply; break;
    case BinOpKind::Div: b = BinaryOp::TrueDivide; break;
    case BinOpKind::Mod: b = BinaryOp::Remainder; break;
    case BinOpKind::Pow: b = BinaryOp::Power; break;
    case BinOpKind::LShift: b = BinaryOp::Lshift; break;
    case BinOpKind::RShift: b = BinaryOp::Rshift; break;
    case BinOpKind::BitOr: b = BinaryOp::Or; break;
    case BinOpKind::BitXor: b = BinaryOp::Xor; break;
    case BinOpKind::BitAnd: b = BinaryOp::And; break;
    case BinOpKind::FloorDiv: b = BinaryOp::FloorDivide; break;
  }
  if (inplace) b = static_cast<BinaryOp>(static_cast<int>(b) + static_cast<int>(BinaryOp::InplaceAdd));
  return b;
}

// ------------------------------------------------------------ constants

// Constants as CPython's AST optimizer leaves them: literals, tuples of
// constants, and negated int/float literals.
bool Compiler::is_const(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Constant: return true;
    case ExprKind::Tuple: {
      const auto* t = as<Tuple>(e);
      if (t->ctx != ExprContext::Load) return false;
      for (const Expr* elt : t->elts)
        if (!is_const(elt)) return false;
      return true;
    }
    case ExprKind::UnaryOp: {
      const auto* u = as<UnaryOp>(e);
      if (u->op != UnaryOpKind::USub || u->operand->kind != ExprKind::Constant) return false;
      const auto* c = as<Constant>(u->operand);
      return (c->value_kind == ConstantKind::Int && c->int_fits) || c->value_kind == ConstantKind::Float;
    }
    default: return false;
  }
}

ConstantSpec Compiler::constant_of(const Expr* e) {
  if (e->kind == ExprKind::Tuple) {
    ConstantSpec::Tuple items;
    for (const Expr* elt : as<Tuple>(e)->elts) items.push_back(constant_of(elt));
    return ConstantSpec{std::move(items)};
  }
  if (e->kind == ExprKind::UnaryOp) {
    const auto* c = as<Constant>(as<UnaryOp>(e)->operand);
    if (c->value_kind == ConstantKind::Int) return ConstantSpec{-c->int_value};
    return ConstantSpec{-c->float_value};
  }
  const auto* c = as<Constant>(e);
  switch (c->value_kind) {
    case ConstantKind::None: return ConstantSpec{ConstantSpec::None{}};
    case ConstantKind::True: return ConstantSpec{true};
    case ConstantKind::False: return ConstantSpec{false};
    case ConstantKind::Ellipsis: return ConstantSpec{ConstantSpec::Ellipsis{}};
    case ConstantKind::Int:
      if (c->int_fits) return ConstantSpec{c->int_value};
      return ConstantSpec{ConstantSpec::BigIntText{c->text, c->int_base}};
    case ConstantKind::Float: return ConstantSpec{c->float_value};
    case ConstantKind::Complex: return ConstantSpec{ConstantSpec::Complex{c->float_value}};
    case ConstantKind::Str: return ConstantSpec{c->text};
    case ConstantKind::Bytes: return ConstantSpec{ConstantSpec::Bytes{c->text}};
  }
  return ConstantSpec{ConstantSpec::None{}};
}

ConstantSpec Compiler::const_tuple(const ExprList& elts) const {
  ConstantSpec::Tuple items;
  for (const Expr* elt : elts) items.push_back(constant_of(elt));
  return ConstantSpec{std::move(items)};
}

namespace {
// The truth value of a constant expression, as `if` would see it.
bool const_truth(const ConstantSpec& c) {
  struct Visitor {
    bool operator()(ConstantSpec::None) { return false; }
    bool operator()(ConstantSpec::Ellipsis) { return true; }
    bool operator()(bool b) { return b; }
    bool operator()(int64_t v) { return v != 0; }
    bool operator()(const ConstantSpec::BigIntText&) { return true; }
    bool operator()(double d) { return d != 0.0; }
    bool operator()(const ConstantSpec::Complex& c) { return c.imag != 0.0; }
    bool operator()(const std::string& s) { return !s.empty(); }
    bool operator()(const ConstantSpec::Bytes& b) { return !b.data.empty(); }
    bool operator()(const ConstantSpec::Tuple& t) { return !t.empty(); }
    bool operator()(const std::shared_ptr<const CodeSpec>&) { return true; }
  };
  return std::visit(Visitor{}, c.value);
}
}  // namespace

// ------------------------------------------------------------ dispatch

void Compiler::visit_expr(const Expr* e) {
  const Position saved = u().loc;
  set_loc(e);
  visit_expr1(e);
  u().loc = saved;
}

void Compiler::visit_expr1(const Expr* e) {
  if (is_const(e) && (e->kind != ExprKind::Tuple || as<Tuple>(e)->ctx == ExprContext::Load))
    return load_const(constant_of(e));
  switch (e->kind) {
    case ExprKind::BoolOp: return boolop(as<BoolOp>(e));
    case ExprKind::NamedExpr:
      visit_expr(as<NamedExpr>(e)->value);
      emit(Op::COPY, 1);
      return visit_expr(as<NamedExpr>(e)->target);
    case ExprKind::BinOp:
      visit_expr(as<BinOp>(e)->left);
      visit_expr(as<BinOp>(e)->right);
      return emit(Op::BINARY_OP, static_cast<uint32_t>(binary_op_of(as<BinOp>(e)->op, false)));
    case ExprKind::UnaryOp: {
      static const Op ops[] = {Op::UNARY_INVERT, Op::UNARY_NOT, Op::UNARY_POSITIVE, Op::UNARY_NEGATIVE};
      visit_expr(as<UnaryOp>(e)->operand);
      return emit(ops[static_cast<int>(as<UnaryOp>(e)->op)]);
    }
    case ExprKind::Lambda: return lambda(as<Lambda>(e));
    case ExprKind::IfExp: return ifexp(as<IfExp>(e));
    case ExprKind::Dict: return dict(as<Dict>(e));
    case ExprKind::Set: return starunpack(as<Set>(e)->elts, 0, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE, false);
    case ExprKind::GeneratorExp: {
      const auto* g = as<GeneratorExp>(e);
      return comprehension(e, "<genexpr>", 0, g->generators, g->elt, nullptr);
    }
    case ExprKind::ListComp: {
      const auto* g = as<ListComp>(e);
      return comprehension(e, "<listcomp>", 1, g->generators, g->elt, nullptr);
    }
    case ExprKind::SetComp: {
      const auto* g = as<SetComp>(e);
      return comprehension(e, "<setcomp>", 2, g->generators, g->elt, nullptr);
    }
    case ExprKind::DictComp: {
      const auto* g = as<DictComp>(e);
      return comprehension(e, "<dictcomp>", 3, g->generators, g->key, g->value);
    }
    case ExprKind::Yield: return yield_expr(as<Yield>(e));
    case ExprKind::YieldFrom: return yield_from(as<YieldFrom>(e));
    case ExprKind::Await: return await_expr(as<Await>(e));
    case ExprKind::Compare: return compare(as<Compare>(e));
    case ExprKind::Call: return call(as<Call>(e));
    case ExprKind::FormattedValue: return formatted_value(as<FormattedValue>(e));
    case ExprKind::JoinedStr: return joined_str(as<JoinedStr>(e));
    case ExprKind::Constant: return load_const(constant_of(e));
    case ExprKind::Attribute: return attribute(as<Attribute>(e));
    case ExprKind::Subscript: return subscript(as<Subscript>(e));
    case ExprKind::Starred:
      if (as<Starred>(e)->ctx == ExprContext::Store) error("starred assignment target must be in a list or tuple");
      error("can't use starred expression here");
    case ExprKind::Name: {
      const auto* n = as<Name>(e);
      if (n->ctx == ExprContext::Load && n->id == "__debug__") return load_const(ConstantSpec{true});
      forbidden_name(n->id, n->ctx, e->loc);
      return nameop(n->id, n->ctx);
    }
    case ExprKind::List: {
      const auto* l = as<List>(e);
      if (l->ctx == ExprContext::Store) return unpack_assignment(l->elts);
      if (l->ctx == ExprContext::Del) return visit_exprs(l->elts);
      return starunpack(l->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, false);
    }
    case ExprKind::Tuple: {
      const auto* t = as<Tuple>(e);
      if (t->ctx == ExprContext::Store) return unpack_assignment(t->elts);
      if (t->ctx == ExprContext::Del) return visit_exprs(t->elts);
      return starunpack(t->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
    }
    case ExprKind::Slice: return slice(as<Slice>(e));
  }
}

// ------------------------------------------------------------ jumps

// Jumps to `label` when e's truth equals `cond`, without materialising
// boolean values for not/and/or/if-else/chained comparisons.
void Compiler::jump_if(const Expr* e, int label, bool cond) {
  if (is_const(e)) {
    if (const_truth(constant_of(e)) == cond) emit_jump(Op::JUMP, label);
    return;
  }
  switch (e->kind) {
    case ExprKind::UnaryOp:
      if (as<UnaryOp>(e)->op == UnaryOpKind::Not) return jump_if(as<UnaryOp>(e)->operand, label, !cond);
      break;
    case ExprKind::BoolOp: {
      const auto* b = as<BoolOp>(e);
      const bool cond2 = b->op == BoolOpKind::Or;
      const int next2 = cond2 != cond ? new_label() : label;
      for (size_t i = 0; i + 1 < b->values.size(); ++i) jump_if(b->values[i], next2, cond2);
      jump_if(b->values.back(), label, cond);
      if (next2 != label) bind(next2);
      return;
    }
    case ExprKind::IfExp: {
      const auto* x = as<IfExp>(e);
      const int end = new_label(), next2 = new_label();
      jump_if(x->test, next2, false);
      jump_if(x->body, label, cond);
      emit_jump(Op::JUMP, end);
      bind(next2);
      jump_if(x->orelse, label, cond);
      bind(end);
      return;
    }
    case ExprKind::Compare: {
      const auto* c = as<Compare>(e);
      const size_t n = c->ops.size() - 1;
      if (n == 0) break;
      set_loc(e);
      const int cleanup = new_label(), end = new_label();
      visit_expr(c->left);
      for (size_t i = 0; i < n; ++i) {
        visit_expr(c->comparators[i]);
        emit(Op::SWAP, 2);
        emit(Op::COPY, 2);
        compare_op(c->ops[i]);
        emit_jump(Op::POP_JUMP_IF_FALSE, cleanup);
      }
      visit_expr(c->comparators[n]);
      compare_op(c->ops[n]);
      emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
      emit_jump(Op::JUMP, end);
      bind(cleanup);
      emit(Op::POP_TOP);
      if (!cond) emit_jump(Op::JUMP, label);
      bind(end);
      return;  // the compare's position stays current (see below)
    }
    default: break;
  }
  visit_expr(e);
  // CPython 3.11: after a test that is a comparison, its position stays the
  // current one for what follows (the jump, an assert's raise), so a failed
  // `assert len(x) == 2` points its carets at the comparison.
  if (e->kind == ExprKind::Compare) set_loc(e);
  emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
}

void Compiler::boolop(const BoolOp* e) {
  const Op jump = e->op == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
  const int end = new_label();
  for (size_t i = 0; i + 1 < e->values.size(); ++i) {
    visit_expr(e->values[i]);
    emit_jump(jump, end);
  }
  visit_expr(e->values.back());
  bind(end);
}

void Compiler::compare_op(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: return emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Eq));
    case CmpOpKind::NotEq: return emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ne));
    case CmpOpKind::Lt: return emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Lt));
    case CmpOpKind::LtE: return emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Le));
    case CmpOpKind::Gt: return emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Gt));
    case CmpOpKind::GtE: return emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ge));
    case CmpOpKind::Is: return emit(Op::IS_OP, 0);
    case CmpOpKind::IsNot: return emit(Op::IS_OP, 1);
    case CmpOpKind::In: return emit(Op::CONTAINS_OP, 0);
    case CmpOpKind::NotIn: return emit(Op::CONTAINS_OP, 1);
  }
}

// a < b < c: each middle operand is evaluated once and kept (SWAP/COPY)
// for the next comparison; the first false result short-circuits.
void Compiler::compare(const Compare* e) {
  visit_expr(e->left);
  const size_t n = e->ops.size() - 1;
  if (n == 0) {
    visit_expr(e->comparators[0]);
    return compare_op(e->ops[0]);
  }
  const int cleanup = new_label(), end = new_label();
  for (size_t i = 0; i < n; ++i) {
    visit_expr(e->comparators[i]);
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    compare_op(e->ops[i]);
    emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  visit_expr(e->comparators[n]);
  compare_op(e->ops[n]);
  emit_jump(Op::JUMP, end);
  bind(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_TOP);
  bind(end);
}

void Compiler::ifexp(const IfExp* e) {
  const int end = new_label(), next = new_label();
  jump_if(e->test, next, false);
  visit_expr(e->body);
  emit_jump(Op::JUMP, end);
  bind(next);
  visit_expr(e->orelse);
  bind(end);
}

// ------------------------------------------------------------ calls

void Compiler::validate_keywords(const std::vector<Keyword*>& keywords) {
  std::unordered_set<std::string_view> seen;
  for (const Keyword* k : keywords) {
    if (!k->has_arg) continue;
    forbidden_name(k->arg, ExprContext::Store, k->loc);
    if (!seen.insert(k->arg).second) error_at(k->loc, "keyword argument repeated: " + k->arg);
  }
}

void Compiler::call(const Call* e) {
  validate_keywords(e->keywords);
  if (method_call(e)) return;
  emit(Op::PUSH_NULL);
  visit_expr(e->func);
  call_helper(0, e->args, e->keywords);
}

// o.m(args): LOAD_METHOD avoids creating a bound method.
bool Compiler::method_call(const Call* e) {
  if (e->func->kind != ExprKind::Attribute || as<Attribute>(e->func)->ctx != ExprContext::Load) return false;
  const size_t nargs = e->args.size(), nkw = e->keywords.size();
  if (nargs + nkw + (nkw ? 1 : 0) >= kStackUseGuideline) return false;
  for (const Expr* a : e->args)
    if (a->kind == ExprKind::Starred) return false;
  for (const Keyword* k : e->keywords)
    if (!k->has_arg) return false;
  const auto* meth = as<Attribute>(e->func);
  visit_expr(meth->value);
  emit_name(Op::LOAD_METHOD, meth->attr);
  visit_exprs(e->args);
  for (const Keyword* k : e->keywords) visit_expr(k->value);
  if (nkw) {
    keyword_names(e->keywords, 0, nkw);
    emit(Op::CALL_KW, static_cast<uint32_t>(nargs + nkw));
  } else {
    emit(Op::CALL, static_cast<uint32_t>(nargs));
  }
  return true;
}

void Compiler::keyword_names(const std::vector<Keyword*>& keywords, size_t begin, size_t end) {
  ConstantSpec::Tuple names;
  for (size_t i = begin; i < end; ++i) names.push_back(ConstantSpec{keywords[i]->arg});
  load_const(ConstantSpec{std::move(names)});
}

// The arguments of a call whose callable (and `pushed` leading arguments)
// are on the stack: CALL/CALL_KW, or CALL_FUNCTION_EX when there are
// starred arguments, ** mappings or too many arguments.
void Compiler::call_helper(int pushed, const ExprList& args, const std::vector<Keyword*>& keywords) {
  const size_t nargs = args.size(), nkw = keywords.size();
  bool ex_call = nargs + nkw * 2 > kStackUseGuideline;
  for (const Expr* a : args)
    if (a->kind == ExprKind::Starred) ex_call = true;
  for (const Keyword* k : keywords)
    if (!k->has_arg) ex_call = true;
  if (!ex_call) {
    visit_exprs(args);
    for (const Keyword* k : keywords) visit_expr(k->value);
    const uint32_t n = static_cast<uint32_t>(static_cast<size_t>(pushed) + nargs + nkw);
    if (nkw) {
      keyword_names(keywords, 0, nkw);
      emit(Op::CALL_KW, n);
    } else {
      emit(Op::CALL, n);
    }
    return;
  }
  if (pushed == 0 && nargs == 1 && args[0]->kind == ExprKind::Starred)
    visit_expr(as<Starred>(args[0])->value);
  else
    starunpack(args, pushed, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
  if (nkw) {
    bool have_dict = false;
    size_t seen = 0;  // plain keywords not yet in a dict
    for (size_t i = 0; i < nkw; ++i) {
      const Keyword* k = keywords[i];
      if (k->has_arg) {
        ++seen;
        continue;
      }
      if (seen) {
        subkwargs(keywords, i - seen, i);
        if (have_dict) emit(Op::DICT_MERGE, 1);
        have_dict = true;
        seen = 0;
      }
      if (!have_dict) {
        emit(Op::BUILD_MAP, 0);
        have_dict = true;
      }
      visit_expr(k->value);
      emit(Op::DICT_MERGE, 1);
    }
    if (seen) {
      subkwargs(keywords, nkw - seen, nkw);
      if (have_dict) emit(Op::DICT_MERGE, 1);
    }
  }
  emit(Op::CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
}

// A dict of the keywords [begin, end).
void Compiler::subkwargs(const std::vector<Keyword*>& keywords, size_t begin, size_t end) {
  const size_t n = end - begin;
  const bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    for (size_t i = begin; i < end; ++i) visit_expr(keywords[i]->value);
    keyword_names(keywords, begin, end);
    emit(Op::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
    return;
  }
  if (big) emit(Op::BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    load_const(ConstantSpec{keywords[i]->arg});
    visit_expr(keywords[i]->value);
    if (big) emit(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, static_cast<uint32_t>(n));
}

// ------------------------------------------------------------ displays

// [a, *b, c] and friends (`pushed` items are already on the stack).
void Compiler::starunpack(const ExprList& elts, int pushed, Op build, Op add, Op extend, bool tuple) {
  const size_t n = elts.size();
  const uint32_t p = static_cast<uint32_t>(pushed);
  bool all_const = n > 2;
  for (const Expr* e : elts)
    if (!is_const(e)) all_const = false;
  if (all_const) {
    if (tuple && pushed == 0) return load_const(const_tuple(elts));
    emit(build, p);
    load_const(const_tuple(elts));
    emit(extend, 1);
    if (tuple) emit(Op::LIST_TO_TUPLE);
    return;
  }
  const bool big = n + p > kStackUseGuideline;
  bool seen_star = false;
  for (const Expr* e : elts)
    if (e->kind == ExprKind::Starred) seen_star = true;
  if (!seen_star && !big) {
    visit_exprs(elts);
    emit(tuple ? Op::BUILD_TUPLE : build, static_cast<uint32_t>(n) + p);
    return;
  }
  bool built = false;
  if (big) {
    emit(build, p);
    built = true;
  }
  for (size_t i = 0; i < n; ++i) {
    const Expr* e = elts[i];
    if (e->kind == ExprKind::Starred) {
      if (!built) {
        emit(build, static_cast<uint32_t>(i) + p);
        built = true;
      }
      visit_expr(as<Starred>(e)->value);
      emit(extend, 1);
    } else {
      visit_expr(e);
      if (built) emit(add, 1);
    }
  }
  if (tuple) emit(Op::LIST_TO_TUPLE);
}

// {k: v, **m, ...}: runs of plain items become one dict each, merged in order.
void Compiler::dict(const Dict* e) {
  const size_t n = e->values.size();
  bool have_dict = false;
  size_t elements = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!e->keys[i]) {
      if (elements) {
        subdict(e, i - elements, i);
        if (have_dict) emit(Op::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Op::BUILD_MAP, 0);
        have_dict = true;
      }
      visit_expr(e->values[i]);
      emit(Op::DICT_UPDATE, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      subdict(e, i - elements, i + 1);
      if (have_dict) emit(Op::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements) {
    subdict(e, n - elements, n);
    if (have_dict) emit(Op::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Op::BUILD_MAP, 0);
}

void Compiler::subdict(const Dict* e, size_t begin, size_t end) {
  const size_t n = end - begin;
  const bool big = n * 2 > kStackUseGuideline;
  bool const_keys = n > 1 && !big;
  for (size_t i = begin; const_keys && i < end; ++i) const_keys = is_const(e->keys[i]);
  if (const_keys) {
    for (size_t i = begin; i < end; ++i) visit_expr(e->values[i]);
    ConstantSpec::Tuple keys;
    for (size_t i = begin; i < end; ++i) keys.push_back(constant_of(e->keys[i]));
    load_const(ConstantSpec{std::move(keys)});
    emit(Op::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
    return;
  }
  if (big) emit(Op::BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    visit_expr(e->keys[i]);
    visit_expr(e->values[i]);
    if (big) emit(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, static_cast<uint32_t>(n));
}

// ------------------------------------------------------------ f-strings

void Compiler::joined_str(const JoinedStr* e) {
  const size_t n = e->values.size();
  if (n > kStackUseGuideline) {
    // ''.join([...]) keeps the stack shallow.
    load_const(ConstantSpec{std::string()});
    emit_name(Op::LOAD_METHOD, "join");
    emit(Op::BUILD_LIST, 0);
    for (const Expr* v : e->values) {
      visit_expr(v);
      emit(Op::LIST_APPEND, 1);
    }
    emit(Op::CALL, 1);
    return;
  }
  visit_exprs(e->values);
  if (n != 1) emit(Op::BUILD_STRING, static_cast<uint32_t>(n));
}

void Compiler::formatted_value(const FormattedValue* e) {
  visit_expr(e->value);
  uint32_t flags = kFormatConvNone;
  switch (e->conversion) {
    case 's': flags = kFormatConvStr; break;
    case 'r': flags = kFormatConvRepr; break;
    case 'a': flags = kFormatConvAscii; break;
    default: break;
  }
  if (e->format_spec) {
    visit_expr(e->format_spec);
    flags |= kFormatHasSpec;
  }
  emit(Op::FORMAT_VALUE, flags);
}

// ------------------------------------------------------------ targets and access

void Compiler::slice(const Slice* e) {
  uint32_t n = 2;
  if (e->lower)
    visit_expr(e->lower);
  else
    load_none();
  if (e->upper)
    visit_expr(e->upper);
  else
    load_none();
  if (e->step) {
    visit_expr(e->step);
    n = 3;
  }
  emit(Op::BUILD_SLICE, n);
}

void Compiler::subscript(const Subscript* e) {
  visit_expr(e->value);
  visit_expr(e->slice);
  static const Op ops[] = {Op::BINARY_SUBSCR, Op::STORE_SUBSCR, Op::DELETE_SUBSCR};
  emit(ops[static_cast<int>(e->ctx)]);
}

void Compiler::attribute(const Attribute* e) {
  visit_expr(e->value);
  if (e->ctx != ExprContext::Load) forbidden_name(e->attr, e->ctx, e->loc);
  static const Op ops[] = {Op::LOAD_ATTR, Op::STORE_ATTR, Op::DELETE_ATTR};
  emit_name(ops[static_cast<int>(e->ctx)], e->attr);
}

// a, *b, c = value: UNPACK_SEQUENCE or UNPACK_EX, then store each target.
void Compiler::unpack_assignment(const ExprList& elts) {
  const size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (elts[i]->kind != ExprKind::Starred) continue;
    if (seen_star) error("multiple starred expressions in assignment");
    if (i >= (1u << 8) || n - i - 1 >= (1u << 16)) error("too many expressions in star-unpacking assignment");
    emit(Op::UNPACK_EX, static_cast<uint32_t>(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
  for (const Expr* elt : elts) visit_expr(elt->kind == ExprKind::Starred ? as<Starred>(elt)->value : elt);
}

}  // namespace corio::py
