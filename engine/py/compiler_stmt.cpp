// corio::py compiler, statements: assignments (plain, augmented, annotated),
// del, if/while/for/async for, return/break/continue and the unwinding of
// the frame blocks they leave (loops, try/finally, with, except handlers),
// raise, assert, imports and expression statements.
#include <string>

#include "py/compiler.hpp"
#include "py/compiler_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

void Compiler::visit_stmt(const Stmt* s) {
  set_loc(s);
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: return function_def(as<FunctionDef>(s));
    case StmtKind::ClassDef: return class_def(as<ClassDef>(s));
    case StmtKind::Return: return return_stmt(as<Return>(s));
    case StmtKind::Delete:
      for (const Expr* t : as<Delete>(s)->targets) delete_target(t);
      return;
    case StmtKind::Assign: return assign(as<Assign>(s));
    case StmtKind::AugAssign: return aug_assign(as<AugAssign>(s));
    case StmtKind::AnnAssign: return ann_assign(as<AnnAssign>(s));
    case StmtKind::For: return for_stmt(as<For>(s));
    case StmtKind::AsyncFor: return async_for(as<For>(s));
    case StmtKind::While: return while_stmt(as<While>(s));
    case StmtKind::If: return if_stmt(as<If>(s));
    case StmtKind::With: return with_stmt(as<With>(s), 0);
    case StmtKind::AsyncWith: return async_with(as<With>(s), 0);
    case StmtKind::Match: return match_stmt(as<Match>(s));
    case StmtKind::Raise: return raise_stmt(as<Raise>(s));
    case StmtKind::Try: return try_stmt(as<Try>(s));
    case StmtKind::TryStar: return try_star(as<Try>(s));
    case StmtKind::Assert: return assert_stmt(as<Assert>(s));
    case StmtKind::Import: return import_stmt(as<Import>(s));
    case StmtKind::ImportFrom: return import_from(as<ImportFrom>(s));
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass: return;
    case StmtKind::Expr: return expr_stmt(as<ExprStmt>(s));
    case StmtKind::Break: return break_stmt(s);
    case StmtKind::Continue: return continue_stmt(s);
  }
}

// ------------------------------------------------------------ assignments

// a = b = value: the value is copied for every target but the last.
void Compiler::assign(const Assign* s) {
  visit_expr(s->value);
  for (size_t i = 0; i < s->targets.size(); ++i) {
    if (i + 1 < s->targets.size()) emit(Op::COPY, 1);
    visit_expr(s->targets[i]);
  }
}

// The target's container and key are evaluated once.
void Compiler::aug_assign(const AugAssign* s) {
  const Expr* e = s->target;
  set_loc(e);
  switch (e->kind) {
    case ExprKind::Attribute:
      visit_expr(as<Attribute>(e)->value);
      emit(Op::COPY, 1);
      emit_name(Op::LOAD_ATTR, as<Attribute>(e)->attr);
      break;
    case ExprKind::Subscript:
      visit_expr(as<Subscript>(e)->value);
      visit_expr(as<Subscript>(e)->slice);
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      break;
    default: nameop(as<Name>(e)->id, ExprContext::Load); break;
  }
  visit_expr(s->value);
  set_loc(s);
  emit(Op::BINARY_OP, static_cast<uint32_t>(binary_op_of(s->op, true)));
  set_loc(e);
  switch (e->kind) {
    case ExprKind::Attribute:
      emit(Op::SWAP, 2);
      emit_name(Op::STORE_ATTR, as<Attribute>(e)->attr);
      break;
    case ExprKind::Subscript:
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
      break;
    default: nameop(as<Name>(e)->id, ExprContext::Store); break;
  }
}

