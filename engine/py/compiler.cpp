// corio::py compiler, core: the entry points, emitting instructions and
// filling the constant/name tables, entering and leaving code units
// (qualnames, cells, flags), resolving names to load/store instructions
// (CPython's compiler_nameop), and functions, lambdas and classes.
#include "py/compiler.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <variant>
#include <utility>

#include "py/compiler_impl.hpp"
#include "py/parser.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

std::shared_ptr<const CodeSpec> compile_module(const Module& module, std::string_view filename,
                                               std::string_view source) {
  SourceLines lines(source);
  std::unique_ptr<SymbolTable> table = SymbolTable::build(module, lines);
  Compiler compiler(*table, lines, std::string(filename));
  return compiler.compile(module);
}

std::shared_ptr<const CodeSpec> compile_source(std::string_view source, std::string_view filename) {
  ParsedModule parsed = parse_module(source);
  return compile_module(*parsed.module, filename, source);
}

Compiler::Compiler(const SymbolTable& table, const SourceLines& lines, std::string filename)
    : table_(table), lines_(lines), filename_(std::move(filename)) {}

std::shared_ptr<const CodeSpec> Compiler::compile(const Module& module) {
  // The future imports allowed: those before any other statement but the docstring.
  for (size_t i = 0; i < module.body.size(); ++i) {
    const Stmt* s = module.body[i];
    if (i == 0 && docstring(module.body)) continue;
    if (s->kind != StmtKind::ImportFrom) break;
    const auto* f = as<ImportFrom>(s);
    if (!f->has_module || f->module != "__future__" || f->level != 0) break;
    future_ok_.insert(s);
  }
  enter_scope("<module>", ScopeType::Module, &module, 1);
  body(module.body);
  return exit_scope();
}

// ------------------------------------------------------------ emission

void Compiler::emit(Op op, uint32_t arg) {
  u().instrs.push_back({static_cast<int>(op), arg, u().loc});
}

namespace {

// A key that tells constants apart exactly as CPython's constant merging
// does: by type and value (1, 1.0 and True differ; so do 0.0 and -0.0).
void const_key(const ConstantSpec& c, std::string& out) {
  struct Visitor {
    std::string& out;
    void operator()(ConstantSpec::None) { out += 'N'; }
    void operator()(ConstantSpec::Ellipsis) { out += 'E'; }
    void operator()(bool b) { out += b ? "T" : "F"; }
    void operator()(int64_t v) { tagged('i', std::to_string(v)); }
    void operator()(const ConstantSpec::BigIntText& b) { tagged('b', std::to_string(b.base) + ':' + b.digits); }
    void operator()(double d) { bits('f', d); }
    void operator()(const ConstantSpec::Complex& c) { bits('c', c.imag); }
    void operator()(const std::string& s) { tagged('s', std::to_string(s.size()) + ':' + s); }
    void operator()(const ConstantSpec::Bytes& b) { tagged('y', std::to_string(b.data.size()) + ':' + b.data); }
    void operator()(const ConstantSpec::Tuple& t) {
      out += '(';
      for (const ConstantSpec& item : t) const_key(item, out);
      out += ')';
    }
    void operator()(const std::shared_ptr<const CodeSpec>& code) {
      tagged('C', std::to_string(reinterpret_cast<uintptr_t>(code.get())));
    }
    void bits(char tag, double d) {
      uint64_t b;
      std::memcpy(&b, &d, sizeof b);
      tagged(tag, std::to_string(b));
    }
    void tagged(char tag, const std::string& text) {
      out += tag;
      out += text;
      out += ';';
    }
  };
  std::visit(Visitor{out}, c.value);
}

uint32_t index_in(const std::vector<std::string>& list, const std::string& name) {
  auto it = std::find(list.begin(), list.end(), name);
  return it == list.end() ? UINT32_MAX : static_cast<uint32_t>(it - list.begin());
}

}  // namespace

uint32_t Compiler::add_const(ConstantSpec c) {
  std::string key;
  const_key(c, key);
  auto [it, added] = u().const_index.emplace(std::move(key), static_cast<uint32_t>(u().consts.size()));
  if (added) u().consts.push_back(std::move(c));
  return it->second;
}

void Compiler::load_const(ConstantSpec c) { emit(Op::LOAD_CONST, add_const(std::move(c))); }

