// corio::py abstract syntax tree: one plain struct per node kind of CPython
// 3.11's `ast` module, with the same fields in the same order, all owned by
// an AstArena and freed in one go. A compiler walks it by switching on the
// `kind` of an Expr/Stmt/Pattern and casting with as<T>().
//
// Positions are CPython's: lineno/end_lineno 1-based, col_offset and
// end_col_offset 0-based UTF-8 byte offsets, the end exclusive.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace corio::py::ast {

// ---------------------------------------------------------------- arena

// Owns every node of one parse. Nodes are bump-allocated in chunks; nodes
// that own heap memory (vectors, strings) get their destructor recorded.
class AstArena {
 public:
  AstArena() = default;
  AstArena(AstArena&&) noexcept = default;
  AstArena& operator=(AstArena&&) noexcept = default;
  AstArena(const AstArena&) = delete;
  AstArena& operator=(const AstArena&) = delete;
  ~AstArena() {
    for (auto it = destructors_.rbegin(); it != destructors_.rend(); ++it) it->destroy(it->object);
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    void* memory = allocate(sizeof(T), alignof(T));
    T* node = new (memory) T(std::forward<Args>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      destructors_.push_back({node, [](void* p) { static_cast<T*>(p)->~T(); }});
    }
    return node;
  }

 private:
  static constexpr std::size_t kChunkSize = 16 * 1024;
  struct Destructor {
    void* object;
    void (*destroy)(void*);
  };

  void* allocate(std::size_t size, std::size_t align) {
    std::size_t start = (used_ + align - 1) & ~(align - 1);
    if (chunks_.empty() || start + size > capacity_) {
      capacity_ = size > kChunkSize ? size : kChunkSize;
      chunks_.push_back(std::make_unique<std::max_align_t[]>(capacity_ / sizeof(std::max_align_t) + 1));
      start = 0;
    }
    used_ = start + size;
    return reinterpret_cast<unsigned char*>(chunks_.back().get()) + start;
  }

  std::vector<std::unique_ptr<std::max_align_t[]>> chunks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
  std::vector<Destructor> destructors_;
};

// ------------------------------------------------------------ positions

struct Loc {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

// ------------------------------------------------------------ operators

enum class ExprContext : std::uint8_t { Load, Store, Del };
enum class BoolOpKind : std::uint8_t { And, Or };
enum class BinOpKind : std::uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// CPython's class names, for dump() and the disassembler.
const char* name_of(ExprContext ctx);
const char* name_of(BoolOpKind op);
const char* name_of(BinOpKind op);
const char* name_of(UnaryOpKind op);
const char* name_of(CmpOpKind op);

// ---------------------------------------------------------- expressions

enum class ExprKind : std::uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

struct Expr {
  const ExprKind kind;
  Loc loc;

 protected:
  explicit Expr(ExprKind k) : kind(k) {}
};

// Base of each concrete expression: records its kind for as<T>().
template <ExprKind K>
struct ExprOf : Expr {
  static constexpr ExprKind kKind = K;
  static constexpr bool accepts(ExprKind k) { return k == K; }
  ExprOf() : Expr(K) {}
};

using ExprList = std::vector<Expr*>;

struct Arguments;
struct Comprehension;
struct Keyword;

struct BoolOp : ExprOf<ExprKind::BoolOp> {
  BoolOpKind op = BoolOpKind::And;
  ExprList values;
};
struct NamedExpr : ExprOf<ExprKind::NamedExpr> {
  Expr* target = nullptr;
  Expr* value = nullptr;
};
struct BinOp : ExprOf<ExprKind::BinOp> {
  Expr* left = nullptr;
  BinOpKind op = BinOpKind::Add;
  Expr* right = nullptr;
};
struct UnaryOp : ExprOf<ExprKind::UnaryOp> {
  UnaryOpKind op = UnaryOpKind::Not;
  Expr* operand = nullptr;
};
struct Lambda : ExprOf<ExprKind::Lambda> {
  Arguments* args = nullptr;
  Expr* body = nullptr;
};
struct IfExp : ExprOf<ExprKind::IfExp> {
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};
struct Dict : ExprOf<ExprKind::Dict> {
  ExprList keys;  // nullptr for a `**mapping` entry
  ExprList values;
};
struct Set : ExprOf<ExprKind::Set> {
  ExprList elts;
};
struct ListComp : ExprOf<ExprKind::ListComp> {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};
struct SetComp : ExprOf<ExprKind::SetComp> {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};
struct DictComp : ExprOf<ExprKind::DictComp> {
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<Comprehension*> generators;
};
struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};
struct Await : ExprOf<ExprKind::Await> {
  Expr* value = nullptr;
};
struct Yield : ExprOf<ExprKind::Yield> {
  Expr* value = nullptr;  // optional
};
struct YieldFrom : ExprOf<ExprKind::YieldFrom> {
  Expr* value = nullptr;
};
struct Compare : ExprOf<ExprKind::Compare> {
  Expr* left = nullptr;
  std::vector<CmpOpKind> ops;
  ExprList comparators;
};
struct Call : ExprOf<ExprKind::Call> {
  Expr* func = nullptr;
  ExprList args;
  std::vector<Keyword*> keywords;
};
// conversion is -1 (none) or the character code: 's' 115, 'r' 114, 'a' 97.
struct FormattedValue : ExprOf<ExprKind::FormattedValue> {
  Expr* value = nullptr;
  int conversion = -1;
  Expr* format_spec = nullptr;  // optional JoinedStr
};
struct JoinedStr : ExprOf<ExprKind::JoinedStr> {
  ExprList values;  // Constant (str) and FormattedValue
};

