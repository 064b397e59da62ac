// corio::py symbol table: which scope each name of a module belongs to,
// computed exactly as CPython 3.11's symtable.c does it, in two passes:
// a walk of the AST records how every block uses each name (flags), then an
// analysis resolves each name to a scope (local, global, free, cell) from the
// blocks that enclose it. The compiler asks it which load/store instruction a
// name needs; tests compare it with Python's `symtable` module.
//
// Blocks: the module, each class body, each function and lambda, and each
// comprehension (every comprehension is its own function block in 3.11).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "py/ast.hpp"
#include "py/syntax_error.hpp"

namespace corio::py {

// How a block uses a name (CPython's DEF_* flags, same values).
namespace sym {
inline constexpr uint32_t kDefGlobal = 1;         // `global` statement
inline constexpr uint32_t kDefLocal = 2;          // assignment in the block
inline constexpr uint32_t kDefParam = 4;          // a parameter
inline constexpr uint32_t kDefNonlocal = 8;       // `nonlocal` statement
inline constexpr uint32_t kUse = 16;              // loaded
inline constexpr uint32_t kDefFree = 32;          // unused here (kept for the numbering)
inline constexpr uint32_t kDefFreeClass = 64;     // free in a method, bound in the class
inline constexpr uint32_t kDefImport = 128;       // bound by import
inline constexpr uint32_t kDefAnnot = 256;        // annotated
inline constexpr uint32_t kDefCompIter = 512;     // a comprehension's iteration variable
inline constexpr uint32_t kDefBound = kDefLocal | kDefParam | kDefImport;
}  // namespace sym

// Where a name lives once the analysis is done (CPython's scope values).
enum class Scope : uint8_t { Unknown = 0, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

enum class BlockKind : uint8_t { Module, Class, Function };

// Which kind of comprehension a function block is, if any.
enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

struct Symbol {
  std::string name;  // mangled
  uint32_t flags = 0;
  Scope scope = Scope::Unknown;
};

// One block (CPython's PySTEntryObject).
struct SymbolBlock {
  BlockKind kind = BlockKind::Module;
  std::string name;  // "top", a function/class name, "lambda", "listcomp"...
  const void* node = nullptr;
  int lineno = 0;
  ast::Loc loc;
  std::vector<Symbol> symbols;                     // in order of first mention
  std::unordered_map<std::string, size_t> index;   // name -> symbols[i]
  std::vector<std::string> varnames;               // parameters, in order
  std::vector<SymbolBlock*> children;
  ComprehensionKind comprehension = ComprehensionKind::None;
  bool nested = false;      // inside a function (at any depth)
  bool generator = false;   // contains yield (or is a generator expression)
  bool coroutine = false;   // async def, or awaits / async comprehension
  bool varargs = false;
  bool varkeywords = false;
  bool free = false;        // has free variables
  bool child_free = false;  // a child block has free variables
  bool needs_class_closure = false;  // a class whose methods use __class__/super
  bool is_async_def = false;

  const Symbol* lookup(std::string_view mangled) const;
  // The scope of an already-mangled name (Unknown if the block never saw it).
  Scope scope_of(std::string_view mangled) const;
  bool is_function() const { return kind == BlockKind::Function; }
};

class SymbolTable {
 public:
  // Builds the table of a module. Throws SyntaxError (CPython's messages).
  static std::unique_ptr<SymbolTable> build(const ast::Module& module, const SourceLines& lines);

  const SymbolBlock& top() const { return *top_; }
  // The block of a FunctionDef, ClassDef, Lambda or comprehension node.
  const SymbolBlock* block_of(const void* node) const;
  bool future_annotations() const { return future_annotations_; }

 private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<SymbolBlock>> blocks_;
  std::unordered_map<const void*, SymbolBlock*> by_node_;
  SymbolBlock* top_ = nullptr;
  bool future_annotations_ = false;
};

// CPython's _Py_Mangle: `__name` inside class C becomes `_C__name`.
std::string mangle(std::string_view class_name, std::string_view name);

}  // namespace corio::py