uint32_t Compiler::add_name(const std::string& name) {
  auto [it, added] = u().name_index.emplace(name, static_cast<uint32_t>(u().names.size()));
  if (added) u().names.push_back(name);
  return it->second;
}

uint32_t Compiler::add_varname(const std::string& name) {
  auto [it, added] = u().varname_index.emplace(name, static_cast<uint32_t>(u().varnames.size()));
  if (added) u().varnames.push_back(name);
  return it->second;
}

// CPython reports compile-time error columns as UTF-8 byte offsets + 1
// (unlike the parser's, which count characters).
void Compiler::error(const std::string& msg) const {
  const Position& p = units_.back()->loc;
  throw lines_.raw_error("SyntaxError", msg, p.line, p.col + 1, p.end_line, p.end_col + 1);
}

void Compiler::error_at(const Loc& loc, const std::string& msg) const {
  throw lines_.raw_error("SyntaxError", msg, loc.lineno, loc.col_offset + 1, loc.end_lineno, loc.end_col_offset + 1);
}

// ------------------------------------------------------------ scopes

void Compiler::enter_scope(const std::string& name, ScopeType scope, const void* node, int first_line) {
  auto unit = std::make_unique<Unit>();
  unit->ste = scope == ScopeType::Module ? &table_.top() : table_.block_of(node);
  unit->scope = scope;
  unit->name = name;
  unit->first_line = first_line;
  unit->loc = Position{first_line, first_line, 0, 0};
  if (!units_.empty()) {
    const Unit& parent = u();
    unit->private_name = parent.private_name;
    // CPython's compiler_set_qualname.
    bool force_global = false;
    if (scope == ScopeType::Function || scope == ScopeType::AsyncFunction || scope == ScopeType::Class)
      force_global = parent.ste->scope_of(mangle(parent.private_name, name)) == Scope::GlobalExplicit;
    if (force_global || parent.scope == ScopeType::Module) {
      unit->qualname = name;
    } else if (parent.scope == ScopeType::Function || parent.scope == ScopeType::AsyncFunction ||
               parent.scope == ScopeType::Lambda) {
      unit->qualname = parent.qualname + ".<locals>." + name;
    } else {
      unit->qualname = parent.qualname + "." + name;
    }
  } else {
    unit->qualname = name;
  }
  for (const std::string& v : unit->ste->varnames) {
    unit->varname_index.emplace(v, static_cast<uint32_t>(unit->varnames.size()));
    unit->varnames.push_back(v);
  }
  for (const Symbol& s : unit->ste->symbols) {
    if (s.scope == Scope::Cell) unit->cellvars.push_back(s.name);
    if (s.scope == Scope::Free || (s.flags & sym::kDefFreeClass)) unit->freevars.push_back(s.name);
  }
  std::sort(unit->cellvars.begin(), unit->cellvars.end());
  std::sort(unit->freevars.begin(), unit->freevars.end());
  if (unit->ste->needs_class_closure) unit->cellvars.insert(unit->cellvars.begin(), "__class__");
  units_.push_back(std::move(unit));
  // CPython's prefix: copy the closure in, then make the cells.
  const Position saved = u().loc;
  unset_loc();
  if (!u().freevars.empty()) emit(Op::COPY_FREE_VARS, static_cast<uint32_t>(u().freevars.size()));
  for (size_t i = 0; i < u().cellvars.size(); ++i) emit(Op::MAKE_CELL, static_cast<uint32_t>(i));
  u().loc = saved;
}

std::shared_ptr<const CodeSpec> Compiler::exit_scope() {
  // The implicit `return None` (dropped by the assembler when unreachable).
  unset_loc();
  load_none();
  emit(Op::RETURN_VALUE);
  const SymbolBlock& ste = *u().ste;
  uint32_t flags = 0;
  if (ste.kind == BlockKind::Function) {
    flags |= kCoNewLocals | kCoOptimized;
    if (ste.nested) flags |= kCoNested;
    if (ste.generator && !ste.coroutine) flags |= kCoGenerator;
    if (!ste.generator && ste.coroutine) flags |= kCoCoroutine;
    if (ste.generator && ste.coroutine) flags |= kCoAsyncGenerator;
    if (ste.varargs) flags |= kCoVarargs;
    if (ste.varkeywords) flags |= kCoVarkeywords;
  }
  std::shared_ptr<const CodeSpec> code = assemble(u(), filename_, flags);
  units_.pop_back();
  return code;
}

