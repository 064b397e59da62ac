// corio::py::Compiler: the code generator shared by compiler.cpp (scopes,
// names, functions, classes), compiler_stmt.cpp (statements),
// compiler_try.cpp (try/except/finally, except*, with), compiler_expr.cpp
// (expressions and calls), compiler_comp.cpp (comprehensions, await/yield),
// compiler_pattern.cpp (match) and compiler_assemble.cpp (from the
// instruction list to a CodeSpec). Internal: the rest of the interpreter
// uses compiler.hpp.
//
// Code is emitted as a linear list of instructions and labels, with
// CPython's pseudo-instructions SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH /
// POP_BLOCK marking the protected regions. The assembler walks the control
// flow once to get the stack depth at every instruction and the handler
// that covers it, drops unreachable code, and writes the exception table.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "py/ast.hpp"
#include "py/code_spec.hpp"
#include "py/opcodes.hpp"
#include "py/symtable.hpp"
#include "py/syntax_error.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

// Pseudo-instructions (never in the output). Their argument is a label.
enum Pseudo : int {
  kLabel = 256,       // a jump target
  kSetupFinally,      // handler gets: depth, exc
  kSetupCleanup,      // handler gets: depth, lasti, exc
  kSetupWith,         // as cleanup, with the __enter__ result popped first
  kPopBlock,          // end of the innermost protected region
};

struct Instr {
  int op;        // an Op, or a Pseudo
  uint32_t arg;  // the argument; a label id for jumps and pseudos
  Position pos;
};

bool is_jump(int op);

// BINARY_OP's argument for an AST operator (compiler_expr.cpp).
BinaryOp binary_op_of(BinOpKind op, bool inplace);

// CPython's compiler scope types.
enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// The frame blocks that break/continue/return must unwind (CPython's fblock).
enum class FBlockType {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, WithBlock, AsyncWithBlock, HandlerCleanup, PopValue,
  ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator
};

struct FBlock {
  FBlockType type;
  int block = -1;  // label: loop start (continue target)
  int exit = -1;   // label: loop exit (break target)
  const StmtList* finalbody = nullptr;  // FinallyTry
  const Stmt* with = nullptr;           // WithBlock / AsyncWithBlock
  const std::string* name = nullptr;    // HandlerCleanup: the `as` name
};

// One code object being compiled (CPython's compiler_unit).
struct Unit {
  const SymbolBlock* ste = nullptr;
  ScopeType scope = ScopeType::Module;
  std::string name;
  std::string qualname;
  std::string private_name;  // class name for mangling
  int first_line = 1;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  std::vector<Instr> instrs;
  int labels = 0;
  std::vector<ConstantSpec> consts;
  std::unordered_map<std::string, uint32_t> const_index;
  std::vector<std::string> names;
  std::unordered_map<std::string, uint32_t> name_index;
  std::vector<std::string> varnames;
  std::unordered_map<std::string, uint32_t> varname_index;
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  std::vector<FBlock> fblocks;
  Position loc;  // the position given to emitted instructions
};

class Compiler {
 public:
  Compiler(const SymbolTable& table, const SourceLines& lines, std::string filename);
  std::shared_ptr<const CodeSpec> compile(const Module& module);

 private:
  const SymbolTable& table_;
  const SourceLines& lines_;
  std::string filename_;
  std::vector<std::unique_ptr<Unit>> units_;
  std::unordered_set<const Stmt*> future_ok_;  // the leading `from __future__` imports

  Unit& u() { return *units_.back(); }
  const Unit& u() const { return *units_.back(); }

