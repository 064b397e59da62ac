// corio::py compiler, exception handling: try/except/else/finally, except*,
// with and async with, as CPython 3.11 compiles them with the exception
// table. Stack pictures in the comments show the top of the stack on the
// right; `prev` is the previously handled exception that PUSH_EXC_INFO saves
// and POP_EXCEPT restores, `lasti` the index of the raising instruction that
// a cleanup handler keeps so RERAISE 1 can restore it for the traceback.
#include "py/compiler.hpp"
#include "py/compiler_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

// [prev, lasti, exc] -> restore prev as the handled exception, re-raise exc.
void Compiler::pop_except_and_reraise() {
  emit(Op::COPY, 3);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE, 1);
}

void Compiler::try_stmt(const Try* s) {
  if (!s->finalbody.empty())
    try_finally(s);
  else
    try_except(s);
}

void Compiler::try_star(const Try* s) {
  if (!s->finalbody.empty())
    try_finally(s);
  else
    try_star_except(s);
}

// try: body finally: final
// The final body is emitted twice: once on the normal path, once in the
// handler ([prev, exc] while it runs, then RERAISE).
void Compiler::try_finally(const Try* s) {
  const int end = new_label(), exit = new_label(), cleanup = new_label();
  emit_pseudo(kSetupFinally, end);
  FBlock block{FBlockType::FinallyTry};
  block.finalbody = &s->finalbody;
  push_fblock(block);
  if (!s->handlers.empty()) {
    if (s->kind == StmtKind::TryStar)
      try_star_except(s);
    else
      try_except(s);
  } else {
    visit_stmts(s->body);
  }
  unset_loc();
  emit_pseudo(kPopBlock);
  pop_fblock();
  visit_stmts(s->finalbody);
  unset_loc();
  emit_jump(Op::JUMP, exit);
  // The exceptional path.
  bind(end);
  unset_loc();
  emit_pseudo(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  push_fblock({FBlockType::FinallyEnd});
  visit_stmts(s->finalbody);
  pop_fblock();
  unset_loc();
  emit(Op::RERAISE, 0);
  bind(cleanup);
  pop_except_and_reraise();
  bind(exit);
}

// try: body except T as name: handler ... else: orelse
void Compiler::try_except(const Try* s) {
  const int except = new_label(), end = new_label(), cleanup = new_label();
  emit_pseudo(kSetupFinally, except);
  push_fblock({FBlockType::TryExcept});
  visit_stmts(s->body);
  pop_fblock();
  unset_loc();
  emit_pseudo(kPopBlock);
  visit_stmts(s->orelse);
  unset_loc();
  emit_jump(Op::JUMP, end);
  bind(except);
  unset_loc();
  emit_pseudo(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);  // [prev, exc]
  push_fblock({FBlockType::ExceptionHandler});
  const size_t n = s->handlers.size();
  for (size_t i = 0; i < n; ++i) {
    const ExceptHandler* h = s->handlers[i];
    set_loc(h->loc);
    if (!h->type && i + 1 < n) error("default 'except:' must be last");
    const int next = new_label();
    if (h->type) {
      visit_expr(h->type);
      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, next);
    }
    if (h->has_name) {
      // try: handler finally: name = None; del name
      const int cleanup_end = new_label();
      nameop(h->name, ExprContext::Store);  // [prev]
      emit_pseudo(kSetupCleanup, cleanup_end);
      FBlock block{FBlockType::HandlerCleanup};
      block.name = &h->name;
      push_fblock(block);
      visit_stmts(h->body);
      pop_fblock();
      unset_loc();
      emit_pseudo(kPopBlock);
      emit_pseudo(kPopBlock);
      emit(Op::POP_EXCEPT);
      load_none();
      nameop(h->name, ExprContext::Store);
      nameop(h->name, ExprContext::Del);
      emit_jump(Op::JUMP, end);
      // The handler body raised: [prev, lasti, exc2].
      bind(cleanup_end);
      unset_loc();
      load_none();
      nameop(h->name, ExprContext::Store);
      nameop(h->name, ExprContext::Del);
      emit(Op::RERAISE, 1);
    } else {
      emit(Op::POP_TOP);  // [prev]
      push_fblock({FBlockType::HandlerCleanup});
      visit_stmts(h->body);
      pop_fblock();
      unset_loc();
      emit_pseudo(kPopBlock);
      emit(Op::POP_EXCEPT);
      emit_jump(Op::JUMP, end);
    }
    bind(next);
  }
  // No handler matched: [prev, exc].
  unset_loc();
  pop_fblock();
  emit(Op::RERAISE, 0);
  bind(cleanup);
  pop_except_and_reraise();
  bind(end);
}

