// code.cpp — loading CodeSpecs (constants, interned names, the cell layout)
// and what Python sees of a code object (co_* attributes, repr).
#include "py/code.hpp"

#include <cstdio>
#include <iterator>
#include <string>

#include "py/bigint.hpp"
#include "py/bytes.hpp"
#include "py/descriptors.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/int.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm.hpp"

namespace corio::py {

void Code::trace(Tracer& tracer) {
    for (Value v : consts) tracer.visit(v);
    for (auto* list : {&names, &varnames, &cellvars, &freevars})
        for (Str* s : *list) tracer.visit(s);
    tracer.visit(name);
    tracer.visit(qualname);
    tracer.visit(filename);
}

const ExceptionEntry* Code::handler_for(uint32_t index) const noexcept {
    // Entries do not overlap (the compiler flattens nested blocks), so the
    // first covering entry is the innermost handler.
    for (const ExceptionEntry& e : spec->exception_table)
        if (index >= e.start && index < e.end) return &e;
    return nullptr;
}

uint32_t Code::full_arg(uint32_t index) const noexcept {
    uint32_t first = index;
    while (first > 0 && word_op(words[first - 1]) == Op::EXTENDED_ARG) --first;
    uint32_t arg = 0;
    for (uint32_t i = first; i <= index; ++i) arg = (arg << 24) | word_arg(words[i]);
    return arg;
}

namespace {

Value load_constant(Interp& interp, const ConstantSpec& c) {
    struct Visitor {
        Interp& interp;
        Value operator()(const ConstantSpec::None&) const { return interp.none; }
        Value operator()(const ConstantSpec::Ellipsis&) const { return interp.ellipsis; }
        Value operator()(bool b) const { return interp.boolean(b); }
        Value operator()(int64_t i) const { return make_int(interp, i); }
        Value operator()(const ConstantSpec::BigIntText& t) const {
            return int_from_text(interp, t.digits, t.base);
        }
        Value operator()(double d) const { return make_float(interp, d); }
        Value operator()(const ConstantSpec::Complex&) const {
            raise(interp, interp.exc.NotImplementedError, "complex numbers are not supported");
        }
        Value operator()(const std::string& s) const { return make_str(interp, s); }
        Value operator()(const ConstantSpec::Bytes& b) const { return make_bytes(interp, b.data); }
        Value operator()(const ConstantSpec::Tuple& items) const {
            Tuple* t = make_tuple(interp, items.size());
            for (std::size_t i = 0; i < items.size(); ++i) (*t)[i] = interp.none;
            for (std::size_t i = 0; i < items.size(); ++i) (*t)[i] = load_constant(interp, items[i]);
            return t;
        }
        Value operator()(const std::shared_ptr<const CodeSpec>& nested) const {
            return load_code(interp, nested);
        }
    };
    return std::visit(Visitor{interp}, c.value);
}

std::vector<Str*> intern_all(Interp& interp, const std::vector<std::string>& names) {
    std::vector<Str*> out;
    out.reserve(names.size());
    for (const std::string& n : names) out.push_back(interp.intern(n));
    return out;
}

}  // namespace

Code* load_code(Interp& interp, std::shared_ptr<const CodeSpec> spec) {
    const CodeSpec& s = *spec;
    Code* code = interp.heap.make<Code>(vm_of(interp).types.code, spec);
    code->words = s.code.data();
    code->word_count = static_cast<uint32_t>(s.code.size());
    code->names = intern_all(interp, s.names);
    code->varnames = intern_all(interp, s.varnames);
    code->cellvars = intern_all(interp, s.cellvars);
    code->freevars = intern_all(interp, s.freevars);
    code->name = interp.intern(s.name);
    code->qualname = interp.intern(s.qualname);
    code->filename = interp.intern(s.filename);
    code->flags = s.flags;
    code->argcount = s.argcount;
    code->posonlyargcount = s.posonlyargcount;
    code->kwonlyargcount = s.kwonlyargcount;
    code->nlocals = static_cast<int>(s.varnames.size());
    code->ncells = static_cast<int>(s.cellvars.size());
    code->nfree = static_cast<int>(s.freevars.size());
    code->stack_size = s.stack_size + 1;  // one spare slot for pushes the VM adds
    const int nargs = code->total_args() + ((s.flags & kCoVarargs) ? 1 : 0) +
                      ((s.flags & kCoVarkeywords) ? 1 : 0);
    for (const std::string& cell : s.cellvars) {
        int arg = -1;
        for (int i = 0; i < nargs && i < code->nlocals; ++i)
            if (s.varnames[static_cast<std::size_t>(i)] == cell) arg = i;
        code->cell_arg.push_back(arg);
    }
    // The constants last: a collection cannot happen while loading (no
    // safe point), and the code object is reachable from its parent.
    code->consts.reserve(s.consts.size());
    for (const ConstantSpec& c : s.consts) code->consts.push_back(load_constant(interp, c));
    return code;
}

namespace {

enum CodeField {
    kCoName, kCoQualname, kCoFilename, kCoFirstlineno, kCoFlags, kCoArgcount, kCoPosonlyargcount,
    kCoKwonlyargcount, kCoNlocals, kCoVarnames, kCoCellvars, kCoFreevars, kCoNames, kCoConsts,
};

Tuple* str_tuple(Interp& interp, const std::vector<Str*>& strs) {
    std::vector<Value> items(strs.begin(), strs.end());
    return make_tuple(interp, items.data(), items.size());
}

Value code_field(Interp& interp, Object* self, int index) {
    auto* co = static_cast<Code*>(self);
    switch (index) {
        case kCoName: return co->name;
        case kCoQualname: return co->qualname;
        case kCoFilename: return co->filename;
        case kCoFirstlineno: return make_int(interp, co->spec->first_line);
        case kCoFlags: return make_int(interp, co->flags);
        case kCoArgcount: return make_int(interp, co->argcount);
        case kCoPosonlyargcount: return make_int(interp, co->posonlyargcount);
        case kCoKwonlyargcount: return make_int(interp, co->kwonlyargcount);
        case kCoNlocals: return make_int(interp, co->nlocals);
        case kCoVarnames: return str_tuple(interp, co->varnames);
        case kCoCellvars: return str_tuple(interp, co->cellvars);
        case kCoFreevars: return str_tuple(interp, co->freevars);
        case kCoNames: return str_tuple(interp, co->names);
        case kCoConsts: return make_tuple(interp, co->consts.data(), co->consts.size());
        default: return interp.none;
    }
}

Value code_repr(Interp& interp, Value self) {
    auto* co = static_cast<Code*>(self.as_object());
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(co));
    return make_str(interp, "<code object " + std::string(co->name->view()) + " at " + addr + ", file \"" +
                                std::string(co->filename->view()) + "\", line " +
                                std::to_string(co->spec->first_line) + ">");
}

}  // namespace

void init_code_type(Interp& interp, Type* type) {
    type->slots.repr = code_repr;
    static constexpr const char* fields[] = {
        "co_name",     "co_qualname",    "co_filename", "co_firstlineno", "co_flags",
        "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_varnames",
        "co_cellvars", "co_freevars",    "co_names",    "co_consts",
    };
    for (int i = 0; i < static_cast<int>(std::size(fields)); ++i) add_member(interp, type, fields[i], code_field, nullptr, i);
    finish_builtin_type(interp, type);
}

bool is_code(Interp& interp, Value v) noexcept {
    return v.is_object() && v.as_object()->type() == vm_of(interp).types.code;
}

}  // namespace corio::py
