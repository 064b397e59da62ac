// code_spec.hpp — what the compiler produces: a code object described in
// plain C++, independent of the runtime's objects. The runtime turns a
// CodeSpec into a Code object (materialising the constants) when it loads
// a module; the disassembler prints CodeSpecs.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace corio::py {

struct CodeSpec;

// A constant of the constant pool.
struct ConstantSpec {
    struct None {};
    struct Ellipsis {};
    struct BigIntText {      // an int that does not fit int64_t
        std::string digits;  // without prefix or underscores
        int base;
    };
    struct Bytes {
        std::string data;
    };
    struct Complex {
        double imag;
    };
    using Tuple = std::vector<ConstantSpec>;
    using Value = std::variant<None, Ellipsis, bool, int64_t, BigIntText, double, Complex,
                               std::string /* str, UTF-8 */, Bytes, Tuple,
                               std::shared_ptr<const CodeSpec>>;
    Value value;
};

// Source position of one instruction (CPython's co_positions), for
// tracebacks and the loop view: 1-based lines, 0-based UTF-8 byte columns;
// 0 lines mean "no position" (synthetic instructions).
struct Position {
    int line = 0;
    int end_line = 0;
    int col = 0;
    int end_col = 0;
};

// One exception-table entry (CPython 3.11's zero-cost exceptions): if an
// instruction in [start, end) raises, pop the stack down to `depth`, push
// the instruction index if `push_lasti`, push the exception, jump to handler.
struct ExceptionEntry {
    uint32_t start;
    uint32_t end;
    uint32_t handler;
    uint32_t depth;
    bool push_lasti;
};

// co_flags bits (CPython's values).
inline constexpr uint32_t kCoOptimized = 0x1, kCoNewLocals = 0x2, kCoVarargs = 0x4,
                          kCoVarkeywords = 0x8, kCoNested = 0x10, kCoGenerator = 0x20,
                          kCoNoFree = 0x40, kCoCoroutine = 0x80, kCoIterableCoroutine = 0x100,
                          kCoAsyncGenerator = 0x200;

struct CodeSpec {
    std::string name;       // co_name
    std::string qualname;   // co_qualname
    std::string filename;   // co_filename
    int first_line = 1;     // co_firstlineno
    uint32_t flags = 0;
    int argcount = 0;
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    int stack_size = 0;     // the deepest the value stack gets
    std::vector<uint32_t> code;            // instruction words (opcodes.hpp)
    std::vector<Position> positions;       // one per instruction word
    std::vector<ConstantSpec> consts;
    std::vector<std::string> names;        // globals, attributes, imports
    std::vector<std::string> varnames;     // locals; the arguments first
    std::vector<std::string> cellvars;     // locals captured by inner scopes
    std::vector<std::string> freevars;     // captured from enclosing scopes
    std::vector<ExceptionEntry> exception_table;
};

}  // namespace corio::py
