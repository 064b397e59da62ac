// hot_inline.hpp — CORIO_HOT_INLINE, for the few small functions on the
// paths every item or task switch takes (the queue's fast path, the method
// cache). The WebAssembly build is compiled with -Oz, whose inliner keeps
// nearly every call that is not trivial (cmake/CorioWasm.cmake); there a
// call costs more than these functions' bodies. Native builds inline them
// anyway: the attribute only makes the choice explicit.
#pragma once

#define CORIO_HOT_INLINE [[gnu::always_inline]] inline
