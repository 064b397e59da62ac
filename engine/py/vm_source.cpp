// vm_source.cpp — the VM's calls into the front end (see vm_source.hpp).
#include "py/vm_source.hpp"

#include "py/compiler.hpp"
#include "py/opcodes.hpp"
#include "py/parser.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

std::shared_ptr<const CodeSpec> compile_program(std::string_view source, std::string_view filename) {
    return compile_source(source, filename);
}

std::shared_ptr<const CodeSpec> compile_expression(std::string_view source, std::string_view filename) {
    // Leading blanks are allowed in eval() (CPython strips spaces and tabs).
    std::size_t start = 0;
    while (start < source.size() && (source[start] == ' ' || source[start] == '\t')) ++start;
    source.remove_prefix(start);
    ParsedModule parsed = parse_module(source);
    if (!parsed.module || parsed.module->body.size() != 1 || parsed.module->body[0]->kind != StmtKind::Expr) {
        const int line = parsed.module && !parsed.module->body.empty() ? parsed.module->body[0]->loc.lineno : 1;
        SourceLines lines(source);
        throw lines.raw_error("SyntaxError", "invalid syntax", line, 1, line, 1);
    }
    auto spec = std::make_shared<CodeSpec>(*compile_source(source, filename));
    // The module ends: <expr> POP_TOP(_EXPR) LOAD_CONST None RETURN_VALUE.
    // Keep the value: the POP_TOP and the LOAD_CONST become NOPs.
    std::vector<uint32_t>& code = spec->code;
    const std::size_t n = code.size();
    if (n >= 3 && word_op(code[n - 1]) == Op::RETURN_VALUE && word_op(code[n - 2]) == Op::LOAD_CONST &&
        (word_op(code[n - 3]) == Op::POP_TOP || word_op(code[n - 3]) == Op::POP_TOP_EXPR)) {
        code[n - 2] = encode(Op::NOP, 0);
        code[n - 3] = encode(Op::NOP, 0);
    }
    return spec;
}

namespace {
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }
}  // namespace

bool expression_anchors(std::string_view segment, int& left, int& right) {
    try {
        ParsedModule parsed = parse_module(segment);
        if (!parsed.module || parsed.module->body.size() != 1) return false;
        const Stmt* stmt = parsed.module->body[0];
        if (stmt->kind != StmtKind::Expr) return false;
        const Expr* e = as<ExprStmt>(stmt)->value;
        if (e->kind == ExprKind::BinOp) {
            const auto* b = as<BinOp>(e);
            for (int i = b->left->loc.end_col_offset; i < b->right->loc.col_offset; ++i) {
                if (is_ws(segment[static_cast<std::size_t>(i)])) continue;
                left = i;
                right = i + 1;
                if (i + 1 < b->right->loc.col_offset && !is_ws(segment[static_cast<std::size_t>(i + 1)])) ++right;
                return true;
            }
            return false;
        }
        if (e->kind == ExprKind::Subscript) {
            const auto* s = as<Subscript>(e);
            left = s->value->loc.end_col_offset;
            right = s->slice->loc.end_col_offset + 1;
            return true;
        }
    } catch (const SyntaxError&) {
    }
    return false;
}

}  // namespace corio::py