// ------------------------------------------------------------ names

void Compiler::forbidden_name(const std::string& name, ExprContext ctx, const Loc& loc) {
  if (name != "__debug__") return;
  if (ctx == ExprContext::Store) error_at(loc, "cannot assign to __debug__");
  if (ctx == ExprContext::Del) error_at(loc, "cannot delete __debug__");
}

// CPython's compiler_nameop: the scope decides the instruction family.
void Compiler::nameop(const std::string& name, ExprContext ctx) {
  const std::string m = mangled(name);
  enum { kName, kFast, kGlobal, kDeref } family = kName;
  const Scope scope = u().ste->scope_of(m);
  const bool function = u().ste->kind == BlockKind::Function;
  uint32_t cell = 0;
  switch (scope) {
    case Scope::Free:
      family = kDeref;
      cell = static_cast<uint32_t>(u().cellvars.size()) + index_in(u().freevars, m);
      break;
    case Scope::Cell:
      family = kDeref;
      cell = index_in(u().cellvars, m);
      break;
    case Scope::Local:
      if (function) family = kFast;
      break;
    case Scope::GlobalImplicit:
      if (function) family = kGlobal;
      break;
    case Scope::GlobalExplicit: family = kGlobal; break;
    case Scope::Unknown: break;
  }
  const int c = static_cast<int>(ctx);
  switch (family) {
    case kDeref: {
      static const Op ops[] = {Op::LOAD_DEREF, Op::STORE_DEREF, Op::DELETE_DEREF};
      Op op = ops[c];
      if (ctx == ExprContext::Load && u().ste->kind == BlockKind::Class) op = Op::LOAD_CLASSDEREF;
      return emit(op, cell);
    }
    case kFast: {
      static const Op ops[] = {Op::LOAD_FAST, Op::STORE_FAST, Op::DELETE_FAST};
      return emit(ops[c], add_varname(m));
    }
    case kGlobal: {
      static const Op ops[] = {Op::LOAD_GLOBAL, Op::STORE_GLOBAL, Op::DELETE_GLOBAL};
      return emit(ops[c], add_name(m));
    }
    case kName: {
      static const Op ops[] = {Op::LOAD_NAME, Op::STORE_NAME, Op::DELETE_NAME};
      return emit(ops[c], add_name(m));
    }
  }
}

// ------------------------------------------------------------ bodies

const std::string* Compiler::docstring(const StmtList& stmts) {
  if (stmts.empty() || stmts[0]->kind != StmtKind::Expr) return nullptr;
  const Expr* e = as<ExprStmt>(stmts[0])->value;
  if (e->kind != ExprKind::Constant || as<Constant>(e)->value_kind != ConstantKind::Str) return nullptr;
  return &as<Constant>(e)->text;
}

// Does a module or class body annotate a name anywhere (not in nested
// functions or classes)? Then it needs SETUP_ANNOTATIONS.
bool Compiler::find_annotation(const StmtList& stmts) {
  for (const Stmt* s : stmts) {
    switch (s->kind) {
      case StmtKind::AnnAssign: return true;
      case StmtKind::For:
      case StmtKind::AsyncFor:
        if (find_annotation(as<For>(s)->body) || find_annotation(as<For>(s)->orelse)) return true;
        break;
      case StmtKind::While:
        if (find_annotation(as<While>(s)->body) || find_annotation(as<While>(s)->orelse)) return true;
        break;
      case StmtKind::If:
        if (find_annotation(as<If>(s)->body) || find_annotation(as<If>(s)->orelse)) return true;
        break;
      case StmtKind::With:
      case StmtKind::AsyncWith:
        if (find_annotation(as<With>(s)->body)) return true;
        break;
      case StmtKind::Try:
      case StmtKind::TryStar: {
        const auto* t = as<Try>(s);
        for (const ExceptHandler* h : t->handlers)
          if (find_annotation(h->body)) return true;
        if (find_annotation(t->body) || find_annotation(t->orelse) || find_annotation(t->finalbody)) return true;
        break;
      }
      case StmtKind::Match:
        for (const MatchCase* c : as<Match>(s)->cases)
          if (find_annotation(c->body)) return true;
        break;
      default: break;
    }
  }
  return false;
}

