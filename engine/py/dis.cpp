// corio::py disassembler: formats instructions as CPython's dis does
// (Instruction._disassemble: line, marker, offset, name, argument and its
// meaning), with instruction indexes as offsets, and prints the exception
// table as "start to last -> handler [depth] lasti".
#include "py/dis.hpp"

#include <cstdio>
#include <set>
#include <variant>

#include "py/float_format.hpp"
#include "py/opcodes.hpp"

namespace corio::py {

namespace {

constexpr size_t kOpnameWidth = 20;  // as CPython's _OPNAME_WIDTH
constexpr size_t kOpargWidth = 5;

void append_hex(std::string& out, unsigned value) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", value & 0xFFu);
  out += buf;
}

// repr() of a str given as UTF-8: the quote Python would choose, escapes
// for backslash, the quote and control characters.
std::string str_repr(const std::string& s, const char* prefix = "") {
  const bool has_single = s.find('\'') != std::string::npos;
  const bool has_double = s.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out = prefix;
  out += quote;
  for (unsigned char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == static_cast<unsigned char>(quote)) (out += '\\') += static_cast<char>(c);
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) append_hex(out, c);
    else if (c >= 0x80 && *prefix == 'b') append_hex(out, c);
    else out += static_cast<char>(c);
  }
  out += quote;
  return out;
}

// before + n + after, built by appending (g++ -O3 warns on "lit" + std::string&&).
std::string joined(const char* before, uint64_t n, const char* after) {
  std::string out = before;
  out += std::to_string(n);
  out += after;
  return out;
}

std::string unknown(uint32_t i) { return joined("<", i, "?>"); }

std::string code_repr(const CodeSpec& code) {
  std::string out = "<code object ";
  out += code.name;
  out += ", file \"";
  out += code.filename;
  out += "\", line ";
  out += std::to_string(code.first_line);
  out += '>';
  return out;
}

struct ReprVisitor {
  std::string operator()(ConstantSpec::None) const { return "None"; }
  std::string operator()(ConstantSpec::Ellipsis) const { return "Ellipsis"; }
  std::string operator()(bool b) const { return b ? "True" : "False"; }
  std::string operator()(int64_t v) const { return std::to_string(v); }
  std::string operator()(const ConstantSpec::BigIntText& b) const {
    const char* prefix = b.base == 16 ? "0x" : b.base == 8 ? "0o" : b.base == 2 ? "0b" : "";
    return prefix + b.digits;
  }
  std::string operator()(double d) const { return float_repr(d); }
  std::string operator()(const ConstantSpec::Complex& c) const {
    std::string r = float_repr(c.imag);
    if (r.size() > 2 && r.substr(r.size() - 2) == ".0") r.resize(r.size() - 2);
    return r + "j";
  }
  std::string operator()(const std::string& s) const { return str_repr(s); }
  std::string operator()(const ConstantSpec::Bytes& b) const { return str_repr(b.data, "b"); }
  std::string operator()(const ConstantSpec::Tuple& t) const {
    std::string out = "(";
    for (size_t i = 0; i < t.size(); ++i) {
      if (i) out += ", ";
      out += constant_repr(t[i]);
    }
    if (t.size() == 1) out += ",";
    return out + ")";
  }
  std::string operator()(const std::shared_ptr<const CodeSpec>& code) const { return code_repr(*code); }
};

std::string flags_repr(Op op, uint32_t arg) {
  switch (op) {
    case Op::FORMAT_VALUE: {
      static const char* const conv[] = {"", "str", "repr", "ascii"};
      std::string out = conv[arg & 3];
      if (arg & kFormatHasSpec) out += out.empty() ? "with format" : ", with format";
      return out;
    }
    case Op::MAKE_FUNCTION: {
      static const char* const names[] = {"defaults", "kwdefaults", "annotations", "closure"};
      std::string out;
      for (int i = 0; i < 4; ++i)
        if (arg & (1u << i)) out += (out.empty() ? "" : ", ") + std::string(names[i]);
      return out;
    }
    case Op::IS_OP: return arg ? "is not" : "is";
    case Op::CONTAINS_OP: return arg ? "not in" : "in";
    default: return "";
  }
}

