// frame.hpp — an activation of a Code object: its locals, cells, value
// stack and instruction pointer, in one block allocated from the engine's
// pool (not a heap object: frames are created and dropped on every call).
//
// Frames form one chain through `back`: the frame running now is
// Vm::current, and every frame below it (callers, the frames of the
// dispatch loops further down the C++ stack) is reachable from it, which is
// how the collector finds them. A generator's or coroutine's frame outlives
// its calls: the generator owns it, and links it into the chain whenever it
// runs. Nothing else keeps frames: tracebacks record (code, instruction).
#pragma once

#include <cstddef>
#include <cstdint>

#include "py/code.hpp"
#include "py/object.hpp"

namespace corio::py {

class Dict;
class Function;
class Generator;

// Frame flags.
inline constexpr uint8_t kFrameEntry = 1;     // the dispatch loop returns when it ends
inline constexpr uint8_t kFrameDelegate = 2;  // a generator run inline by the SEND of `back`
inline constexpr uint8_t kFrameInit = 4;      // __init__ run inline by a class call in `back`
inline constexpr uint8_t kFrameLocalsMap = 8; // has a locals mapping (a slot after the stack)

struct Frame {
    Code* code;
    Function* func;      // the function called (null for module and exec code)
    Dict* globals;
    Dict* builtins;
    Frame* back = nullptr;
    Generator* gen = nullptr;  // the owning generator or coroutine, if any
    uint32_t ip = 0;     // the next instruction
    uint32_t sp = 0;     // stack depth, saved whenever the frame is not running
    uint8_t flags = 0;

    // localsplus: locals, then cells and free cells, then the stack; then,
    // for module, class body and exec frames only, the locals mapping (a
    // field every function frame would carry for nothing).
    Value* slots() noexcept { return reinterpret_cast<Value*>(this + 1); }
    Value* cells() noexcept { return slots() + code->nlocals; }
    Value* stack() noexcept { return slots() + code->nlocals + code->ncells + code->nfree; }
    // The instruction executing (or that last executed).
    uint32_t lasti() const noexcept { return ip ? ip - 1 : 0; }
    // Module / class body / exec: the locals mapping, else null.
    Value locals_map() noexcept {
        return (flags & kFrameLocalsMap) ? slots()[code->frame_slots()] : Value();
    }

    void trace(Tracer& tracer);
};

// A frame for `code` with every slot empty (locals unbound, stack empty),
// and `locals_map` as its locals mapping if given.
Frame* new_frame(Code* code, Function* func, Dict* globals, Dict* builtins, Value locals_map = Value());
void free_frame(Frame* frame) noexcept;

}  // namespace corio::py
