// frame.cpp — frame allocation (the engine's pool) and tracing.
#include "py/frame.hpp"

#include <cstring>
#include <new>

#include "core/pool.hpp"
#include "py/dict.hpp"
#include "py/function.hpp"
#include "py/generator.hpp"

namespace corio::py {

Frame* new_frame(Code* code, Function* func, Dict* globals, Dict* builtins) {
    const std::size_t bytes =
        sizeof(Frame) + sizeof(Value) * static_cast<std::size_t>(code->frame_slots());
    void* mem = pool::allocate(bytes);
    Frame* f = ::new (mem) Frame{code, func, globals, builtins, Value(), nullptr, nullptr,
                                 0, 0, 0, static_cast<uint32_t>(bytes)};
    // Locals and cells start unbound; the stack needs no clearing (only
    // [0, sp) is ever read or traced).
    const auto fixed = static_cast<std::size_t>(code->nlocals + code->ncells + code->nfree);
    std::memset(static_cast<void*>(f->slots()), 0, fixed * sizeof(Value));
    return f;
}

void free_frame(Frame* frame) noexcept {
    if (!frame) return;
    const std::size_t bytes = frame->bytes;
    frame->~Frame();
    pool::deallocate(frame, bytes);
}

void Frame::trace(Tracer& tracer) {
    tracer.visit(code);
    tracer.visit(func);
    tracer.visit(globals);
    tracer.visit(builtins);
    tracer.visit(locals_map);
    tracer.visit(gen);
    const auto fixed = static_cast<uint32_t>(code->nlocals + code->ncells + code->nfree);
    Value* s = slots();
    for (uint32_t i = 0; i < fixed + sp; ++i) tracer.visit(s[i]);
}

}  // namespace corio::py