// x: T = v. In a module or class a simple name's annotation is stored in
// __annotations__; complex targets only evaluate their parts.
void Compiler::ann_assign(const AnnAssign* s) {
  const Expr* target = s->target;
  const bool module_or_class = u().scope == ScopeType::Module || u().scope == ScopeType::Class;
  if (s->value) {
    visit_expr(s->value);
    visit_expr(target);
  }
  switch (target->kind) {
    case ExprKind::Name:
      forbidden_name(as<Name>(target)->id, ExprContext::Store, target->loc);
      if (s->simple && module_or_class) {
        annotation_value(s->annotation);
        emit_name(Op::LOAD_NAME, "__annotations__");
        load_const(ConstantSpec{mangled(as<Name>(target)->id)});
        emit(Op::STORE_SUBSCR);
      }
      break;
    case ExprKind::Attribute:
      forbidden_name(as<Attribute>(target)->attr, ExprContext::Store, target->loc);
      if (!s->value) check_ann_expr(as<Attribute>(target)->value);
      break;
    case ExprKind::Subscript:
      if (!s->value) {
        check_ann_expr(as<Subscript>(target)->value);
        check_ann_subscr(as<Subscript>(target)->slice);
      }
      break;
    default: break;
  }
  if (!s->simple && module_or_class && !table_.future_annotations()) check_ann_expr(s->annotation);
}

void Compiler::check_ann_expr(const Expr* e) {
  visit_expr(e);
  emit(Op::POP_TOP);
}

void Compiler::check_ann_subscr(const Expr* e) {
  if (e->kind == ExprKind::Slice) {
    const auto* sl = as<Slice>(e);
    for (const Expr* part : {sl->lower, sl->upper, sl->step})
      if (part) check_ann_expr(part);
  } else if (e->kind == ExprKind::Tuple) {
    for (const Expr* elt : as<Tuple>(e)->elts) check_ann_subscr(elt);
  } else {
    check_ann_expr(e);
  }
}

void Compiler::delete_target(const Expr* e) {
  // Names, attributes and subscripts in Del context compile to DELETE_*;
  // tuples and lists delete each element.
  visit_expr(e);
}

// ------------------------------------------------------------ control flow

void Compiler::if_stmt(const If* s) {
  const int end = new_label();
  const int next = s->orelse.empty() ? end : new_label();
  jump_if(s->test, next, false);
  visit_stmts(s->body);
  if (!s->orelse.empty()) {
    unset_loc();
    emit_jump(Op::JUMP, end);
    bind(next);
    visit_stmts(s->orelse);
  }
  bind(end);
}

void Compiler::while_stmt(const While* s) {
  const int loop = new_label(), body_label = new_label(), anchor = new_label(), end = new_label();
  bind(loop);
  push_fblock({FBlockType::WhileLoop, loop, end});
  jump_if(s->test, anchor, false);
  bind(body_label);
  visit_stmts(s->body);
  set_loc(s);
  jump_if(s->test, body_label, true);
  pop_fblock();
  bind(anchor);
  visit_stmts(s->orelse);
  bind(end);
}

void Compiler::for_stmt(const For* s) {
  const int start = new_label(), cleanup = new_label(), end = new_label();
  push_fblock({FBlockType::ForLoop, start, end});
  visit_expr(s->iter);
  emit(Op::GET_ITER);
  bind(start);
  emit_jump(Op::FOR_ITER, cleanup);
  visit_expr(s->target);
  visit_stmts(s->body);
  unset_loc();
  emit_jump(Op::JUMP, start);
  bind(cleanup);
  pop_fblock();
  visit_stmts(s->orelse);
  bind(end);
}

void Compiler::async_for(const For* s) {
  if (u().scope != ScopeType::AsyncFunction) error("'async for' outside async function");
  const int start = new_label(), except = new_label(), end = new_label();
  visit_expr(s->iter);
  emit(Op::GET_AITER);
  bind(start);
  push_fblock({FBlockType::ForLoop, start, end});
  // The __anext__ call is guarded: StopAsyncIteration ends the loop.
  emit_pseudo(kSetupFinally, except);
  emit(Op::GET_ANEXT);
  load_none();
  add_yield_from(true);
  emit_pseudo(kPopBlock);
  visit_expr(s->target);
  visit_stmts(s->body);
  unset_loc();
  emit_jump(Op::JUMP, start);
  pop_fblock();
  bind(except);
  set_loc(s->iter);
  emit(Op::END_ASYNC_FOR);
  visit_stmts(s->orelse);
  bind(end);
}

