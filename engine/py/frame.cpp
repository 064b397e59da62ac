// frame.cpp — frame allocation (the engine's pool) and tracing.
#include "py/frame.hpp"

#include <cstring>
#include <new>

#include "core/pool.hpp"
#include "py/dict.hpp"
#include "py/function.hpp"
#include "py/generator.hpp"

namespace corio::py {

namespace {
std::size_t frame_bytes(const Code* code, bool has_locals_map) noexcept {
    const auto slots = static_cast<std::size_t>(code->frame_slots()) + (has_locals_map ? 1 : 0);
    return sizeof(Frame) + sizeof(Value) * slots;
}
}  // namespace

Frame* new_frame(Code* code, Function* func, Dict* globals, Dict* builtins, Value locals_map) {
    const bool has_map = static_cast<bool>(locals_map);
    void* mem = pool::allocate(frame_bytes(code, has_map));
    Frame* f = ::new (mem) Frame{code, func, globals, builtins, nullptr, nullptr, 0, 0,
                                 has_map ? kFrameLocalsMap : uint8_t{0}};
    // Locals and cells start unbound; the stack needs no clearing (only
    // [0, sp) is ever read or traced).
    const auto fixed = static_cast<std::size_t>(code->nlocals + code->ncells + code->nfree);
    std::memset(static_cast<void*>(f->slots()), 0, fixed * sizeof(Value));
    if (has_map) f->slots()[code->frame_slots()] = locals_map;
    return f;
}

void free_frame(Frame* frame) noexcept {
    if (!frame) return;
    const std::size_t bytes = frame_bytes(frame->code, (frame->flags & kFrameLocalsMap) != 0);
    frame->~Frame();
    pool::deallocate(frame, bytes);
}

void Frame::trace(Tracer& tracer) {
    tracer.visit(code);
    tracer.visit(func);
    tracer.visit(globals);
    tracer.visit(builtins);
    tracer.visit(locals_map());
    tracer.visit(gen);
    const auto fixed = static_cast<uint32_t>(code->nlocals + code->ncells + code->nfree);
    Value* s = slots();
    for (uint32_t i = 0; i < fixed + sp; ++i) tracer.visit(s[i]);
}

}  // namespace corio::py