enum class ConstantKind : std::uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };

struct Constant : ExprOf<ExprKind::Constant> {
  ConstantKind value_kind = ConstantKind::None;
  // Int: `text` holds the digits (no prefix, no underscores) in `int_base`;
  // int_value holds the value when int_fits (the BigInt otherwise).
  std::int64_t int_value = 0;
  bool int_fits = true;
  int int_base = 10;
  // Float: the value; Complex: the imaginary part (the real part is 0).
  double float_value = 0.0;
  // Str: UTF-8 text (lone surrogates encoded as UTF-8 bytes); Bytes: bytes.
  std::string text;
  bool u_prefix = false;  // CPython's Constant.kind == 'u'
};
struct Attribute : ExprOf<ExprKind::Attribute> {
  Expr* value = nullptr;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
};
struct Subscript : ExprOf<ExprKind::Subscript> {
  Expr* value = nullptr;
  Expr* slice = nullptr;
  ExprContext ctx = ExprContext::Load;
};
struct Starred : ExprOf<ExprKind::Starred> {
  Expr* value = nullptr;
  ExprContext ctx = ExprContext::Load;
};
struct Name : ExprOf<ExprKind::Name> {
  std::string id;
  ExprContext ctx = ExprContext::Load;
};
struct List : ExprOf<ExprKind::List> {
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};
struct Tuple : ExprOf<ExprKind::Tuple> {
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};
struct Slice : ExprOf<ExprKind::Slice> {
  Expr* lower = nullptr;  // each optional
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ------------------------------------------------------- helper records

struct Comprehension {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  ExprList ifs;
  bool is_async = false;
};
struct Arg {
  std::string arg;
  Expr* annotation = nullptr;  // optional
  Loc loc;
};
struct Arguments {
  std::vector<Arg*> posonlyargs;
  std::vector<Arg*> args;
  Arg* vararg = nullptr;  // optional
  std::vector<Arg*> kwonlyargs;
  ExprList kw_defaults;  // one per kwonlyarg, nullptr when it has none
  Arg* kwarg = nullptr;  // optional
  ExprList defaults;     // for the last len(defaults) of posonlyargs + args
};
struct Keyword {
  std::string arg;  // empty for `**mapping` (CPython's arg=None)
  bool has_arg = true;
  Expr* value = nullptr;
  Loc loc;
};
struct Alias {
  std::string name;  // dotted for `import a.b`
  std::string asname;
  bool has_asname = false;
  Loc loc;
};
struct WithItem {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;  // optional
};

// ------------------------------------------------------------- patterns

enum class PatternKind : std::uint8_t {
  MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs, MatchOr
};

struct Pattern {
  const PatternKind kind;
  Loc loc;

 protected:
  explicit Pattern(PatternKind k) : kind(k) {}
};

template <PatternKind K>
struct PatternOf : Pattern {
  static constexpr PatternKind kKind = K;
  static constexpr bool accepts(PatternKind k) { return k == K; }
  PatternOf() : Pattern(K) {}
};

using PatternList = std::vector<Pattern*>;

struct MatchValue : PatternOf<PatternKind::MatchValue> {
  Expr* value = nullptr;
};
struct MatchSingleton : PatternOf<PatternKind::MatchSingleton> {
  ConstantKind value = ConstantKind::None;  // None, True or False
};
struct MatchSequence : PatternOf<PatternKind::MatchSequence> {
  PatternList patterns;
};
struct MatchMapping : PatternOf<PatternKind::MatchMapping> {
  ExprList keys;
  PatternList patterns;
  std::string rest;
  bool has_rest = false;
};
struct MatchClass : PatternOf<PatternKind::MatchClass> {
  Expr* cls = nullptr;
  PatternList patterns;
  std::vector<std::string> kwd_attrs;
  PatternList kwd_patterns;
};
struct MatchStar : PatternOf<PatternKind::MatchStar> {
  std::string name;  // empty for `*_` (CPython's name=None)
  bool has_name = false;
};
struct MatchAs : PatternOf<PatternKind::MatchAs> {
  Pattern* pattern = nullptr;  // optional
  std::string name;            // empty for `_` (name=None)
  bool has_name = false;
};
struct MatchOr : PatternOf<PatternKind::MatchOr> {
  PatternList patterns;
};

// ----------------------------------------------------------- statements

enum class StmtKind : std::uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For,
  AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert, Import, ImportFrom,
  Global, Nonlocal, Expr, Pass, Break, Continue
};