// ------------------------------------------------------------ unwinding

// Emits what leaving frame block `b` early needs (CPython's
// compiler_unwind_fblock). With preserve_tos the value on top (a return
// value) is kept above whatever is popped.
void Compiler::unwind_fblock(const FBlock& b, bool preserve_tos) {
  switch (b.type) {
    case FBlockType::WhileLoop:
    case FBlockType::ExceptionHandler:
    case FBlockType::ExceptionGroupHandler:
    case FBlockType::AsyncComprehensionGenerator: return;
    case FBlockType::ForLoop:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);  // the iterator
      return;
    case FBlockType::TryExcept: emit_pseudo(kPopBlock); return;
    case FBlockType::FinallyTry:
      emit_pseudo(kPopBlock);
      if (preserve_tos) push_fblock({FBlockType::PopValue});
      visit_stmts(*b.finalbody);
      if (preserve_tos) pop_fblock();
      unset_loc();
      return;
    case FBlockType::FinallyEnd:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);  // the exception
      if (preserve_tos) emit(Op::SWAP, 2);
      emit_pseudo(kPopBlock);
      emit(Op::POP_EXCEPT);
      return;
    case FBlockType::WithBlock:
    case FBlockType::AsyncWithBlock:
      set_loc(b.with);
      emit_pseudo(kPopBlock);
      if (preserve_tos) emit(Op::SWAP, 2);
      call_exit_with_nones();
      if (b.type == FBlockType::AsyncWithBlock) {
        emit(Op::GET_AWAITABLE, 2);
        load_none();
        add_yield_from(true);
      }
      emit(Op::POP_TOP);
      unset_loc();
      return;
    case FBlockType::HandlerCleanup:
      if (b.name) emit_pseudo(kPopBlock);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit_pseudo(kPopBlock);
      emit(Op::POP_EXCEPT);
      if (b.name) {
        load_none();
        nameop(*b.name, ExprContext::Store);
        nameop(*b.name, ExprContext::Del);
      }
      return;
    case FBlockType::PopValue:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return;
  }
}

// Unwinds every frame block (or up to the innermost loop when to_loop),
// and returns that loop. The blocks are restored afterwards: the code that
// follows in the source is still inside them.
int Compiler::unwind_fblock_stack(bool preserve_tos, bool to_loop) {
  std::vector<FBlock>& stack = u().fblocks;
  if (stack.empty()) return -1;
  const FBlock top = stack.back();
  if (top.type == FBlockType::ExceptionGroupHandler)
    error("'break', 'continue' and 'return' cannot appear in an except* block");
  if (to_loop && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop))
    return static_cast<int>(stack.size()) - 1;
  stack.pop_back();
  unwind_fblock(top, preserve_tos);
  const int loop = unwind_fblock_stack(preserve_tos, to_loop);
  u().fblocks.push_back(top);
  return loop;
}

void Compiler::return_stmt(const Return* s) {
  const bool preserve_tos = s->value && s->value->kind != ExprKind::Constant;
  if (u().ste->kind != BlockKind::Function) error("'return' outside function");
  if (s->value && u().ste->coroutine && u().ste->generator) error("'return' with value in async generator");
  if (preserve_tos)
    visit_expr(s->value);
  else if (s->value)
    set_loc(s->value);
  if (!s->value || s->value->loc.lineno != s->loc.lineno) set_loc(s);
  unwind_fblock_stack(preserve_tos, false);
  set_loc(s);
  if (!s->value)
    load_none();
  else if (!preserve_tos)
    load_const(constant_of(s->value));
  emit(Op::RETURN_VALUE);
}

void Compiler::break_stmt(const Stmt* s) {
  const int loop = unwind_fblock_stack(false, true);
  set_loc(s);
  if (loop < 0) error("'break' outside loop");
  const FBlock b = u().fblocks[static_cast<size_t>(loop)];
  unwind_fblock(b, false);
  set_loc(s);
  emit_jump(Op::JUMP, b.exit);
}

