// corio::py compiler, the assembler: turns a unit's instruction list (with
// labels and CPython's SETUP_*/POP_BLOCK pseudo-instructions) into a
// CodeSpec. One walk over the control flow gives, for every reachable
// instruction, the stack depth and the exception handler covering it (as
// CPython's stackdepth() and label_exception_targets() do on basic blocks);
// unreachable instructions are dropped, labels become instruction indexes,
// and runs of instructions with the same handler become exception-table
// entries.
#include <stdexcept>
#include <utility>

#include "py/compiler.hpp"
#include "py/compiler_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

bool is_jump(int op) {
  return op < 256 && op_operand(static_cast<Op>(op)) == OperandKind::Jump;
}

namespace {

// An entry of the exception-handler stack: immutable and shared, so the
// stack at any point is just the index of its top node.
struct HandlerNode {
  int label;
  int depth;  // stack depth the handler unwinds to
  bool lasti;
  int parent;
  bool reached;  // some instruction it covers is reachable
};

bool ends_flow(int op) {
  switch (op) {
    case static_cast<int>(Op::JUMP):
    case static_cast<int>(Op::RETURN_VALUE):
    case static_cast<int>(Op::RAISE_VARARGS):
    case static_cast<int>(Op::RERAISE): return true;
    default: return false;
  }
}

[[noreturn]] void internal_error(const Unit& unit, const std::string& what) {
  throw std::logic_error("corio compiler: " + what + " in " + unit.qualname);
}

class Assembler {
 public:
  Assembler(Unit& unit) : u_(unit), n_(unit.instrs.size()) {}

  std::shared_ptr<CodeSpec> run(const std::string& filename, uint32_t flags) {
    locate_labels();
    walk();
    auto code = std::make_shared<CodeSpec>();
    code->name = u_.name;
    code->qualname = u_.qualname;
    code->filename = filename;
    code->first_line = u_.first_line;
    code->flags = flags;
    code->argcount = u_.argcount;
    code->posonlyargcount = u_.posonlyargcount;
    code->kwonlyargcount = u_.kwonlyargcount;
    code->stack_size = max_depth_;
    emit(*code);
    code->consts = std::move(u_.consts);
    code->names = std::move(u_.names);
    code->varnames = std::move(u_.varnames);
    code->cellvars = std::move(u_.cellvars);
    code->freevars = std::move(u_.freevars);
    return code;
  }

 private:
  Unit& u_;
  size_t n_;
  std::vector<size_t> label_pos_;
  std::vector<int> depth_;    // stack depth before each instruction, -1: unreachable
  std::vector<int> handler_;  // top of the handler stack at each instruction
  std::vector<HandlerNode> nodes_;
  int max_depth_ = 0;

  void locate_labels() {
    label_pos_.assign(static_cast<size_t>(u_.labels), SIZE_MAX);
    for (size_t i = 0; i < n_; ++i)
      if (u_.instrs[i].op == kLabel) label_pos_[u_.instrs[i].arg] = i;
  }

  struct Work {
    size_t at;
    int depth;
    int handler;
  };

  void walk() {
    depth_.assign(n_, -1);
    handler_.assign(n_, -1);
    std::vector<Work> work{{0, 0, -1}};
    while (!work.empty()) {
      Work w = work.back();
      work.pop_back();
      run_from(w, work);
    }
  }

  size_t target(uint32_t label) const {
    if (label >= label_pos_.size() || label_pos_[label] == SIZE_MAX) internal_error(u_, "unbound label");
    return label_pos_[label];
  }

  void note_depth(int depth) {
    if (depth < 0) internal_error(u_, "negative stack depth");
    if (depth > max_depth_) max_depth_ = depth;
  }