  // ---- emission (compiler.cpp)
  int new_label() { return u().labels++; }
  void bind(int label) { u().instrs.push_back({kLabel, static_cast<uint32_t>(label), u().loc}); }
  void emit(Op op, uint32_t arg = 0);
  void emit_pseudo(Pseudo op, int label = 0) { u().instrs.push_back({op, static_cast<uint32_t>(label), u().loc}); }
  void emit_jump(Op op, int label) { u().instrs.push_back({static_cast<int>(op), static_cast<uint32_t>(label), u().loc}); }
  void load_const(ConstantSpec c);
  void load_none() { load_const(ConstantSpec{ConstantSpec::None{}}); }
  uint32_t add_const(ConstantSpec c);
  uint32_t add_name(const std::string& name);
  void emit_name(Op op, const std::string& name) { emit(op, add_name(mangled(name))); }
  uint32_t add_varname(const std::string& name);
  void set_loc(const Loc& loc) { u().loc = Position{loc.lineno, loc.end_lineno, loc.col_offset, loc.end_col_offset}; }
  void set_loc(const Expr* e) { set_loc(e->loc); }
  void set_loc(const Stmt* s) { set_loc(s->loc); }
  void set_loc(const Pattern* p) { set_loc(p->loc); }
  void unset_loc() { u().loc = Position{}; }
  [[noreturn]] void error(const std::string& msg) const;
  [[noreturn]] void error_at(const Loc& loc, const std::string& msg) const;

  // ---- scopes, names, functions, classes (compiler.cpp)
  void enter_scope(const std::string& name, ScopeType scope, const void* node, int first_line);
  std::shared_ptr<const CodeSpec> exit_scope();
  std::string mangled(const std::string& name) const { return mangle(u().private_name, name); }
  void nameop(const std::string& name, ExprContext ctx);
  void forbidden_name(const std::string& name, ExprContext ctx, const Loc& loc);
  void body(const StmtList& stmts);
  void visit_stmts(const StmtList& stmts);
  void make_closure(std::shared_ptr<const CodeSpec> code, uint32_t flags);
  uint32_t default_arguments(const Arguments& args);
  bool annotations(const Arguments& args, const Expr* returns);
  void annotation_value(const Expr* e);
  void function_def(const FunctionDef* s);
  void class_def(const ClassDef* s);
  void lambda(const Lambda* e);
  void decorators(const ExprList& decos);
  void apply_decorators(const ExprList& decos);
  static const std::string* docstring(const StmtList& stmts);
  static bool find_annotation(const StmtList& stmts);

  // ---- statements (compiler_stmt.cpp)
  void visit_stmt(const Stmt* s);
  void assign(const Assign* s);
  void aug_assign(const AugAssign* s);
  void ann_assign(const AnnAssign* s);
  void check_ann_expr(const Expr* e);
  void check_ann_subscr(const Expr* e);
  void delete_target(const Expr* e);
  void if_stmt(const If* s);
  void while_stmt(const While* s);
  void for_stmt(const For* s);
  void async_for(const For* s);
  void return_stmt(const Return* s);
  void break_stmt(const Stmt* s);
  void continue_stmt(const Stmt* s);
  void raise_stmt(const Raise* s);
  void assert_stmt(const Assert* s);
  void import_stmt(const Import* s);
  void import_from(const ImportFrom* s);
  void expr_stmt(const ExprStmt* s);
  void push_fblock(FBlock b) { u().fblocks.push_back(b); }
  void pop_fblock() { u().fblocks.pop_back(); }
  void unwind_fblock(const FBlock& b, bool preserve_tos);
  int unwind_fblock_stack(bool preserve_tos, bool to_loop);  // index of the loop, or -1

  // ---- try / with (compiler_try.cpp)
  void try_stmt(const Try* s);
  void try_finally(const Try* s);
  void try_except(const Try* s);
  void try_star(const Try* s);
  void try_star_except(const Try* s);
  void with_stmt(const With* s, size_t pos);
  void async_with(const With* s, size_t pos);
  void with_except_finish(int cleanup);
  void call_exit_with_nones();
  void pop_except_and_reraise();