// A module or class body: annotations dict, docstring, statements.
void Compiler::body(const StmtList& stmts) {
  if (u().scope == ScopeType::Module && !stmts.empty()) set_loc(stmts[0]);
  if (find_annotation(stmts)) emit(Op::SETUP_ANNOTATIONS);
  size_t i = 0;
  if (const std::string* doc = docstring(stmts)) {
    i = 1;
    set_loc(stmts[0]);
    load_const(ConstantSpec{*doc});
    nameop("__doc__", ExprContext::Store);
  }
  for (; i < stmts.size(); ++i) visit_stmt(stmts[i]);
}

void Compiler::visit_stmts(const StmtList& stmts) {
  for (const Stmt* s : stmts) visit_stmt(s);
}

// ------------------------------------------------------------ functions

void Compiler::make_closure(std::shared_ptr<const CodeSpec> code, uint32_t flags) {
  if (!code->freevars.empty()) {
    for (const std::string& name : code->freevars) {
      uint32_t arg;
      const bool cell = (u().scope == ScopeType::Class && name == "__class__") ||
                        u().ste->scope_of(name) == Scope::Cell;
      if (cell) {
        arg = index_in(u().cellvars, name);
      } else {
        arg = index_in(u().freevars, name);
        if (arg != UINT32_MAX) arg += static_cast<uint32_t>(u().cellvars.size());
      }
      if (arg == UINT32_MAX) throw std::logic_error("corio compiler: no cell for free variable " + name);
      emit(Op::LOAD_CLOSURE, arg);
    }
    flags |= kFnClosure;
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(code->freevars.size()));
  }
  load_const(ConstantSpec{std::move(code)});
  emit(Op::MAKE_FUNCTION, flags);
}

uint32_t Compiler::default_arguments(const Arguments& args) {
  uint32_t flags = 0;
  if (!args.defaults.empty()) {
    visit_exprs(args.defaults);
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(args.defaults.size()));
    flags |= kFnDefaults;
  }
  uint32_t kwdefaults = 0;
  for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
    const Expr* d = i < args.kw_defaults.size() ? args.kw_defaults[i] : nullptr;
    if (!d) continue;
    load_const(ConstantSpec{mangled(args.kwonlyargs[i]->arg)});
    visit_expr(d);
    ++kwdefaults;
  }
  if (kwdefaults) {
    emit(Op::BUILD_MAP, kwdefaults);
    flags |= kFnKwDefaults;
  }
  return flags;
}

// An annotation's value: evaluated, or its source text under
// `from __future__ import annotations` (CPython stores ast.unparse() of it,
// which matches the source for all but unusual spacing).
void Compiler::annotation_value(const Expr* e) {
  if (!table_.future_annotations()) return visit_expr(e);
  const Loc& l = e->loc;
  const size_t begin = lines_.line_start(l.lineno) + static_cast<size_t>(l.col_offset);
  const size_t end = lines_.line_start(l.end_lineno) + static_cast<size_t>(l.end_col_offset);
  load_const(ConstantSpec{std::string(lines_.source().substr(begin, end - begin))});
}

// Pushes the flat (name, value, ...) tuple; false when nothing is annotated.
bool Compiler::annotations(const Arguments& args, const Expr* returns) {
  uint32_t count = 0;
  auto one = [&](const std::string& name, const Expr* annotation) {
    if (!annotation) return;
    load_const(ConstantSpec{mangled(name)});
    if (annotation->kind == ExprKind::Starred && !table_.future_annotations()) {
      visit_expr(as<Starred>(annotation)->value);
      emit(Op::UNPACK_SEQUENCE, 1);
    } else {
      annotation_value(annotation);
    }
    ++count;
  };
  for (const Arg* a : args.args) one(a->arg, a->annotation);
  for (const Arg* a : args.posonlyargs) one(a->arg, a->annotation);
  if (args.vararg) one(args.vararg->arg, args.vararg->annotation);
  for (const Arg* a : args.kwonlyargs) one(a->arg, a->annotation);
  if (args.kwarg) one(args.kwarg->arg, args.kwarg->annotation);
  one("return", returns);
  if (count) emit(Op::BUILD_TUPLE, count * 2);
  return count > 0;
}

// Each decorator is pushed above a NULL so that applying it is a plain CALL 1.
void Compiler::decorators(const ExprList& decos) {
  for (const Expr* d : decos) {
    set_loc(d);
    emit(Op::PUSH_NULL);
    visit_expr(d);
  }
}

