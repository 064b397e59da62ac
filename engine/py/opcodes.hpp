// opcodes.hpp — corio's bytecode, defined once. Every instruction is one
// 32-bit word: the opcode in the low 8 bits, its argument in the upper 24
// (EXTENDED_ARG prefixes supply more bits). The set follows CPython 3.11's,
// simplified: no inline caches, no PRECALL/KW_NAMES/RESUME, absolute jump
// targets (instruction indexes), exceptions through an exception table.
//
// Each row: X(NAME, OPERAND, STACK_EFFECT, "stack before -> after")
//   OPERAND: what the argument means (for the disassembler):
//     None, Const (index into constants), Name (into names), Local (into
//     varnames), Cell (into cellvars + freevars), Jump (target index),
//     Count, BinOp, CmpOp, Flags, Raw
//   STACK_EFFECT: net change of the stack depth when the instruction runs
//     and falls through, or kVarEffect when it depends on the argument
//     (see stack_effect()).
// The enum, the names, the operand kinds and the effects all come from here.
#pragma once

#include <cstdint>
#include <string_view>

namespace corio::py {

inline constexpr int kVarEffect = 1000;

#define CORIO_OPCODES(X)                                                                    \
    X(NOP,               None,  0,  "->")                                                   \
    X(EXTENDED_ARG,      Raw,   0,  "-> (prefixes the next argument with 8 more bits)")     \
    /* stack shuffling */                                                                   \
    X(POP_TOP,           None, -1,  "x ->")                                                 \
    X(POP_TOP_EXPR,      None, -1,  "x ->  (an expression statement's value: never_awaited.hpp)") \
    X(COPY,              Count, 1,  "... x(n) ... -> ... x ... x  (n: 1 = top)")            \
    X(SWAP,              Count, 0,  "swap top with item n (2 = second)")                   \
    X(PUSH_NULL,         None,  1,  "-> NULL  (marks 'no self' before a callable)")         \
    /* constants and variables */                                                          \
    X(LOAD_CONST,        Const, 1,  "-> consts[i]")                                         \
    X(LOAD_FAST,         Local, 1,  "-> locals[i]  (UnboundLocalError if unset)")           \
    X(STORE_FAST,        Local, -1, "x ->  locals[i] = x")                                 \
    X(DELETE_FAST,       Local, 0,  "->  del locals[i]")                                    \
    X(MAKE_CELL,         Cell,  0,  "->  cell i := new cell holding locals[i] if an arg")   \
    X(LOAD_CLOSURE,      Cell,  1,  "-> the cell object i (for MAKE_FUNCTION closures)")    \
    X(LOAD_DEREF,        Cell,  1,  "-> cells[i].contents")                                 \
    X(LOAD_CLASSDEREF,   Cell,  1,  "-> class-body locals[name] or cells[i].contents")     \
    X(STORE_DEREF,       Cell, -1,  "x ->  cells[i].contents = x")                         \
    X(DELETE_DEREF,      Cell,  0,  "->  clear cells[i]")                                   \
    X(COPY_FREE_VARS,    Count, 0,  "->  copy n closure cells into the frame")              \
    X(LOAD_GLOBAL,       Name,  1,  "-> globals[name] or builtins[name]")                  \
    X(STORE_GLOBAL,      Name, -1,  "x ->")                                                 \
    X(DELETE_GLOBAL,     Name,  0,  "->")                                                   \
    X(LOAD_NAME,         Name,  1,  "-> locals/globals/builtins[name] (module, class body)")\
    X(STORE_NAME,        Name, -1,  "x ->")                                                 \
    X(DELETE_NAME,       Name,  0,  "->")                                                   \
    X(LOAD_ATTR,         Name,  0,  "obj -> obj.name")                                      \
    X(STORE_ATTR,        Name, -2,  "value obj ->  obj.name = value")                       \
    X(DELETE_ATTR,       Name, -1,  "obj ->")                                               \
    X(LOAD_METHOD,       Name,  1,  "obj -> meth obj (a method) | NULL attr")             \
    X(LOAD_ASSERTION_ERROR, None, 1, "-> AssertionError")                                   \
    X(LOAD_BUILD_CLASS,  None,  1,  "-> builtins.__build_class__")                          \
    X(SETUP_ANNOTATIONS, None,  0,  "->  __annotations__ = {} in locals if missing")        \
    /* operators */                                                                         \
    X(UNARY_POSITIVE,    None,  0,  "x -> +x")                                              \
    X(UNARY_NEGATIVE,    None,  0,  "x -> -x")                                              \
    X(UNARY_NOT,         None,  0,  "x -> not x")                                           \
    X(UNARY_INVERT,      None,  0,  "x -> ~x")                                              \
    X(BINARY_OP,         BinOp, -1, "a b -> a OP b  (arg: BinaryOp, in-place variants too)")\
    X(COMPARE_OP,        CmpOp, -1, "a b -> a OP b  (arg: CompareOp)")                     \
    X(IS_OP,             Flags, -1, "a b -> a is b  (arg 1: is not)")                       \
    X(CONTAINS_OP,       Flags, -1, "a b -> a in b  (arg 1: not in)")                       \
    X(BINARY_SUBSCR,     None, -1,  "obj key -> obj[key]")                                  \
    X(STORE_SUBSCR,      None, -3,  "value obj key ->  obj[key] = value")                   \
    X(DELETE_SUBSCR,     None, -2,  "obj key ->")                                           \
    X(BUILD_SLICE,       Count, kVarEffect, "start stop [step] -> slice  (arg 2 or 3)")    \
    /* building containers and strings */                                                  \
    X(BUILD_TUPLE,       Count, kVarEffect, "x1..xn -> (x1, .., xn)")                       \
    X(BUILD_LIST,        Count, kVarEffect, "x1..xn -> [x1, .., xn]")                       \
    X(BUILD_SET,         Count, kVarEffect, "x1..xn -> {x1, .., xn}")                       \
    X(BUILD_MAP,         Count, kVarEffect, "k1 v1..kn vn -> {k1: v1, ..}")                 \
    X(BUILD_CONST_KEY_MAP, Count, kVarEffect, "v1..vn keys-tuple -> dict")                  \
    X(BUILD_STRING,      Count, kVarEffect, "s1..sn -> s1 + .. + sn")                       \
    X(LIST_APPEND,       Count, -1, "list ... x -> list ...  (list at depth n)")            \
    X(SET_ADD,           Count, -1, "set ... x -> set ...")                                 \
    X(MAP_ADD,           Count, -2, "map ... k v -> map ...")                               \
    X(LIST_EXTEND,       Count, -1, "list ... it -> list ...")                              \
    X(SET_UPDATE,        Count, -1, "set ... it -> set ...")                                \
    X(DICT_UPDATE,       Count, -1, "map ... m -> map ...")                                 \
    X(DICT_MERGE,        Count, -1, "map ... m -> map ...  (TypeError on repeated keys)")   \
    X(LIST_TO_TUPLE,     None,  0,  "list -> tuple")                                        \
    X(FORMAT_VALUE,      Flags, kVarEffect, "x [spec] -> str  (flags: conversion|has spec)")\
    X(UNPACK_SEQUENCE,   Count, kVarEffect, "seq -> xn .. x1")                              \
    X(UNPACK_EX,         Raw,   kVarEffect, "seq -> xs.. [rest] ..  (arg: before | after<<8)")\
    /* control flow */                                                                      \
    X(JUMP,              Jump,  0,  "->  (goto target)")                                    \
    X(POP_JUMP_IF_FALSE, Jump, -1,  "x ->  (jump if not x)")                                \
    X(POP_JUMP_IF_TRUE,  Jump, -1,  "x ->  (jump if x)")                                    \
    X(POP_JUMP_IF_NONE,  Jump, -1,  "x ->")                                                 \
    X(POP_JUMP_IF_NOT_NONE, Jump, -1, "x ->")                                               \
    X(JUMP_IF_FALSE_OR_POP, Jump, kVarEffect, "x -> x (jump) | ->")                         \
    X(JUMP_IF_TRUE_OR_POP, Jump, kVarEffect, "x -> x (jump) | ->")                          \
    X(GET_ITER,          None,  0,  "obj -> iter(obj)")                                     \
    X(FOR_ITER,          Jump,  1,  "it -> it next(it) | (exhausted: pop it and jump)")     \
    /* functions and calls */                                                              \
    X(MAKE_FUNCTION,     Flags, kVarEffect, "[defaults kwdefaults annotations closure] code -> fn")\
    X(CALL,              Count, kVarEffect, "NULL f a1..an -> f(a1..an) | m self a1..an -> m(self, a1..an)")\
    X(CALL_KW,           Count, kVarEffect, "as CALL, then kwnames: the last len(kwnames) args are keywords")\
    X(CALL_FUNCTION_EX,  Flags, kVarEffect, "NULL callable args [kwargs-dict] -> result  (args: a tuple, or for f(*x) x itself)")\
    X(RETURN_VALUE,      None, -1,  "x ->  (return x)")                                     \
    /* generators and coroutines */                                                        \
    X(YIELD_VALUE,       None,  0,  "x -> sent  (suspend the frame)")                       \
    X(GET_AWAITABLE,     Flags, 0,  "x -> awaitable  (arg: 1 after __aenter__, 2 after __aexit__)")\
    X(SEND,              Jump,  0,  "sub v -> sub r (yielded) | (returned: -> value, jump)")\
    X(GET_YIELD_FROM_ITER, None, 0, "x -> iter(x) unless a generator/coroutine")           \
    X(GET_AITER,         None,  0,  "x -> x.__aiter__()")                                   \
    X(GET_ANEXT,         None,  1,  "ait -> ait awaitable(ait.__anext__())")                \
    X(END_ASYNC_FOR,     None, -2,  "ait exc ->  (StopAsyncIteration ends the loop, else reraise)")\
    X(ASYNC_GEN_WRAP,    None,  0,  "x -> wrapped  (a value an async generator yields)")    \
    /* exceptions */                                                                        \
    X(RAISE_VARARGS,     Count, kVarEffect, "[exc [cause]] ->  (0: re-raise the current)")  \
    X(RERAISE,           Flags, -1, "exc ->  (arg 1: restore f_lasti from below)")          \
    X(PUSH_EXC_INFO,     None,  1,  "exc -> prev_exc exc  (exc becomes the handled one)")   \
    X(POP_EXCEPT,        None, -1,  "prev_exc ->  (restore the handled exception)")         \
    X(CHECK_EXC_MATCH,   None,  0,  "exc type -> exc bool")                                 \
    X(CHECK_EG_MATCH,    None,  0,  "eg type -> rest match  (except*)")                     \
    X(PREP_RERAISE_STAR, None, -1,  "orig list -> exc_or_None")                             \
    X(BEFORE_WITH,       None,  1,  "mgr -> exit mgr.__enter__()")                          \
    X(BEFORE_ASYNC_WITH, None,  1,  "mgr -> aexit mgr.__aenter__()")                        \
    X(WITH_EXCEPT_START, None,  1,  "exit lasti prev exc -> exit lasti prev exc exit(exc...)")\
    /* imports, classes, pattern matching */                                               \
    X(IMPORT_NAME,       Name, -1,  "level fromlist -> module")                             \
    X(IMPORT_FROM,       Name,  1,  "module -> module module.name")                         \
    X(IMPORT_STAR,       None, -1,  "module ->")                                            \
    X(GET_LEN,           None,  1,  "x -> x len(x)")                                        \
    X(MATCH_MAPPING,     None,  1,  "x -> x bool")                                          \
    X(MATCH_SEQUENCE,    None,  1,  "x -> x bool")                                          \
    X(MATCH_KEYS,        None,  1,  "x keys -> x keys values-tuple|None")                  \
    X(MATCH_CLASS,       Count, -2, "x cls kwnames -> attrs-tuple|None  (n positional)")   \
    X(COPY_DICT_WITHOUT_KEYS, None, 0, "mapping keys -> mapping rest-dict")

enum class Op : uint8_t {
#define X(name, operand, effect, doc) name,
    CORIO_OPCODES(X)
#undef X
};

enum class OperandKind : uint8_t { None, Const, Name, Local, Cell, Jump, Count, BinOp, CmpOp, Flags, Raw };

// BINARY_OP arguments: CPython 3.11's NB_* numbering.
enum class BinaryOp : uint8_t {
    Add, And, FloorDivide, Lshift, MatrixMultiply, Multiply, Remainder, Or, Power, Rshift,
    Subtract, TrueDivide, Xor,
    InplaceAdd, InplaceAnd, InplaceFloorDivide, InplaceLshift, InplaceMatrixMultiply,
    InplaceMultiply, InplaceRemainder, InplaceOr, InplacePower, InplaceRshift,
    InplaceSubtract, InplaceTrueDivide, InplaceXor,
};

// COMPARE_OP arguments.
enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

// FORMAT_VALUE flags: conversion in the low 2 bits, 4 = a format spec is on the stack.
inline constexpr uint32_t kFormatConvNone = 0, kFormatConvStr = 1, kFormatConvRepr = 2,
                          kFormatConvAscii = 3, kFormatHasSpec = 4;

// MAKE_FUNCTION flags: which extra values are on the stack below the code.
inline constexpr uint32_t kFnDefaults = 1, kFnKwDefaults = 2, kFnAnnotations = 4, kFnClosure = 8;

inline constexpr int kOpcodeCount = 0
#define X(name, operand, effect, doc) +1
    CORIO_OPCODES(X)
#undef X
    ;

std::string_view op_name(Op op) noexcept;
OperandKind op_operand(Op op) noexcept;
std::string_view op_doc(Op op) noexcept;
// Net stack effect of `op` with argument `arg` when it falls through;
// `jumping` selects the effect on the jump edge where it differs.
int stack_effect(Op op, uint32_t arg, bool jumping = false) noexcept;
const char* binary_op_symbol(BinaryOp op) noexcept;   // "+", "+=", ...
const char* compare_op_symbol(CompareOp op) noexcept; // "<", ...

// Instruction words.
constexpr uint32_t encode(Op op, uint32_t arg) noexcept {
    return static_cast<uint32_t>(op) | (arg << 8);
}
constexpr Op word_op(uint32_t word) noexcept { return static_cast<Op>(word & 0xFFu); }
constexpr uint32_t word_arg(uint32_t word) noexcept { return word >> 8; }
inline constexpr uint32_t kMaxArg = (1u << 24) - 1;

}  // namespace corio::py
