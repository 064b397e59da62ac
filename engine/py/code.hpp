// code.hpp — Code objects: a compiled CodeSpec loaded into the runtime.
//
// The compiler's CodeSpec (code_spec.hpp) is plain C++; loading it
// materialises what the VM needs as Python values: the constants (ints,
// strs, tuples, nested Code objects), the names interned (so LOAD_GLOBAL and
// LOAD_ATTR hit the dicts' pointer fast path), and the frame layout. The
// instruction words, positions and exception table stay in the shared spec.
//
// Frame layout of a code object (frame.hpp): `nlocals` fast locals (the
// arguments first), then `ncells` cells of its own cellvars, then `nfree`
// closure cells (freevars), then the value stack of `stack_size` values.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "py/code_spec.hpp"
#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Str;
class Tuple;

class Code : public Object {
public:
    // LOAD_METHOD's inline cache (vm_caches.hpp), one entry per name: the method
    // its last receiver's type gave, valid for one type_lookup_epoch like
    // type_lookup's own cache. Not traced: while the epoch holds, the type's
    // dict keeps the method alive (and a type freed ends the epoch).
    struct MethodCacheEntry {
        const Type* type = nullptr;
        uint64_t epoch = 0;
        Value method;
    };

    Code(Type* type, std::shared_ptr<const CodeSpec> code_spec) noexcept
        : Object(type), spec(std::move(code_spec)) {}
    void trace(Tracer& tracer) override;

    std::shared_ptr<const CodeSpec> spec;
    const uint32_t* words = nullptr;   // spec->code.data()
    uint32_t word_count = 0;
    std::vector<Value> consts;         // materialised constants
    std::vector<Str*> names;           // interned
    std::vector<Str*> varnames;        // interned; fast locals
    std::vector<Str*> cellvars;        // interned
    std::vector<Str*> freevars;        // interned
    // For each cellvar: the index of the argument of the same name (its
    // initial contents, MAKE_CELL), or -1.
    std::vector<int> cell_arg;
    Str* name = nullptr;
    Str* qualname = nullptr;
    Str* filename = nullptr;
    uint32_t flags = 0;
    int argcount = 0;
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    int nlocals = 0;
    int ncells = 0;
    int nfree = 0;
    int stack_size = 0;
    std::unique_ptr<MethodCacheEntry[]> method_cache;  // names.size() entries, made at the first LOAD_METHOD
    // The globals' and modules' name cache (vm_caches.hpp), one hint per
    // name: the dict entry where the name was found last.
    std::unique_ptr<uint32_t[]> name_hints;  // names.size() entries, made at the first miss
    // Values a frame of this code holds: locals, cells, free cells, stack.
    int frame_slots() const noexcept { return nlocals + ncells + nfree + stack_size; }
    // Named parameters: positional plus keyword-only (CPython's total_args;
    // *args and **kwargs follow them).
    int total_args() const noexcept { return argcount + kwonlyargcount; }
    bool is_generator_like() const noexcept {
        return (flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator)) != 0;
    }

    // Source position of the instruction at `index` (zeros when unknown).
    Position position(uint32_t index) const noexcept {
        return index < spec->positions.size() ? spec->positions[index] : Position{};
    }
    int line_of(uint32_t index) const noexcept { return position(index).line; }
    // The exception-table entry covering instruction `index`, or null.
    const ExceptionEntry* handler_for(uint32_t index) const noexcept;
    // The full argument of the instruction at `index` (with its EXTENDED_ARG prefixes).
    uint32_t full_arg(uint32_t index) const noexcept;
};

// Loads a CodeSpec (and the code objects nested in its constants).
Code* load_code(Interp& interp, std::shared_ptr<const CodeSpec> spec);

bool is_code(Interp& interp, Value v) noexcept;
// The `code` type's attributes (co_name, co_filename, co_flags, ...; read
// only) and repr; finishes the type.
void init_code_type(Interp& interp, Type* type);

}  // namespace corio::py