// try: body except* T as name: handler ...
// Every handler takes its part of the group; what the handlers raise and
// what no handler matched are combined by PREP_RERAISE_STAR at the end.
void Compiler::try_star_except(const Try* s) {
  const int except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label(),
            reraise_star = new_label();
  emit_pseudo(kSetupFinally, except);
  push_fblock({FBlockType::TryExcept});
  visit_stmts(s->body);
  pop_fblock();
  unset_loc();
  emit_pseudo(kPopBlock);
  emit_jump(Op::JUMP, orelse);
  bind(except);
  unset_loc();
  emit_pseudo(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  push_fblock({FBlockType::ExceptionGroupHandler});
  const size_t n = s->handlers.size();
  for (size_t i = 0; i < n; ++i) {
    const ExceptHandler* h = s->handlers[i];
    set_loc(h->loc);
    const int handled = new_label(), except_with_error = new_label(), no_match = new_label();
    if (i == 0) {
      // [prev, exc] -> [prev, orig, [], exc]: the original group and the
      // list of exceptions the handlers raise.
      emit(Op::COPY, 1);
      emit(Op::BUILD_LIST, 0);
      emit(Op::SWAP, 2);
    }
    if (h->type) {
      visit_expr(h->type);
      emit(Op::CHECK_EG_MATCH);  // [prev, orig, [], rest, match]
      emit(Op::COPY, 1);
      emit_jump(Op::POP_JUMP_IF_NONE, no_match);
    }
    const int cleanup_end = new_label();
    if (h->has_name)
      nameop(h->name, ExprContext::Store);
    else
      emit(Op::POP_TOP);  // [prev, orig, [], rest]
    emit_pseudo(kSetupCleanup, cleanup_end);
    FBlock block{FBlockType::HandlerCleanup};
    if (h->has_name) block.name = &h->name;
    push_fblock(block);
    visit_stmts(h->body);
    pop_fblock();
    unset_loc();
    emit_pseudo(kPopBlock);
    if (h->has_name) {
      load_none();
      nameop(h->name, ExprContext::Store);
      nameop(h->name, ExprContext::Del);
    }
    emit_jump(Op::JUMP, handled);
    // The handler raised: [prev, orig, [], rest, lasti, exc2].
    bind(cleanup_end);
    unset_loc();
    if (h->has_name) {
      load_none();
      nameop(h->name, ExprContext::Store);
      nameop(h->name, ExprContext::Del);
    }
    emit(Op::LIST_APPEND, 3);  // exc2 into the list
    emit(Op::POP_TOP);         // lasti
    emit_jump(Op::JUMP, except_with_error);
    bind(handled);
    emit(Op::NOP);
    emit_jump(Op::JUMP, except_with_error);
    bind(no_match);
    emit(Op::POP_TOP);  // the None match
    bind(except_with_error);
    if (i + 1 == n) {
      emit(Op::LIST_APPEND, 1);  // what is left unmatched
      emit_jump(Op::JUMP, reraise_star);
    }
  }
  unset_loc();
  pop_fblock();
  const int reraise = new_label();
  bind(reraise_star);
  emit(Op::PREP_RERAISE_STAR);  // [prev, exc-or-None]
  emit(Op::COPY, 1);
  emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
  emit(Op::POP_TOP);
  emit_pseudo(kPopBlock);
  emit(Op::POP_EXCEPT);
  emit_jump(Op::JUMP, end);
  bind(reraise);
  emit_pseudo(kPopBlock);
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE, 0);
  bind(cleanup);
  pop_except_and_reraise();
  bind(orelse);
  visit_stmts(s->orelse);
  bind(end);
}

// ------------------------------------------------------------ with

// [exit] -> [exit(None, None, None)], through CALL's method form.
void Compiler::call_exit_with_nones() {
  load_none();
  load_none();
  load_none();
  emit(Op::CALL, 2);
}

// After WITH_EXCEPT_START: [exit, lasti, prev, exc, result]. A true result
// swallows the exception; otherwise it is re-raised with its lasti.
void Compiler::with_except_finish(int cleanup) {
  unset_loc();
  const int suppressed = new_label();
  emit_jump(Op::POP_JUMP_IF_TRUE, suppressed);
  emit(Op::RERAISE, 2);
  bind(cleanup);
  pop_except_and_reraise();
  bind(suppressed);
  emit(Op::POP_TOP);  // exc
  emit_pseudo(kPopBlock);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);  // lasti
  emit(Op::POP_TOP);  // exit
}

// with a as x, b as y: body  ==  with a as x: (with b as y: body)
void Compiler::with_stmt(const With* s, size_t pos) {
  const WithItem& item = s->items[pos];
  const int final = new_label(), exit = new_label(), cleanup = new_label();
  visit_expr(item.context_expr);
  emit(Op::BEFORE_WITH);  // [exit, enter-result]
  emit_pseudo(kSetupWith, final);
  FBlock block{FBlockType::WithBlock};
  block.with = s;
  push_fblock(block);
  if (item.optional_vars)
    visit_expr(item.optional_vars);
  else
    emit(Op::POP_TOP);
  if (pos + 1 == s->items.size())
    visit_stmts(s->body);
  else
    with_stmt(s, pos + 1);
  unset_loc();
  emit_pseudo(kPopBlock);
  pop_fblock();
  set_loc(s);
  call_exit_with_nones();
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, exit);
  // The body raised: [exit, lasti, exc].
  bind(final);
  emit_pseudo(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  with_except_finish(cleanup);
  bind(exit);
}

void Compiler::async_with(const With* s, size_t pos) {
  if (u().scope != ScopeType::AsyncFunction) error("'async with' outside async function");
  const WithItem& item = s->items[pos];
  const int final = new_label(), exit = new_label(), cleanup = new_label();
  visit_expr(item.context_expr);
  emit(Op::BEFORE_ASYNC_WITH);
  emit(Op::GET_AWAITABLE, 1);
  load_none();
  add_yield_from(true);
  emit_pseudo(kSetupWith, final);
  FBlock block{FBlockType::AsyncWithBlock};
  block.with = s;
  push_fblock(block);
  if (item.optional_vars)
    visit_expr(item.optional_vars);
  else
    emit(Op::POP_TOP);
  if (pos + 1 == s->items.size())
    visit_stmts(s->body);
  else
    async_with(s, pos + 1);
  pop_fblock();
  unset_loc();
  emit_pseudo(kPopBlock);
  set_loc(s);
  call_exit_with_nones();
  emit(Op::GET_AWAITABLE, 2);
  load_none();
  add_yield_from(true);
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, exit);
  bind(final);
  emit_pseudo(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  emit(Op::GET_AWAITABLE, 2);
  load_none();
  add_yield_from(true);
  with_except_finish(cleanup);
  bind(exit);
}

}  // namespace corio::py
