// pool.hpp — the engine's small-object allocator. Tasks, futures, handles and
// coroutine frames are created and destroyed by the hundred thousand, often
// all at once (spawn 100k tasks, then they all finish), which defeats
// malloc's per-thread caches. The pool keeps one free list per 16-byte size
// class up to kMaxPooledSize; memory returns to the free lists, not to the
// system. One pool per thread: the engine is single-threaded. Sanitizer
// builds bypass it (CORIO_NO_POOL) so that ASan still sees every object.
#pragma once

#include <cstddef>

namespace corio::pool {

inline constexpr std::size_t kMaxPooledSize = 512;

void* allocate(std::size_t size);
void deallocate(void* p, std::size_t size) noexcept;

// Give a class pooled allocation: `struct X : corio::pool::Pooled { ... };`
// (a class with a virtual destructor gets its dynamic size in delete).
struct Pooled {
    static void* operator new(std::size_t size) { return allocate(size); }
    static void operator delete(void* p, std::size_t size) noexcept { deallocate(p, size); }
};

}  // namespace corio::pool