struct Stmt {
  const StmtKind kind;
  Loc loc;

 protected:
  explicit Stmt(StmtKind k) : kind(k) {}
};

template <StmtKind K>
struct StmtOf : Stmt {
  static constexpr StmtKind kKind = K;
  static constexpr bool accepts(StmtKind k) { return k == K; }
  StmtOf() : Stmt(K) {}
};

using StmtList = std::vector<Stmt*>;

struct ExceptHandler {
  Expr* type = nullptr;  // optional
  std::string name;      // empty when there is no `as name`
  bool has_name = false;
  StmtList body;
  Loc loc;
};
struct MatchCase {
  Pattern* pattern = nullptr;
  Expr* guard = nullptr;  // optional
  StmtList body;
};

// The sync and async forms of def/for/with (and try/try*) share one struct;
// `kind` tells them apart and as<> accepts both.
template <StmtKind Sync, StmtKind Async>
struct StmtPair : Stmt {
  static constexpr bool accepts(StmtKind k) { return k == Sync || k == Async; }
  explicit StmtPair(bool second = false) : Stmt(second ? Async : Sync) {}
};

struct FunctionDef : StmtPair<StmtKind::FunctionDef, StmtKind::AsyncFunctionDef> {
  using StmtPair::StmtPair;
  std::string name;
  Arguments* args = nullptr;
  StmtList body;
  ExprList decorator_list;
  Expr* returns = nullptr;  // optional
};
using AsyncFunctionDef = FunctionDef;

struct ClassDef : StmtOf<StmtKind::ClassDef> {
  std::string name;
  ExprList bases;
  std::vector<Keyword*> keywords;
  StmtList body;
  ExprList decorator_list;
};
struct Return : StmtOf<StmtKind::Return> {
  Expr* value = nullptr;  // optional
};
struct Delete : StmtOf<StmtKind::Delete> {
  ExprList targets;
};
struct Assign : StmtOf<StmtKind::Assign> {
  ExprList targets;
  Expr* value = nullptr;
};
struct AugAssign : StmtOf<StmtKind::AugAssign> {
  Expr* target = nullptr;
  BinOpKind op = BinOpKind::Add;
  Expr* value = nullptr;
};
struct AnnAssign : StmtOf<StmtKind::AnnAssign> {
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;  // optional
  bool simple = false;    // a plain, unparenthesised name
};
struct For : StmtPair<StmtKind::For, StmtKind::AsyncFor> {
  using StmtPair::StmtPair;
  Expr* target = nullptr;
  Expr* iter = nullptr;
  StmtList body;
  StmtList orelse;
};
using AsyncFor = For;
struct While : StmtOf<StmtKind::While> {
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};
struct If : StmtOf<StmtKind::If> {
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};
struct With : StmtPair<StmtKind::With, StmtKind::AsyncWith> {
  using StmtPair::StmtPair;
  std::vector<WithItem> items;
  StmtList body;
};
using AsyncWith = With;
struct Match : StmtOf<StmtKind::Match> {
  Expr* subject = nullptr;
  std::vector<MatchCase*> cases;
};
struct Raise : StmtOf<StmtKind::Raise> {
  Expr* exc = nullptr;    // optional
  Expr* cause = nullptr;  // optional
};
struct Try : StmtPair<StmtKind::Try, StmtKind::TryStar> {
  using StmtPair::StmtPair;
  StmtList body;
  std::vector<ExceptHandler*> handlers;
  StmtList orelse;
  StmtList finalbody;
};
using TryStar = Try;
struct Assert : StmtOf<StmtKind::Assert> {
  Expr* test = nullptr;
  Expr* msg = nullptr;  // optional
};
struct Import : StmtOf<StmtKind::Import> {
  std::vector<Alias*> names;
};
struct ImportFrom : StmtOf<StmtKind::ImportFrom> {
  std::string module;  // empty for `from . import x` (module=None)
  bool has_module = false;
  std::vector<Alias*> names;
  int level = 0;
};
struct Global : StmtOf<StmtKind::Global> {
  std::vector<std::string> names;
};
struct Nonlocal : StmtOf<StmtKind::Nonlocal> {
  std::vector<std::string> names;
};
struct ExprStmt : StmtOf<StmtKind::Expr> {
  Expr* value = nullptr;
};
struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

struct Module {
  StmtList body;
};

// ------------------------------------------------------------- casting

template <class T, class Node>
T* as(Node* node) {
  assert(node != nullptr && T::accepts(node->kind));
  return static_cast<T*>(node);
}
template <class T, class Node>
const T* as(const Node* node) {
  assert(node != nullptr && T::accepts(node->kind));
  return static_cast<const T*>(node);
}

// -------------------------------------------------------------- dumping

// The tree in the format of CPython's ast.dump(tree) (no attributes).
std::string dump(const Module& module);
std::string dump(const Expr& expr);

}  // namespace corio::py::ast
