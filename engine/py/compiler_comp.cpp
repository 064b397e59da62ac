// corio::py compiler, comprehensions and suspension points: list/set/dict
// comprehensions and generator expressions (each its own code object,
// called at once with the outermost iterator, as in CPython 3.11), their
// async forms, and yield, yield from and await (the SEND/YIELD_VALUE loop).
#include "py/compiler.hpp"
#include "py/compiler_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

namespace {
enum CompType { kGenExp = 0, kListComp = 1, kSetComp = 2, kDictComp = 3 };
}

// [elt for x in it ...]  ->  PUSH_NULL <fn> iter(it) CALL 1
// The outermost iterable is evaluated in the enclosing scope; the rest runs
// in the comprehension's own code object, which receives it as `.0`.
void Compiler::comprehension(const Expr* e, const std::string& name, int type,
                             const std::vector<Comprehension*>& gens, const Expr* elt, const Expr* val) {
  const Comprehension* outermost = gens[0];
  const ScopeType outer_scope = u().scope;
  emit(Op::PUSH_NULL);
  enter_scope(name, ScopeType::Comprehension, e, e->loc.lineno);
  set_loc(e);
  const bool is_async_generator = u().ste->coroutine;
  if (is_async_generator && type != kGenExp && outer_scope != ScopeType::AsyncFunction &&
      outer_scope != ScopeType::Comprehension)
    error("asynchronous comprehension outside of an asynchronous function");
  u().argcount = 1;
  if (type == kListComp) emit(Op::BUILD_LIST, 0);
  if (type == kSetComp) emit(Op::BUILD_SET, 0);
  if (type == kDictComp) emit(Op::BUILD_MAP, 0);
  comprehension_generator(gens, 0, 0, elt, val, type);
  if (type != kGenExp) emit(Op::RETURN_VALUE);
  std::shared_ptr<const CodeSpec> code = exit_scope();
  make_closure(std::move(code), 0);
  visit_expr(outermost->iter);
  emit(outermost->is_async ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::CALL, 1);
  if (is_async_generator && type != kGenExp) {
    emit(Op::GET_AWAITABLE, 0);
    load_none();
    add_yield_from(true);
  }
}

void Compiler::comprehension_generator(const std::vector<Comprehension*>& gens, size_t index, int depth,
                                       const Expr* elt, const Expr* val, int type) {
  if (gens[index]->is_async)
    async_comprehension_generator(gens, index, depth, elt, val, type);
  else
    sync_comprehension_generator(gens, index, depth, elt, val, type);
}

// The innermost body: yield the element, or add it to the result, which
// sits below `depth` iterators.
void Compiler::comprehension_element(const Expr* elt, const Expr* val, int type, int depth) {
  const uint32_t below = static_cast<uint32_t>(depth + 1);
  switch (type) {
    case kGenExp:
      visit_expr(elt);
      add_yield();
      emit(Op::POP_TOP);
      break;
    case kListComp:
      visit_expr(elt);
      emit(Op::LIST_APPEND, below);
      break;
    case kSetComp:
      visit_expr(elt);
      emit(Op::SET_ADD, below);
      break;
    default:
      visit_expr(elt);
      visit_expr(val);
      emit(Op::MAP_ADD, below);
      break;
  }
}

void Compiler::sync_comprehension_generator(const std::vector<Comprehension*>& gens, size_t index, int depth,
                                            const Expr* elt, const Expr* val, int type) {
  const Comprehension* gen = gens[index];
  const int start = new_label(), if_cleanup = new_label(), anchor = new_label();
  bool loop = true;
  if (index == 0) {
    emit(Op::LOAD_FAST, 0);  // .0
  } else {
    // `for y in [expr]` just binds y: no loop (CPython's fast path).
    const ExprList* elts = nullptr;
    if (gen->iter->kind == ExprKind::List) elts = &as<List>(gen->iter)->elts;
    if (gen->iter->kind == ExprKind::Tuple) elts = &as<Tuple>(gen->iter)->elts;
    if (elts && elts->size() == 1 && (*elts)[0]->kind != ExprKind::Starred) {
      visit_expr((*elts)[0]);
      loop = false;
    } else {
      visit_expr(gen->iter);
      emit(Op::GET_ITER);
    }
  }
  if (loop) {
    ++depth;
    bind(start);
    emit_jump(Op::FOR_ITER, anchor);
  }
  visit_expr(gen->target);
  for (const Expr* cond : gen->ifs) jump_if(cond, if_cleanup, false);
  if (index + 1 < gens.size())
    comprehension_generator(gens, index + 1, depth, elt, val, type);
  else
    comprehension_element(elt, val, type, depth);
  bind(if_cleanup);
  if (loop) {
    emit_jump(Op::JUMP, start);
    bind(anchor);
  }
}

void Compiler::async_comprehension_generator(const std::vector<Comprehension*>& gens, size_t index, int depth,
                                             const Expr* elt, const Expr* val, int type) {
  const Comprehension* gen = gens[index];
  const int start = new_label(), except = new_label(), if_cleanup = new_label();
  if (index == 0) {
    emit(Op::LOAD_FAST, 0);
  } else {
    visit_expr(gen->iter);
    emit(Op::GET_AITER);
  }
  bind(start);
  push_fblock({FBlockType::AsyncComprehensionGenerator, start});
  emit_pseudo(kSetupFinally, except);
  emit(Op::GET_ANEXT);
  load_none();
  add_yield_from(true);
  emit_pseudo(kPopBlock);
  visit_expr(gen->target);
  for (const Expr* cond : gen->ifs) jump_if(cond, if_cleanup, false);
  ++depth;
  if (index + 1 < gens.size())
    comprehension_generator(gens, index + 1, depth, elt, val, type);
  else
    comprehension_element(elt, val, type, depth);
  bind(if_cleanup);
  emit_jump(Op::JUMP, start);
  pop_fblock();
  bind(except);
  emit(Op::END_ASYNC_FOR);
}

// ------------------------------------------------------------ suspension

// [receiver, value] -> [result]: send until the receiver returns.
void Compiler::add_yield_from(bool /*await*/) {
  const int start = new_label(), exit = new_label();
  bind(start);
  emit_jump(Op::SEND, exit);
  emit(Op::YIELD_VALUE);
  emit_jump(Op::JUMP, start);
  bind(exit);
}

void Compiler::add_yield() {
  if (u().ste->generator && u().ste->coroutine) emit(Op::ASYNC_GEN_WRAP);
  emit(Op::YIELD_VALUE);
}

void Compiler::yield_expr(const Yield* e) {
  if (u().ste->kind != BlockKind::Function) error("'yield' outside function");
  if (e->value)
    visit_expr(e->value);
  else
    load_none();
  add_yield();
}

void Compiler::yield_from(const YieldFrom* e) {
  if (u().ste->kind != BlockKind::Function) error("'yield' outside function");
  if (u().scope == ScopeType::AsyncFunction) error("'yield from' inside async function");
  visit_expr(e->value);
  emit(Op::GET_YIELD_FROM_ITER);
  load_none();
  add_yield_from(false);
}

void Compiler::await_expr(const Await* e) {
  if (u().ste->kind != BlockKind::Function) error("'await' outside function");
  if (u().scope != ScopeType::AsyncFunction && u().scope != ScopeType::Comprehension)
    error("'await' outside async function");
  visit_expr(e->value);
  emit(Op::GET_AWAITABLE, 0);
  load_none();
  add_yield_from(true);
}

}  // namespace corio::py
