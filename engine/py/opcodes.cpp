// opcodes.cpp — names, operand kinds and stack effects, from the table.
#include "py/opcodes.hpp"

namespace corio::py {

namespace {
struct OpInfo {
    std::string_view name;
    OperandKind operand;
    int effect;
    std::string_view doc;
};

constexpr OpInfo kOps[] = {
#define X(name, operand, effect, doc) {#name, OperandKind::operand, effect, doc},
    CORIO_OPCODES(X)
#undef X
};
}  // namespace

std::string_view op_name(Op op) noexcept { return kOps[static_cast<int>(op)].name; }
OperandKind op_operand(Op op) noexcept { return kOps[static_cast<int>(op)].operand; }
std::string_view op_doc(Op op) noexcept { return kOps[static_cast<int>(op)].doc; }

int stack_effect(Op op, uint32_t arg, bool jumping) noexcept {
    const int n = static_cast<int>(arg);
    switch (op) {
        case Op::BUILD_SLICE: return 1 - n;
        case Op::BUILD_TUPLE:
        case Op::BUILD_LIST:
        case Op::BUILD_SET:
        case Op::BUILD_STRING: return 1 - n;
        case Op::BUILD_MAP: return 1 - 2 * n;
        case Op::BUILD_CONST_KEY_MAP: return -n;
        case Op::FORMAT_VALUE: return (arg & kFormatHasSpec) ? -1 : 0;
        case Op::UNPACK_SEQUENCE: return n - 1;
        case Op::UNPACK_EX: return static_cast<int>((arg & 0xFFu) + (arg >> 8));
        case Op::JUMP_IF_FALSE_OR_POP:
        case Op::JUMP_IF_TRUE_OR_POP: return jumping ? 0 : -1;
        case Op::FOR_ITER: return jumping ? -1 : 1;
        case Op::SEND: return jumping ? -1 : 0;  // returned: the receiver is replaced by the value
        case Op::MAKE_FUNCTION: {
            int extra = 0;
            for (uint32_t bit : {kFnDefaults, kFnKwDefaults, kFnAnnotations, kFnClosure})
                if (arg & bit) ++extra;
            return -extra;
        }
        case Op::CALL: return -n - 1;           // NULL|self, callable, n args -> result
        case Op::CALL_KW: return -n - 2;        // ... plus the kwnames tuple
        case Op::CALL_FUNCTION_EX: return (arg & 1) ? -3 : -2;
        case Op::RAISE_VARARGS: return -n;
        default: return kOps[static_cast<int>(op)].effect;
    }
}

const char* binary_op_symbol(BinaryOp op) noexcept {
    static const char* const symbols[] = {
        "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
        "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
    };
    return symbols[static_cast<int>(op)];
}

const char* compare_op_symbol(CompareOp op) noexcept {
    static const char* const symbols[] = {"<", "<=", "==", "!=", ">", ">="};
    return symbols[static_cast<int>(op)];
}

}  // namespace corio::py