void Compiler::continue_stmt(const Stmt* s) {
  const int loop = unwind_fblock_stack(false, true);
  set_loc(s);
  if (loop < 0) error("'continue' not properly in loop");
  emit_jump(Op::JUMP, u().fblocks[static_cast<size_t>(loop)].block);
}

// ------------------------------------------------------------ simple statements

void Compiler::raise_stmt(const Raise* s) {
  uint32_t n = 0;
  if (s->exc) {
    visit_expr(s->exc);
    ++n;
    if (s->cause) {
      visit_expr(s->cause);
      ++n;
    }
  }
  set_loc(s);
  emit(Op::RAISE_VARARGS, n);
}

// assert test, msg  ->  if not test: raise AssertionError(msg)
void Compiler::assert_stmt(const Assert* s) {
  const int end = new_label();
  jump_if(s->test, end, true);  // leaves a comparison's position current
  if (s->msg) {
    emit(Op::PUSH_NULL);
    emit(Op::LOAD_ASSERTION_ERROR);
    visit_expr(s->msg);
    emit(Op::CALL, 1);
  } else {
    emit(Op::LOAD_ASSERTION_ERROR);
  }
  emit(Op::RAISE_VARARGS, 1);
  bind(end);
}

// import a.b.c [as d]
void Compiler::import_stmt(const Import* s) {
  for (const Alias* alias : s->names) {
    load_const(ConstantSpec{int64_t{0}});
    load_none();
    emit_name(Op::IMPORT_NAME, alias->name);
    const std::string& name = alias->name;
    const size_t dot = name.find('.');
    if (!alias->has_asname) {
      nameop(name.substr(0, dot), ExprContext::Store);
      continue;
    }
    if (dot == std::string::npos) {
      nameop(alias->asname, ExprContext::Store);
      continue;
    }
    // `import a.b.c as d` binds d to a.b.c: walk the attributes down.
    size_t pos = dot + 1;
    for (;;) {
      const size_t next = name.find('.', pos);
      emit_name(Op::IMPORT_FROM, name.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
      if (next == std::string::npos) break;
      emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      pos = next + 1;
    }
    nameop(alias->asname, ExprContext::Store);
    emit(Op::POP_TOP);
  }
}

// from .mod import a [as b], ... | *
void Compiler::import_from(const ImportFrom* s) {
  load_const(ConstantSpec{int64_t{s->level}});
  ConstantSpec::Tuple names;
  for (const Alias* alias : s->names) names.push_back(ConstantSpec{alias->name});
  if (s->has_module && s->module == "__future__" && !future_ok_.count(s))
    error("from __future__ imports must occur at the beginning of the file");
  load_const(ConstantSpec{std::move(names)});
  emit_name(Op::IMPORT_NAME, s->has_module ? s->module : std::string());
  for (size_t i = 0; i < s->names.size(); ++i) {
    const Alias* alias = s->names[i];
    if (i == 0 && alias->name == "*") {
      emit(Op::IMPORT_STAR);
      return;
    }
    emit_name(Op::IMPORT_FROM, alias->name);
    nameop(alias->has_asname ? alias->asname : alias->name, ExprContext::Store);
  }
  emit(Op::POP_TOP);  // the module
}

void Compiler::expr_stmt(const ExprStmt* s) {
  if (s->value->kind == ExprKind::Constant) return;  // a constant statement does nothing
  visit_expr(s->value);
  set_loc(s);
  // CPython frees the value here, and warns if it is a coroutine never
  // started (never_awaited.hpp): POP_TOP_EXPR checks. Not for a value read
  // from a variable, an attribute or an item, or sent to a yield: something
  // else still holds it, so CPython frees nothing and says nothing.
  switch (s->value->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
    case ExprKind::NamedExpr:
    case ExprKind::Yield: emit(Op::POP_TOP); break;
    default: emit(Op::POP_TOP_EXPR); break;
  }
}

}  // namespace corio::py