  // Follows straight-line flow from w.at until it ends or meets code
  // already visited; queues jump targets and handlers.
  void run_from(Work w, std::vector<Work>& work) {
    size_t i = w.at;
    int d = w.depth;
    int h = w.handler;
    for (;; ++i) {
      if (i >= n_) internal_error(u_, "control flow falls off the end");
      if (depth_[i] >= 0) {
        if (depth_[i] != d) internal_error(u_, "inconsistent stack depth");
        if (handler_[i] != h) internal_error(u_, "inconsistent handlers");
        return;
      }
      depth_[i] = d;
      handler_[i] = h;
      note_depth(d);
      const Instr& in = u_.instrs[i];
      switch (in.op) {
        case kLabel: continue;
        case kSetupFinally:
        case kSetupCleanup:
        case kSetupWith: {
          const bool lasti = in.op != kSetupFinally;
          const int unwind_to = in.op == kSetupWith ? d - 1 : d;
          // The handler is reachable once some instruction it covers is.
          nodes_.push_back({static_cast<int>(in.arg), unwind_to, lasti, h, false});
          h = static_cast<int>(nodes_.size()) - 1;
          continue;
        }
        case kPopBlock:
          if (h < 0) internal_error(u_, "POP_BLOCK without a handler");
          h = nodes_[static_cast<size_t>(h)].parent;
          continue;
        default: break;
      }
      if (h >= 0 && !nodes_[static_cast<size_t>(h)].reached) {
        HandlerNode& node = nodes_[static_cast<size_t>(h)];
        node.reached = true;
        work.push_back({target(static_cast<uint32_t>(node.label)), node.depth + 1 + (node.lasti ? 1 : 0), node.parent});
      }
      const Op op = static_cast<Op>(in.op);
      if (is_jump(in.op)) {
        const int jd = d + stack_effect(op, in.arg, true);
        note_depth(jd);
        work.push_back({target(in.arg), jd, h});
      }
      if (ends_flow(in.op)) return;
      d += stack_effect(op, in.arg, false);
      note_depth(d);
    }
  }

  void emit(CodeSpec& code) {
    // Final index of every kept instruction; a label maps to the next kept one.
    std::vector<uint32_t> index(n_ + 1, 0);
    uint32_t next = 0;
    for (size_t i = 0; i < n_; ++i) {
      index[i] = next;
      if (depth_[i] >= 0 && u_.instrs[i].op < 256) ++next;
    }
    index[n_] = next;
    auto label_index = [&](uint32_t label) { return index[target(label)]; };
    code.code.reserve(next);
    code.positions.reserve(next);
    ExceptionEntry open{};
    bool has_open = false;
    for (size_t i = 0; i < n_; ++i) {
      const Instr& in = u_.instrs[i];
      if (depth_[i] < 0 || in.op >= 256) continue;
      const uint32_t arg = is_jump(in.op) ? label_index(in.arg) : in.arg;
      if (arg > kMaxCompiledArg) throw std::length_error("corio compiler: code too large in " + u_.qualname);
      const uint32_t at = static_cast<uint32_t>(code.code.size());
      code.code.push_back(encode(static_cast<Op>(in.op), arg));
      code.positions.push_back(in.pos);
      // Extend or close the open exception-table entry.
      const int h = handler_[i];
      ExceptionEntry entry{};
      if (h >= 0) {
        const HandlerNode& node = nodes_[static_cast<size_t>(h)];
        entry = {at, at + 1, label_index(static_cast<uint32_t>(node.label)), static_cast<uint32_t>(node.depth),
                 node.lasti};
      }
      if (has_open && h >= 0 && open.end == at && open.handler == entry.handler && open.depth == entry.depth &&
          open.push_lasti == entry.push_lasti) {
        open.end = at + 1;
        continue;
      }
      if (has_open) code.exception_table.push_back(open);
      has_open = h >= 0;
      open = entry;
    }
    if (has_open) code.exception_table.push_back(open);
  }
};

}  // namespace

std::shared_ptr<const CodeSpec> assemble(Unit& unit, const std::string& filename, uint32_t flags) {
  return Assembler(unit).run(filename, flags);
}

}  // namespace corio::py