void Compiler::apply_decorators(const ExprList& decos) {
  for (size_t i = decos.size(); i-- > 0;) {
    set_loc(decos[i]);
    emit(Op::CALL, 1);
  }
}

void Compiler::function_def(const FunctionDef* s) {
  const Arguments& args = *s->args;
  for (const auto* list : {&args.posonlyargs, &args.args, &args.kwonlyargs})
    for (const Arg* a : *list) forbidden_name(a->arg, ExprContext::Store, a->loc);
  if (args.vararg) forbidden_name(args.vararg->arg, ExprContext::Store, args.vararg->loc);
  if (args.kwarg) forbidden_name(args.kwarg->arg, ExprContext::Store, args.kwarg->loc);
  decorators(s->decorator_list);
  set_loc(s);
  const int first_line = s->decorator_list.empty() ? s->loc.lineno : s->decorator_list[0]->loc.lineno;
  uint32_t flags = default_arguments(args);
  if (annotations(args, s->returns)) flags |= kFnAnnotations;
  const bool async = s->kind == StmtKind::AsyncFunctionDef;
  enter_scope(s->name, async ? ScopeType::AsyncFunction : ScopeType::Function, s, first_line);
  const std::string* doc = docstring(s->body);
  add_const(doc ? ConstantSpec{*doc} : ConstantSpec{ConstantSpec::None{}});
  u().argcount = static_cast<int>(args.posonlyargs.size() + args.args.size());
  u().posonlyargcount = static_cast<int>(args.posonlyargs.size());
  u().kwonlyargcount = static_cast<int>(args.kwonlyargs.size());
  for (size_t i = doc ? 1 : 0; i < s->body.size(); ++i) visit_stmt(s->body[i]);
  std::shared_ptr<const CodeSpec> code = exit_scope();
  make_closure(std::move(code), flags);
  apply_decorators(s->decorator_list);
  set_loc(s);
  nameop(s->name, ExprContext::Store);
}

void Compiler::lambda(const Lambda* e) {
  const Arguments& args = *e->args;
  for (const auto* list : {&args.posonlyargs, &args.args, &args.kwonlyargs})
    for (const Arg* a : *list) forbidden_name(a->arg, ExprContext::Store, a->loc);
  const uint32_t flags = default_arguments(args);
  enter_scope("<lambda>", ScopeType::Lambda, e, e->loc.lineno);
  add_const(ConstantSpec{ConstantSpec::None{}});  // so a lambda has no docstring
  u().argcount = static_cast<int>(args.posonlyargs.size() + args.args.size());
  u().posonlyargcount = static_cast<int>(args.posonlyargs.size());
  u().kwonlyargcount = static_cast<int>(args.kwonlyargs.size());
  set_loc(e->body);
  visit_expr(e->body);
  emit(Op::RETURN_VALUE);
  std::shared_ptr<const CodeSpec> code = exit_scope();
  set_loc(e);
  make_closure(std::move(code), flags);
}

// class C(bases, **kw): body  ->  __build_class__(<body fn>, 'C', bases, **kw)
void Compiler::class_def(const ClassDef* s) {
  decorators(s->decorator_list);
  set_loc(s);
  const int first_line = s->decorator_list.empty() ? s->loc.lineno : s->decorator_list[0]->loc.lineno;
  enter_scope(s->name, ScopeType::Class, s, first_line);
  u().private_name = s->name;
  set_loc(s);
  nameop("__name__", ExprContext::Load);
  nameop("__module__", ExprContext::Store);
  load_const(ConstantSpec{u().qualname});
  nameop("__qualname__", ExprContext::Store);
  body(s->body);
  unset_loc();
  if (u().ste->needs_class_closure) {
    emit(Op::LOAD_CLOSURE, 0);  // __class__ is always cell 0
    emit(Op::COPY, 1);
    nameop("__classcell__", ExprContext::Store);
  } else {
    load_none();
  }
  emit(Op::RETURN_VALUE);
  std::shared_ptr<const CodeSpec> code = exit_scope();
  set_loc(s);
  emit(Op::PUSH_NULL);
  emit(Op::LOAD_BUILD_CLASS);
  make_closure(std::move(code), 0);
  load_const(ConstantSpec{s->name});
  call_helper(2, s->bases, s->keywords);
  apply_decorators(s->decorator_list);
  set_loc(s);
  nameop(s->name, ExprContext::Store);
}

}  // namespace corio::py