// What an argument means, or "" when it is just a count.
std::string arg_repr(const CodeSpec& code, Op op, uint32_t arg) {
  auto at = [](const std::vector<std::string>& list, uint32_t i) {
    return i < list.size() ? list[i] : unknown(i);
  };
  switch (op_operand(op)) {
    case OperandKind::Const:
      return arg < code.consts.size() ? constant_repr(code.consts[arg]) : unknown(arg);
    case OperandKind::Name: return at(code.names, arg);
    case OperandKind::Local: return at(code.varnames, arg);
    case OperandKind::Cell: {
      if (arg < code.cellvars.size()) return code.cellvars[arg];
      return at(code.freevars, arg - static_cast<uint32_t>(code.cellvars.size()));
    }
    case OperandKind::Jump: return joined("to ", arg, "");
    case OperandKind::BinOp:
      return arg <= static_cast<uint32_t>(BinaryOp::InplaceXor) ? binary_op_symbol(static_cast<BinaryOp>(arg)) : "?";
    case OperandKind::CmpOp:
      return arg <= static_cast<uint32_t>(CompareOp::Ge) ? compare_op_symbol(static_cast<CompareOp>(arg)) : "?";
    case OperandKind::Flags: return flags_repr(op, arg);
    default: return "";
  }
}

std::string pad_right(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string pad_left(const std::string& s, size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

}  // namespace

std::string constant_repr(const ConstantSpec& constant) { return std::visit(ReprVisitor{}, constant.value); }

std::string disassemble_one(const CodeSpec& code) {
  std::set<uint32_t> targets;
  for (uint32_t word : code.code)
    if (op_operand(word_op(word)) == OperandKind::Jump) targets.insert(word_arg(word));
  for (const ExceptionEntry& e : code.exception_table) targets.insert(e.handler);
  const size_t offset_width = std::max<size_t>(4, std::to_string(code.code.size()).size());
  std::string out;
  int last_line = -1;
  for (size_t i = 0; i < code.code.size(); ++i) {
    const uint32_t word = code.code[i];
    const Op op = word_op(word);
    const int line = i < code.positions.size() ? code.positions[i].line : 0;
    std::string text;
    if (line > 0 && line != last_line) {
      if (last_line != -1) out += '\n';
      text += pad_left(std::to_string(line), 3);
      last_line = line;
    } else {
      text += "   ";
    }
    text += "     ";
    text += targets.count(static_cast<uint32_t>(i)) ? ">>" : "  ";
    text += ' ';
    text += pad_left(std::to_string(i), offset_width);
    text += ' ';
    if (op_operand(op) == OperandKind::None) {
      text += op_name(op);
    } else {
      text += pad_right(std::string(op_name(op)), kOpnameWidth);
      text += ' ';
      text += pad_left(std::to_string(word_arg(word)), kOpargWidth);
      const std::string meaning = arg_repr(code, op, word_arg(word));
      if (!meaning.empty()) text += " (" + meaning + ")";
    }
    out += text + '\n';
  }
  if (!code.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionEntry& e : code.exception_table) {
      out += joined("  ", e.start, " to ");
      out += joined("", e.end - 1, " -> ");
      out += joined("", e.handler, " [");
      out += joined("", e.depth, "]");
      out += e.push_lasti ? " lasti\n" : "\n";
    }
  }
  return out;
}

std::string disassemble(const CodeSpec& code) {
  std::string out = disassemble_one(code);
  for (const ConstantSpec& c : code.consts) {
    if (const auto* inner = std::get_if<std::shared_ptr<const CodeSpec>>(&c.value)) {
      out += "\nDisassembly of ";
      out += code_repr(**inner);
      out += ":\n";
      out += disassemble(**inner);
    }
  }
  return out;
}

}  // namespace corio::py
