// corio::py compiler, the match statement: every pattern kind, compiled as
// CPython 3.11 does. A pattern consumes the subject on top of the stack; on
// success the values it captures are left on the stack (stored by the case
// once the whole pattern matched), on failure it jumps to a "fail_pop"
// label that pops whatever is still on the stack.
#include <set>

#include "py/compiler.hpp"
#include "py/compiler_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

struct Compiler::PatternContext {
  std::vector<std::string> stores;  // names captured so far, in stack order
  bool allow_irrefutable = false;
  std::vector<int> fail_pop;        // fail_pop[n]: pop n items, then fail
  int on_top = 0;                   // items above the captures
};

namespace {
bool is_wildcard(const Pattern* p) {
  return p->kind == PatternKind::MatchAs && !as<MatchAs>(p)->pattern && !as<MatchAs>(p)->has_name;
}
bool is_wildcard_star(const Pattern* p) {
  return p->kind == PatternKind::MatchStar && !as<MatchStar>(p)->has_name;
}
// CPython formats these names with %R.
std::string quoted(const char* before, const std::string& name, const char* after) {
  std::string out = before;
  out += '\'';
  out += name;
  out += '\'';
  out += after;
  return out;
}
}  // namespace

void Compiler::match_stmt(const Match* s) {
  visit_expr(s->subject);
  const int end = new_label();
  const size_t cases = s->cases.size();
  const bool has_default = is_wildcard(s->cases.back()->pattern) && cases > 1;
  for (size_t i = 0; i + (has_default ? 1 : 0) < cases; ++i) {
    const MatchCase* m = s->cases[i];
    set_loc(m->pattern);
    const bool last = i + 1 == cases - (has_default ? 1 : 0);
    if (!last) emit(Op::COPY, 1);  // keep the subject for the next case
    PatternContext pc;
    pc.allow_irrefutable = m->guard != nullptr || i + 1 == cases;
    pattern(m->pattern, pc);
    for (const std::string& name : pc.stores) nameop(name, ExprContext::Store);
    if (m->guard) {
      ensure_fail_pop(pc, 0);
      jump_if(m->guard, pc.fail_pop[0], false);
    }
    if (!last) emit(Op::POP_TOP);
    visit_stmts(m->body);
    emit_jump(Op::JUMP, end);
    set_loc(m->pattern);
    emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    const MatchCase* m = s->cases.back();
    set_loc(m->pattern);
    if (cases == 1) emit(Op::POP_TOP);
    if (m->guard) jump_if(m->guard, end, false);
    visit_stmts(m->body);
  }
  bind(end);
}

// ------------------------------------------------------------ failure paths

void Compiler::ensure_fail_pop(PatternContext& pc, size_t n) {
  while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_label());
}

void Compiler::jump_to_fail_pop(PatternContext& pc, Op op) {
  const size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
  ensure_fail_pop(pc, pops);
  emit_jump(op, pc.fail_pop[pops]);
}