  // ---- expressions (compiler_expr.cpp)
  void visit_expr(const Expr* e);
  void visit_expr1(const Expr* e);
  void visit_exprs(const ExprList& list) {
    for (const Expr* e : list) visit_expr(e);
  }
  void jump_if(const Expr* e, int label, bool cond);
  void boolop(const BoolOp* e);
  void compare(const Compare* e);
  void compare_op(CmpOpKind op);
  void ifexp(const IfExp* e);
  void call(const Call* e);
  bool method_call(const Call* e);
  void call_helper(int pushed, const ExprList& args, const std::vector<Keyword*>& keywords);
  void keyword_names(const std::vector<Keyword*>& keywords, size_t begin, size_t end);
  void subkwargs(const std::vector<Keyword*>& keywords, size_t begin, size_t end);
  void validate_keywords(const std::vector<Keyword*>& keywords);
  void starunpack(const ExprList& elts, int pushed, Op build, Op add, Op extend, bool tuple);
  void dict(const Dict* e);
  void subdict(const Dict* e, size_t begin, size_t end);
  void joined_str(const JoinedStr* e);
  void formatted_value(const FormattedValue* e);
  void slice(const Slice* e);
  void subscript(const Subscript* e);
  void attribute(const Attribute* e);
  void unpack_assignment(const ExprList& elts);
  static bool is_const(const Expr* e);
  static ConstantSpec constant_of(const Expr* e);
  ConstantSpec const_tuple(const ExprList& elts) const;

  // ---- comprehensions, yield, await (compiler_comp.cpp)
  void comprehension(const Expr* e, const std::string& name, int type, const std::vector<Comprehension*>& gens,
                     const Expr* elt, const Expr* val);
  void comprehension_generator(const std::vector<Comprehension*>& gens, size_t index, int depth, const Expr* elt,
                               const Expr* val, int type);
  void sync_comprehension_generator(const std::vector<Comprehension*>& gens, size_t index, int depth,
                                    const Expr* elt, const Expr* val, int type);
  void async_comprehension_generator(const std::vector<Comprehension*>& gens, size_t index, int depth,
                                     const Expr* elt, const Expr* val, int type);
  void comprehension_element(const Expr* elt, const Expr* val, int type, int depth);
  void add_yield_from(bool await);
  void add_yield();
  void yield_expr(const Yield* e);
  void yield_from(const YieldFrom* e);
  void await_expr(const Await* e);

  // ---- match (compiler_pattern.cpp)
  struct PatternContext;
  void match_stmt(const Match* s);
  void pattern(const Pattern* p, PatternContext& pc);
  void pattern_subpattern(const Pattern* p, PatternContext& pc);
  void pattern_as(const MatchAs* p, PatternContext& pc);
  void pattern_star(const MatchStar* p, PatternContext& pc);
  void pattern_value(const MatchValue* p, PatternContext& pc);
  void pattern_singleton(const MatchSingleton* p, PatternContext& pc);
  void pattern_sequence(const MatchSequence* p, PatternContext& pc);
  void pattern_mapping(const MatchMapping* p, PatternContext& pc);
  void pattern_class(const MatchClass* p, PatternContext& pc);
  void pattern_or(const MatchOr* p, PatternContext& pc);
  void pattern_store_name(const std::string* name, const Loc& loc, PatternContext& pc);
  void pattern_rotate(int count);
  void pattern_unpack(const PatternList& elts);
  void pattern_sequence_unpack(const PatternList& patterns, PatternContext& pc);
  void pattern_sequence_subscr(const PatternList& patterns, int star, PatternContext& pc);
  void ensure_fail_pop(PatternContext& pc, size_t n);
  void jump_to_fail_pop(PatternContext& pc, Op op);
  void emit_and_reset_fail_pop(PatternContext& pc);
};

// From a finished unit to a CodeSpec (compiler_assemble.cpp): flow analysis
// for stack depth and handlers, dead code removal, jump resolution, the
// exception table.
std::shared_ptr<const CodeSpec> assemble(Unit& unit, const std::string& filename, uint32_t flags);

}  // namespace corio::py
