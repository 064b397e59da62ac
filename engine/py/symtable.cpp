// corio::py symbol table: the AST walk that records how each block uses
// each name, and the analysis that resolves names to scopes. Both follow
// CPython 3.11's Python/symtable.c function by function (symtable_visit_*,
// analyze_block, analyze_name, analyze_cells, update_symbols), so the result
// and the SyntaxErrors match CPython's.
#include "py/symtable.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

using namespace sym;

const Symbol* SymbolBlock::lookup(std::string_view mangled) const {
  auto it = index.find(std::string(mangled));
  return it == index.end() ? nullptr : &symbols[it->second];
}

Scope SymbolBlock::scope_of(std::string_view mangled) const {
  const Symbol* s = lookup(mangled);
  return s ? s->scope : Scope::Unknown;
}

const SymbolBlock* SymbolTable::block_of(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

std::string mangle(std::string_view class_name, std::string_view name) {
  if (class_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return std::string(name);
  // Dunder names and dotted (import) names are left alone.
  if (name.size() >= 2 && name.substr(name.size() - 2) == "__") return std::string(name);
  if (name.find('.') != std::string_view::npos) return std::string(name);
  size_t strip = 0;
  while (strip < class_name.size() && class_name[strip] == '_') ++strip;
  if (strip == class_name.size()) return std::string(name);  // class name is all underscores
  std::string out = "_";
  out.append(class_name.substr(strip));
  out.append(name);
  return out;
}

// ------------------------------------------------------------------ walk

class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& table, const SourceLines& lines) : table_(table), lines_(lines) {}

  void run(const Module& module) {
    check_future(module);
    table_.top_ = enter(BlockKind::Module, "top", &module, Loc{0, 0, 0, 0});
    for (const Stmt* s : module.body) visit_stmt(s);
    exit();
    Analyzer{*this}.analyze(*table_.top_);
  }

 private:
  SymbolTable& table_;
  const SourceLines& lines_;
  std::vector<SymbolBlock*> stack_;
  std::string private_;  // the enclosing class name, for mangling
  // Per-block walk state (CPython's ste_comp_iter_target / ste_comp_iter_expr).
  struct WalkState {
    bool comp_iter_target = false;
    int comp_iter_expr = 0;
  };
  std::vector<WalkState> walk_;
  // Where each global/nonlocal directive was, for analysis errors.
  std::unordered_map<const SymbolBlock*, std::unordered_map<std::string, Loc>> directives_;

  SymbolBlock* cur() { return stack_.back(); }

  // CPython reports compile-time error columns as UTF-8 byte offsets + 1.
  [[noreturn]] void fail(const Loc& loc, const std::string& msg) const {
    throw lines_.raw_error("SyntaxError", msg, loc.lineno, loc.col_offset + 1, loc.end_lineno, loc.end_col_offset + 1);
  }

  // ---------------------------------------------------------- future

  // `from __future__ import ...` at the top of the module (CPython's future.c).
  void check_future(const Module& module) {
    bool done = false;
    for (size_t i = 0; i < module.body.size(); ++i) {
      const Stmt* s = module.body[i];
      if (done) break;
      if (s->kind == StmtKind::ImportFrom) {
        const auto* f = as<ImportFrom>(s);
        if (f->has_module && f->module == "__future__" && f->level == 0) {
          for (const Alias* a : f->names) check_feature(*s, a->name);
          continue;
        }
        done = true;
      } else if (i == 0 && s->kind == StmtKind::Expr && as<ExprStmt>(s)->value->kind == ExprKind::Constant &&
                 as<Constant>(as<ExprStmt>(s)->value)->value_kind == ConstantKind::Str) {
        continue;  // the docstring
      } else {
        done = true;
      }
    }
  }

  void check_feature(const Stmt& s, const std::string& name) {
    static const char* const kKnown[] = {"nested_scopes", "generators", "division", "absolute_import",
                                         "with_statement", "print_function", "unicode_literals",
                                         "barry_as_FLUFL", "generator_stop", "annotations"};
    if (name == "annotations") table_.future_annotations_ = true;
    for (const char* k : kKnown)
      if (name == k) return;
    // CPython gives these no end offset (None); 0 stands for it.
    const int offset = s.loc.col_offset + 1;
    if (name == "braces") throw lines_.raw_error("SyntaxError", "not a chance", s.loc.lineno, offset, s.loc.lineno, 0);
    throw lines_.raw_error("SyntaxError", "future feature " + name + " is not defined", s.loc.lineno, offset,
                           s.loc.lineno, 0);
  }

  // ---------------------------------------------------------- blocks

  SymbolBlock* enter(BlockKind kind, std::string name, const void* node, const Loc& loc) {
    auto block = std::make_unique<SymbolBlock>();
    block->kind = kind;
    block->name = std::move(name);
    block->node = node;
    block->lineno = loc.lineno;
    block->loc = loc;
    if (!stack_.empty()) {
      SymbolBlock* parent = cur();
      if (parent->nested || parent->kind == BlockKind::Function) block->nested = true;
      parent->children.push_back(block.get());
    }
    SymbolBlock* raw = block.get();
    table_.by_node_[node] = raw;
    table_.blocks_.push_back(std::move(block));
    stack_.push_back(raw);
    walk_.push_back({});
    return raw;
  }

  void exit() {
    stack_.pop_back();
    walk_.pop_back();
  }

  // ---------------------------------------------------------- definitions

  uint32_t lookup(const std::string& name) {
    const Symbol* s = cur()->lookup(mangle(private_, name));
    return s ? s->flags : 0;
  }

  Symbol& symbol_in(SymbolBlock& block, const std::string& mangled) {
    auto it = block.index.find(mangled);
    if (it != block.index.end()) return block.symbols[it->second];
    block.index.emplace(mangled, block.symbols.size());
    block.symbols.push_back(Symbol{mangled, 0, Scope::Unknown});
    return block.symbols.back();
  }

  // CPython's symtable_add_def_helper.
  void add_def_in(SymbolBlock& block, const std::string& name, uint32_t flag, const Loc& loc, bool iter_target) {
    const std::string mangled = mangle(private_, name);
    Symbol& s = symbol_in(block, mangled);
    if ((flag & kDefParam) && (s.flags & kDefParam))
      fail(loc, "duplicate argument '" + name + "' in function definition");
    s.flags |= flag;
    if (iter_target) {
      if (s.flags & (kDefGlobal | kDefNonlocal))
        fail(loc, "comprehension inner loop cannot rebind assignment expression target '" + name + "'");
      s.flags |= kDefCompIter;
    }
    if (flag & kDefParam) {
      block.varnames.push_back(mangled);
    } else if (flag & kDefGlobal) {
      symbol_in(*table_.top_, mangled).flags |= flag;
    }
  }

  void add_def(const std::string& name, uint32_t flag, const Loc& loc) {
    add_def_in(*cur(), name, flag, loc, walk_.back().comp_iter_target);
  }

  // ---------------------------------------------------------- statements

  void visit_stmts(const StmtList& body) {
    for (const Stmt* s : body) visit_stmt(s);
  }

  void visit_exprs(const ExprList& list) {
    for (const Expr* e : list)
      if (e) visit_expr(e);
  }

  void visit_stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: return visit_function(as<FunctionDef>(s));
      case StmtKind::ClassDef: return visit_class(as<ClassDef>(s));
      case StmtKind::Return:
        if (auto* v = as<Return>(s)->value) visit_expr(v);
        return;
      case StmtKind::Delete: return visit_exprs(as<Delete>(s)->targets);
      case StmtKind::Assign:
        visit_exprs(as<Assign>(s)->targets);
        return visit_expr(as<Assign>(s)->value);
      case StmtKind::AugAssign:
        visit_expr(as<AugAssign>(s)->target);
        return visit_expr(as<AugAssign>(s)->value);
      case StmtKind::AnnAssign: return visit_annassign(as<AnnAssign>(s));
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        const auto* f = as<For>(s);
        visit_expr(f->target);
        visit_expr(f->iter);
        visit_stmts(f->body);
        return visit_stmts(f->orelse);
      }
      case StmtKind::While:
        visit_expr(as<While>(s)->test);
        visit_stmts(as<While>(s)->body);
        return visit_stmts(as<While>(s)->orelse);
      case StmtKind::If:
        visit_expr(as<If>(s)->test);
        visit_stmts(as<If>(s)->body);
        return visit_stmts(as<If>(s)->orelse);
      case StmtKind::With:
      case StmtKind::AsyncWith:
        for (const WithItem& item : as<With>(s)->items) {
          visit_expr(item.context_expr);
          if (item.optional_vars) visit_expr(item.optional_vars);
        }
        return visit_stmts(as<With>(s)->body);
      case StmtKind::Match: {
        const auto* m = as<Match>(s);
        visit_expr(m->subject);
        for (const MatchCase* c : m->cases) {
          visit_pattern(c->pattern);
          if (c->guard) visit_expr(c->guard);
          visit_stmts(c->body);
        }
        return;
      }
      case StmtKind::Raise:
        if (auto* e = as<Raise>(s)->exc) visit_expr(e);
        if (auto* c = as<Raise>(s)->cause) visit_expr(c);
        return;
      case StmtKind::Try:
      case StmtKind::TryStar: {
        const auto* t = as<Try>(s);
        visit_stmts(t->body);
        visit_stmts(t->orelse);
        for (const ExceptHandler* h : t->handlers) {
          if (h->type) visit_expr(h->type);
          if (h->has_name) add_def(h->name, kDefLocal, h->loc);
          visit_stmts(h->body);
        }
        return visit_stmts(t->finalbody);
      }
      case StmtKind::Assert:
        visit_expr(as<Assert>(s)->test);
        if (auto* m = as<Assert>(s)->msg) visit_expr(m);
        return;
      case StmtKind::Import:
        for (const Alias* a : as<Import>(s)->names) visit_alias(a);
        return;
      case StmtKind::ImportFrom:
        for (const Alias* a : as<ImportFrom>(s)->names) visit_alias(a);
        return;
      case StmtKind::Global: return visit_global(s, as<Global>(s)->names, true);
      case StmtKind::Nonlocal: return visit_global(s, as<Nonlocal>(s)->names, false);
      case StmtKind::Expr: return visit_expr(as<ExprStmt>(s)->value);
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue: return;
    }
  }

  void visit_function(const FunctionDef* f) {
    add_def(f->name, kDefLocal, f->loc);
    visit_exprs(f->args->defaults);
    visit_exprs(f->args->kw_defaults);
    visit_annotations(*f->args, f->returns);
    visit_exprs(f->decorator_list);
    enter(BlockKind::Function, f->name, f, f->loc);
    if (f->kind == StmtKind::AsyncFunctionDef) {
      cur()->coroutine = true;
      cur()->is_async_def = true;
    }
    visit_arguments(*f->args);
    visit_stmts(f->body);
    exit();
  }

  void visit_class(const ClassDef* c) {
    add_def(c->name, kDefLocal, c->loc);
    visit_exprs(c->bases);
    for (const Keyword* k : c->keywords) visit_expr(k->value);
    visit_exprs(c->decorator_list);
    enter(BlockKind::Class, c->name, c, c->loc);
    std::string saved = std::exchange(private_, c->name);
    visit_stmts(c->body);
    private_ = std::move(saved);
    exit();
  }

  void visit_annassign(const AnnAssign* s) {
    if (s->target->kind == ExprKind::Name) {
      const auto* name = as<Name>(s->target);
      const uint32_t flags = lookup(name->id);
      if ((flags & (kDefGlobal | kDefNonlocal)) && cur() != table_.top_ && s->simple)
        fail(s->loc, "annotated name '" + name->id + (flags & kDefGlobal ? "' can't be global" : "' can't be nonlocal"));
      if (s->simple)
        add_def(name->id, kDefAnnot | kDefLocal, name->loc);
      else if (s->value)
        add_def(name->id, kDefLocal, name->loc);
    } else {
      visit_expr(s->target);
    }
    visit_annotation(s->annotation);
    if (s->value) visit_expr(s->value);
  }

  void visit_annotation(const Expr* e) {
    if (!table_.future_annotations_) visit_expr(e);
  }

  void visit_annotations(const Arguments& a, const Expr* returns) {
    for (const auto* list : {&a.posonlyargs, &a.args, &a.kwonlyargs})
      for (const Arg* arg : *list)
        if (arg->annotation) visit_annotation(arg->annotation);
    if (a.vararg && a.vararg->annotation) visit_annotation(a.vararg->annotation);
    if (a.kwarg && a.kwarg->annotation) visit_annotation(a.kwarg->annotation);
    if (returns) visit_annotation(returns);
  }

  void visit_arguments(const Arguments& a) {
    for (const auto* list : {&a.posonlyargs, &a.args, &a.kwonlyargs})
      for (const Arg* arg : *list) add_def(arg->arg, kDefParam, arg->loc);
    if (a.vararg) {
      add_def(a.vararg->arg, kDefParam, a.vararg->loc);
      cur()->varargs = true;
    }
    if (a.kwarg) {
      add_def(a.kwarg->arg, kDefParam, a.kwarg->loc);
      cur()->varkeywords = true;
    }
  }

  void visit_alias(const Alias* a) {
    const std::string& name = a->has_asname ? a->asname : a->name;
    if (name == "*") {
      if (cur()->kind != BlockKind::Module) fail(a->loc, "import * only allowed at module level");
      return;
    }
    add_def(name.substr(0, name.find('.')), kDefImport, a->loc);
  }

  void visit_global(const Stmt* s, const std::vector<std::string>& names, bool global) {
    const char* what = global ? "global" : "nonlocal";
    for (const std::string& name : names) {
      const uint32_t flags = lookup(name);
      if (flags & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
        std::string msg;
        if (flags & kDefParam)
          msg = "name '" + name + "' is parameter and " + what;
        else if (flags & kUse)
          msg = "name '" + name + "' is used prior to " + what + " declaration";
        else if (flags & kDefAnnot)
          msg = "annotated name '" + name + "' can't be " + what;
        else
          msg = "name '" + name + "' is assigned to before " + what + " declaration";
        fail(s->loc, msg);
      }
      add_def(name, global ? kDefGlobal : kDefNonlocal, s->loc);
      directives_[cur()].emplace(mangle(private_, name), s->loc);
    }
  }

  // ---------------------------------------------------------- expressions

  void visit_expr(const Expr* e) {
    switch (e->kind) {
      case ExprKind::NamedExpr: return visit_namedexpr(as<NamedExpr>(e));
      case ExprKind::BoolOp: return visit_exprs(as<BoolOp>(e)->values);
      case ExprKind::BinOp:
        visit_expr(as<BinOp>(e)->left);
        return visit_expr(as<BinOp>(e)->right);
      case ExprKind::UnaryOp: return visit_expr(as<UnaryOp>(e)->operand);
      case ExprKind::Lambda: {
        const auto* l = as<Lambda>(e);
        visit_exprs(l->args->defaults);
        visit_exprs(l->args->kw_defaults);
        enter(BlockKind::Function, "lambda", l, l->loc);
        visit_arguments(*l->args);
        visit_expr(l->body);
        return exit();
      }
      case ExprKind::IfExp:
        visit_expr(as<IfExp>(e)->test);
        visit_expr(as<IfExp>(e)->body);
        return visit_expr(as<IfExp>(e)->orelse);
      case ExprKind::Dict:
        visit_exprs(as<Dict>(e)->keys);
        return visit_exprs(as<Dict>(e)->values);
      case ExprKind::Set: return visit_exprs(as<Set>(e)->elts);
      case ExprKind::GeneratorExp:
        return visit_comprehension(e, "genexpr", ComprehensionKind::Generator, as<GeneratorExp>(e)->generators,
                                   as<GeneratorExp>(e)->elt, nullptr);
      case ExprKind::ListComp:
        return visit_comprehension(e, "listcomp", ComprehensionKind::List, as<ListComp>(e)->generators,
                                   as<ListComp>(e)->elt, nullptr);
      case ExprKind::SetComp:
        return visit_comprehension(e, "setcomp", ComprehensionKind::Set, as<SetComp>(e)->generators,
                                   as<SetComp>(e)->elt, nullptr);
      case ExprKind::DictComp:
        return visit_comprehension(e, "dictcomp", ComprehensionKind::Dict, as<DictComp>(e)->generators,
                                   as<DictComp>(e)->key, as<DictComp>(e)->value);
      case ExprKind::Yield:
        if (auto* v = as<Yield>(e)->value) visit_expr(v);
        cur()->generator = true;
        return check_yield_in_comprehension(e);
      case ExprKind::YieldFrom:
        visit_expr(as<YieldFrom>(e)->value);
        cur()->generator = true;
        return check_yield_in_comprehension(e);
      case ExprKind::Await:
        visit_expr(as<Await>(e)->value);
        cur()->coroutine = true;
        return;
      case ExprKind::Compare:
        visit_expr(as<Compare>(e)->left);
        return visit_exprs(as<Compare>(e)->comparators);
      case ExprKind::Call:
        visit_expr(as<Call>(e)->func);
        visit_exprs(as<Call>(e)->args);
        for (const Keyword* k : as<Call>(e)->keywords) visit_expr(k->value);
        return;
      case ExprKind::FormattedValue:
        visit_expr(as<FormattedValue>(e)->value);
        if (auto* spec = as<FormattedValue>(e)->format_spec) visit_expr(spec);
        return;
      case ExprKind::JoinedStr: return visit_exprs(as<JoinedStr>(e)->values);
      case ExprKind::Constant: return;
      case ExprKind::Attribute: return visit_expr(as<Attribute>(e)->value);
      case ExprKind::Subscript:
        visit_expr(as<Subscript>(e)->value);
        return visit_expr(as<Subscript>(e)->slice);
      case ExprKind::Starred: return visit_expr(as<Starred>(e)->value);
      case ExprKind::Slice:
        if (auto* x = as<Slice>(e)->lower) visit_expr(x);
        if (auto* x = as<Slice>(e)->upper) visit_expr(x);
        if (auto* x = as<Slice>(e)->step) visit_expr(x);
        return;
      case ExprKind::Name: {
        const auto* n = as<Name>(e);
        add_def(n->id, n->ctx == ExprContext::Load ? kUse : kDefLocal, n->loc);
        // A method that names `super` gets the implicit __class__ cell.
        if (n->ctx == ExprContext::Load && cur()->kind == BlockKind::Function && n->id == "super")
          add_def("__class__", kUse, n->loc);
        return;
      }
      case ExprKind::List: return visit_exprs(as<List>(e)->elts);
      case ExprKind::Tuple: return visit_exprs(as<Tuple>(e)->elts);
    }
  }

  void check_yield_in_comprehension(const Expr* e) {
    static const char* const kWhat[] = {"", "list comprehension", "set comprehension", "dict comprehension",
                                        "generator expression"};
    const ComprehensionKind k = cur()->comprehension;
    if (k != ComprehensionKind::None) fail(e->loc, std::string("'yield' inside ") + kWhat[static_cast<int>(k)]);
  }

  void visit_namedexpr(const NamedExpr* e) {
    if (walk_.back().comp_iter_expr > 0)
      fail(e->loc, "assignment expression cannot be used in a comprehension iterable expression");
    if (cur()->comprehension != ComprehensionKind::None) extend_namedexpr_scope(as<Name>(e->target));
    visit_expr(e->value);
    visit_expr(e->target);
  }

  // A walrus in a comprehension binds in the nearest enclosing function or
  // module (CPython's symtable_extend_namedexpr_scope).
  void extend_namedexpr_scope(const Name* target) {
    const std::string& name = target->id;
    for (size_t i = stack_.size(); i-- > 0;) {
      SymbolBlock* block = stack_[i];
      if (block->comprehension != ComprehensionKind::None) {
        const Symbol* s = block->lookup(mangle(private_, name));
        if (s && (s->flags & kDefCompIter))
          fail(target->loc, "assignment expression cannot rebind comprehension iteration variable '" + name + "'");
        continue;
      }
      if (block->kind == BlockKind::Function) {
        const Symbol* s = block->lookup(mangle(private_, name));
        const bool global = s && (s->flags & kDefGlobal);
        add_def(name, global ? kDefGlobal : kDefNonlocal, target->loc);
        directives_[cur()].emplace(mangle(private_, name), target->loc);
        return add_def_in(*block, name, kDefLocal, target->loc, false);
      }
      if (block->kind == BlockKind::Module) {
        add_def(name, kDefGlobal, target->loc);
        directives_[cur()].emplace(mangle(private_, name), target->loc);
        return add_def_in(*block, name, kDefGlobal, target->loc, false);
      }
      fail(target->loc, "assignment expression within a comprehension cannot be used in a class body");
    }
  }

  void visit_comprehension(const Expr* e, const char* name, ComprehensionKind kind,
                           const std::vector<Comprehension*>& generators, const Expr* elt, const Expr* value) {
    const Comprehension* outermost = generators[0];
    // The outermost iterable is evaluated in the enclosing block.
    walk_.back().comp_iter_expr++;
    visit_expr(outermost->iter);
    walk_.back().comp_iter_expr--;
    enter(BlockKind::Function, name, e, e->loc);
    cur()->comprehension = kind;
    if (outermost->is_async) cur()->coroutine = true;
    add_def(".0", kDefParam, e->loc);  // the outermost iterator, received as an argument
    walk_.back().comp_iter_target = true;
    visit_expr(outermost->target);
    walk_.back().comp_iter_target = false;
    visit_exprs(outermost->ifs);
    for (size_t i = 1; i < generators.size(); ++i) {
      const Comprehension* g = generators[i];
      walk_.back().comp_iter_target = true;
      visit_expr(g->target);
      walk_.back().comp_iter_target = false;
      walk_.back().comp_iter_expr++;
      visit_expr(g->iter);
      walk_.back().comp_iter_expr--;
      visit_exprs(g->ifs);
      if (g->is_async) cur()->coroutine = true;
    }
    if (value) visit_expr(value);
    visit_expr(elt);
    const bool is_generator = kind == ComprehensionKind::Generator;
    cur()->generator = is_generator;
    const bool is_async = cur()->coroutine && !is_generator;
    exit();
    if (is_async) cur()->coroutine = true;
  }

  // ---------------------------------------------------------- patterns

  void visit_patterns(const PatternList& list) {
    for (const Pattern* p : list) visit_pattern(p);
  }

  void visit_pattern(const Pattern* p) {
    switch (p->kind) {
      case PatternKind::MatchValue: return visit_expr(as<MatchValue>(p)->value);
      case PatternKind::MatchSingleton: return;
      case PatternKind::MatchSequence: return visit_patterns(as<MatchSequence>(p)->patterns);
      case PatternKind::MatchStar:
        if (as<MatchStar>(p)->has_name) add_def(as<MatchStar>(p)->name, kDefLocal, p->loc);
        return;
      case PatternKind::MatchMapping: {
        const auto* m = as<MatchMapping>(p);
        visit_exprs(m->keys);
        visit_patterns(m->patterns);
        if (m->has_rest) add_def(m->rest, kDefLocal, p->loc);
        return;
      }
      case PatternKind::MatchClass:
        visit_expr(as<MatchClass>(p)->cls);
        visit_patterns(as<MatchClass>(p)->patterns);
        return visit_patterns(as<MatchClass>(p)->kwd_patterns);
      case PatternKind::MatchAs:
        if (auto* sub = as<MatchAs>(p)->pattern) visit_pattern(sub);
        if (as<MatchAs>(p)->has_name) add_def(as<MatchAs>(p)->name, kDefLocal, p->loc);
        return;
      case PatternKind::MatchOr: return visit_patterns(as<MatchOr>(p)->patterns);
    }
  }

  // ---------------------------------------------------------- analysis

  using NameSet = std::set<std::string>;

  struct Analyzer {
    SymtableBuilder& b;

    void analyze(SymbolBlock& top) {
      NameSet free, global;
      analyze_block(top, nullptr, free, global);
    }

    [[noreturn]] void fail_at_directive(const SymbolBlock& block, const std::string& name, const std::string& msg) {
      auto it = b.directives_.find(&block);
      Loc loc;
      if (it != b.directives_.end()) {
        auto jt = it->second.find(name);
        if (jt != it->second.end()) loc = jt->second;
      }
      b.fail(loc, msg);
    }

    void analyze_name(SymbolBlock& block, Symbol& s, const NameSet* bound, NameSet& local, NameSet& free,
                      NameSet& global, NameSet* bound_mut) {
      const uint32_t flags = s.flags;
      const std::string& name = s.name;
      if (flags & kDefGlobal) {
        if (flags & kDefNonlocal) fail_at_directive(block, name, "name '" + name + "' is nonlocal and global");
        s.scope = Scope::GlobalExplicit;
        global.insert(name);
        if (bound_mut) bound_mut->erase(name);
        return;
      }
      if (flags & kDefNonlocal) {
        if (!bound) fail_at_directive(block, name, "nonlocal declaration not allowed at module level");
        if (!bound->count(name)) fail_at_directive(block, name, "no binding for nonlocal '" + name + "' found");
        s.scope = Scope::Free;
        block.free = true;
        free.insert(name);
        return;
      }
      if (flags & kDefBound) {
        s.scope = Scope::Local;
        local.insert(name);
        global.erase(name);
        return;
      }
      if (bound && bound->count(name)) {
        s.scope = Scope::Free;
        block.free = true;
        free.insert(name);
        return;
      }
      if (global.count(name)) {
        s.scope = Scope::GlobalImplicit;
        return;
      }
      if (block.nested) block.free = true;
      s.scope = Scope::GlobalImplicit;
    }

    // CPython's analyze_block; `bound` is null for the module.
    void analyze_block(SymbolBlock& block, NameSet* bound, NameSet& free, NameSet& global) {
      NameSet local, newglobal, newfree, newbound;
      if (block.kind == BlockKind::Class) {
        // Class bindings are not visible in methods: pass down only what
        // was visible outside the class.
        newglobal = global;
        if (bound) newbound = *bound;
      }
      for (Symbol& s : block.symbols) analyze_name(block, s, bound, local, free, global, bound);
      if (block.kind != BlockKind::Class) {
        if (block.kind == BlockKind::Function) newbound.insert(local.begin(), local.end());
        if (bound) newbound.insert(bound->begin(), bound->end());
        newglobal.insert(global.begin(), global.end());
      } else {
        newbound.insert("__class__");
      }
      NameSet allfree;
      for (SymbolBlock* child : block.children) {
        NameSet child_bound = newbound, child_free = newfree, child_global = newglobal;
        analyze_block(*child, &child_bound, child_free, child_global);
        allfree.insert(child_free.begin(), child_free.end());
        if (child->free || child->child_free) block.child_free = true;
      }
      newfree.insert(allfree.begin(), allfree.end());
      if (block.kind == BlockKind::Function) {
        analyze_cells(block, newfree);
      } else if (block.kind == BlockKind::Class) {
        if (newfree.erase("__class__")) block.needs_class_closure = true;
      }
      update_symbols(block, bound, newfree);
      free.insert(newfree.begin(), newfree.end());
    }

    // Locals that children use freely become cells.
    static void analyze_cells(SymbolBlock& block, NameSet& free) {
      for (Symbol& s : block.symbols) {
        if (s.scope != Scope::Local || !free.count(s.name)) continue;
        s.scope = Scope::Cell;
        free.erase(s.name);
      }
    }

    // Records free variables of children that pass through this block.
    void update_symbols(SymbolBlock& block, const NameSet* bound, const NameSet& free) {
      for (const std::string& name : free) {
        auto it = block.index.find(name);
        if (it != block.index.end()) {
          Symbol& s = block.symbols[it->second];
          if (block.kind == BlockKind::Class && (s.flags & (kDefBound | kDefGlobal))) s.flags |= kDefFreeClass;
          continue;
        }
        if (bound && !bound->count(name)) continue;  // a global
        Symbol& s = b.symbol_in(block, name);
        s.scope = Scope::Free;
      }
    }
  };
};

std::unique_ptr<SymbolTable> SymbolTable::build(const Module& module, const SourceLines& lines) {
  auto table = std::unique_ptr<SymbolTable>(new SymbolTable());
  SymtableBuilder(*table, lines).run(module);
  return table;
}

}  // namespace corio::py