// fail_pop[n] pops one item and falls into fail_pop[n-1].
void Compiler::emit_and_reset_fail_pop(PatternContext& pc) {
  if (pc.fail_pop.empty()) return;
  for (size_t n = pc.fail_pop.size() - 1; n > 0; --n) {
    bind(pc.fail_pop[n]);
    emit(Op::POP_TOP);
  }
  bind(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

// ------------------------------------------------------------ helpers

void Compiler::pattern_rotate(int count) {
  while (count > 1) emit(Op::SWAP, static_cast<uint32_t>(count--));
}

// Captures the subject on top under `name` (nullptr: just pop it), moving it
// below the items still in use.
void Compiler::pattern_store_name(const std::string* name, const Loc& loc, PatternContext& pc) {
  if (!name) {
    emit(Op::POP_TOP);
    return;
  }
  forbidden_name(*name, ExprContext::Store, loc);
  for (const std::string& s : pc.stores)
    if (s == *name) error(quoted("multiple assignments to name ", *name, " in pattern"));
  pattern_rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
  pc.stores.push_back(*name);
}

void Compiler::pattern_unpack(const PatternList& elts) {
  const size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (elts[i]->kind != PatternKind::MatchStar) continue;
    if (seen_star) error("multiple starred expressions in sequence pattern");
    if (i >= (1u << 8) || n - i - 1 >= (1u << 16)) error("too many expressions in star-unpacking sequence pattern");
    emit(Op::UNPACK_EX, static_cast<uint32_t>(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
}

void Compiler::pattern_sequence_unpack(const PatternList& patterns, PatternContext& pc) {
  pattern_unpack(patterns);
  const int size = static_cast<int>(patterns.size());
  pc.on_top += size;
  for (const Pattern* p : patterns) {
    --pc.on_top;
    pattern_subpattern(p, pc);
  }
}

// [a, *_, b]: index the subject instead of unpacking it all.
void Compiler::pattern_sequence_subscr(const PatternList& patterns, int star, PatternContext& pc) {
  ++pc.on_top;
  const int size = static_cast<int>(patterns.size());
  for (int i = 0; i < size; ++i) {
    const Pattern* p = patterns[static_cast<size_t>(i)];
    if (is_wildcard(p) || i == star) continue;
    emit(Op::COPY, 1);
    if (i < star) {
      load_const(ConstantSpec{int64_t{i}});
    } else {
      // The subject may not support negative indexes: use len - k.
      emit(Op::GET_LEN);
      load_const(ConstantSpec{int64_t{size - i}});
      emit(Op::BINARY_OP, static_cast<uint32_t>(BinaryOp::Subtract));
    }
    emit(Op::BINARY_SUBSCR);
    pattern_subpattern(p, pc);
  }
  --pc.on_top;
  emit(Op::POP_TOP);
}

void Compiler::pattern_subpattern(const Pattern* p, PatternContext& pc) {
  const bool allow = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  pattern(p, pc);
  pc.allow_irrefutable = allow;
}

// ------------------------------------------------------------ patterns

void Compiler::pattern(const Pattern* p, PatternContext& pc) {
  set_loc(p);
  switch (p->kind) {
    case PatternKind::MatchValue: return pattern_value(as<MatchValue>(p), pc);
    case PatternKind::MatchSingleton: return pattern_singleton(as<MatchSingleton>(p), pc);
    case PatternKind::MatchSequence: return pattern_sequence(as<MatchSequence>(p), pc);
    case PatternKind::MatchMapping: return pattern_mapping(as<MatchMapping>(p), pc);
    case PatternKind::MatchClass: return pattern_class(as<MatchClass>(p), pc);
    case PatternKind::MatchStar: return pattern_star(as<MatchStar>(p), pc);
    case PatternKind::MatchAs: return pattern_as(as<MatchAs>(p), pc);
    case PatternKind::MatchOr: return pattern_or(as<MatchOr>(p), pc);
  }
}

void Compiler::pattern_as(const MatchAs* p, PatternContext& pc) {
  const std::string* name = p->has_name ? &p->name : nullptr;
  if (!p->pattern) {
    if (!pc.allow_irrefutable) {
      if (name) error(quoted("name capture ", *name, " makes remaining patterns unreachable"));
      error("wildcard makes remaining patterns unreachable");
    }
    return pattern_store_name(name, p->loc, pc);
  }
  ++pc.on_top;
  emit(Op::COPY, 1);
  pattern(p->pattern, pc);
  --pc.on_top;
  set_loc(p);
  pattern_store_name(name, p->loc, pc);
}

void Compiler::pattern_star(const MatchStar* p, PatternContext& pc) {
  pattern_store_name(p->has_name ? &p->name : nullptr, p->loc, pc);
}

void Compiler::pattern_value(const MatchValue* p, PatternContext& pc) {
  visit_expr(p->value);
  compare_op(CmpOpKind::Eq);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
}

void Compiler::pattern_singleton(const MatchSingleton* p, PatternContext& pc) {
  if (p->value == ConstantKind::None)
    load_none();
  else
    load_const(ConstantSpec{p->value == ConstantKind::True});
  emit(Op::IS_OP, 0);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
}

void Compiler::pattern_sequence(const MatchSequence* p, PatternContext& pc) {
  const PatternList& patterns = p->patterns;
  const int size = static_cast<int>(patterns.size());
  int star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (int i = 0; i < size; ++i) {
    const Pattern* sub = patterns[static_cast<size_t>(i)];
    if (sub->kind == PatternKind::MatchStar) {
      if (star >= 0) error("multiple starred names in sequence pattern");
      star_wildcard = is_wildcard_star(sub);
      only_wildcard = only_wildcard && star_wildcard;
      star = i;
      continue;
    }
    only_wildcard = only_wildcard && is_wildcard(sub);
  }
  ++pc.on_top;
  emit(Op::MATCH_SEQUENCE);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (star < 0) {
    emit(Op::GET_LEN);
    load_const(ConstantSpec{int64_t{size}});
    compare_op(CmpOpKind::Eq);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    emit(Op::GET_LEN);
    load_const(ConstantSpec{int64_t{size - 1}});
    compare_op(CmpOpKind::GtE);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  --pc.on_top;
  if (only_wildcard)
    emit(Op::POP_TOP);
  else if (star_wildcard)
    pattern_sequence_subscr(patterns, star, pc);
  else
    pattern_sequence_unpack(patterns, pc);
}

void Compiler::pattern_mapping(const MatchMapping* p, PatternContext& pc) {
  const size_t size = p->keys.size();
  ++pc.on_top;
  emit(Op::MATCH_MAPPING);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (size == 0 && !p->has_rest) {
    --pc.on_top;
    emit(Op::POP_TOP);
    return;
  }
  if (size) {
    emit(Op::GET_LEN);
    load_const(ConstantSpec{static_cast<int64_t>(size)});
    compare_op(CmpOpKind::GtE);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  // Constant keys seen so far, as (kind, text): keys equal as Python
  // values (1, 1.0, True) count as duplicates too.
  std::set<std::pair<int, std::string>> seen;
  for (const Expr* key : p->keys) {
    if (is_const(key)) {
      const ConstantSpec c = constant_of(key);
      std::pair<int, std::string> k{-1, std::string()};
      if (const auto* i = std::get_if<int64_t>(&c.value)) k = {0, std::to_string(*i)};
      else if (const auto* b = std::get_if<bool>(&c.value)) k = {0, *b ? "1" : "0"};
      else if (const auto* s = std::get_if<std::string>(&c.value)) k = {1, *s};
      else if (const auto* y = std::get_if<ConstantSpec::Bytes>(&c.value)) k = {2, y->data};
      else if (std::holds_alternative<ConstantSpec::None>(c.value)) k = {3, "None"};
      if (k.first >= 0 && !seen.insert(k).second) {
        const bool str = key->kind == ExprKind::Constant && as<Constant>(key)->value_kind == ConstantKind::Str;
        error(str ? quoted("mapping pattern checks duplicate key (", k.second, ")")
                  : "mapping pattern checks duplicate key (" + k.second + ")");
      }
    } else if (key->kind != ExprKind::Attribute) {
      error("mapping pattern keys may only match literals and attribute lookups");
    }
    visit_expr(key);
  }
  emit(Op::BUILD_TUPLE, static_cast<uint32_t>(size));
  emit(Op::MATCH_KEYS);  // [subject, keys, values-or-None]
  pc.on_top += 2;
  emit(Op::COPY, 1);
  load_none();
  emit(Op::IS_OP, 1);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
  pc.on_top += static_cast<int>(size) - 1;
  for (const Pattern* sub : p->patterns) {
    --pc.on_top;
    pattern_subpattern(sub, pc);
  }
  // What follows consumes the keys tuple.
  --pc.on_top;
  if (p->has_rest) {
    emit(Op::COPY_DICT_WITHOUT_KEYS);
    pattern_store_name(&p->rest, p->loc, pc);
  } else {
    emit(Op::POP_TOP);
  }
  --pc.on_top;
  emit(Op::POP_TOP);  // the subject
}

void Compiler::pattern_class(const MatchClass* p, PatternContext& pc) {
  const size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
  for (size_t i = 0; i < nattrs; ++i) {
    set_loc(p->kwd_patterns[i]);
    forbidden_name(p->kwd_attrs[i], ExprContext::Store, p->kwd_patterns[i]->loc);
    for (size_t j = i + 1; j < nattrs; ++j)
      if (p->kwd_attrs[i] == p->kwd_attrs[j]) {
        set_loc(p->kwd_patterns[j]);
        error("attribute name repeated in class pattern: " + p->kwd_attrs[i]);
      }
  }
  set_loc(p);
  visit_expr(p->cls);
  ConstantSpec::Tuple names;
  for (const std::string& a : p->kwd_attrs) names.push_back(ConstantSpec{a});
  load_const(ConstantSpec{std::move(names)});
  emit(Op::MATCH_CLASS, static_cast<uint32_t>(nargs));
  emit(Op::COPY, 1);
  load_none();
  emit(Op::IS_OP, 1);
  ++pc.on_top;  // the attribute tuple
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(nargs + nattrs));
  pc.on_top += static_cast<int>(nargs + nattrs) - 1;
  for (size_t i = 0; i < nargs + nattrs; ++i) {
    --pc.on_top;
    const Pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
    if (is_wildcard(sub)) {
      emit(Op::POP_TOP);
      continue;
    }
    pattern_subpattern(sub, pc);
  }
}

// a | b | c: each alternative runs on a copy of the subject; all must bind
// the same names, and their captures are rotated into one order.
void Compiler::pattern_or(const MatchOr* p, PatternContext& pc) {
  const int end = new_label();
  const size_t size = p->patterns.size();
  PatternContext old = pc;
  std::vector<std::string> control;
  for (size_t i = 0; i < size; ++i) {
    const Pattern* alt = p->patterns[i];
    set_loc(alt);
    pc.stores.clear();
    pc.allow_irrefutable = i + 1 == size && old.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    emit(Op::COPY, 1);
    pattern(alt, pc);
    const size_t nstores = pc.stores.size();
    if (i == 0) {
      control = pc.stores;
    } else if (nstores != control.size()) {
      error("alternative patterns bind different names");
    } else if (nstores) {
      for (size_t icontrol = nstores; icontrol-- > 0;) {
        const std::string& name = control[icontrol];
        size_t istores = 0;
        while (istores < nstores && pc.stores[istores] != name) ++istores;
        if (istores == nstores) error("alternative patterns bind different names");
        if (icontrol != istores) {
          // Move the captures into the control order, on the stack and in stores.
          const size_t rotations = istores + 1;
          std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + static_cast<long>(rotations));
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + static_cast<long>(rotations));
          pc.stores.insert(pc.stores.begin() + static_cast<long>(icontrol - istores), rotated.begin(), rotated.end());
          for (size_t r = 0; r < rotations; ++r) pattern_rotate(static_cast<int>(icontrol) + 1);
        }
      }
    }
    emit_jump(Op::JUMP, end);
    emit_and_reset_fail_pop(pc);
  }
  pc = old;
  // No alternative matched: pop the subject and fail.
  emit(Op::POP_TOP);
  jump_to_fail_pop(pc, Op::JUMP);
  bind(end);
  const int nrots = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
  for (const std::string& name : control) {
    pattern_rotate(nrots);
    for (const std::string& s : pc.stores)
      if (s == name) error(quoted("multiple assignments to name ", name, " in pattern"));
    pc.stores.push_back(name);
  }
  emit(Op::POP_TOP);  // the subject's copy
}

}  // namespace corio::py
