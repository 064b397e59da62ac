// pool.hpp — the engine's small-object allocator. Tasks, futures, handles and
// coroutine frames are created and destroyed by the hundred thousand, often
// all at once (spawn 100k tasks, then they all finish), which defeats
// malloc's per-thread caches. The pool keeps one free list per 8-byte size
// class up to kMaxPooledSize; memory returns to the free lists, not to the
// system. (8, not 16: a suspended task is a handful of these objects, and
// rounding each up to 16 bytes cost some 30 bytes a task. A class whose size
// is a multiple of 16 still hands out 16-aligned blocks, and a type aligned
// to 16 has such a size.) One pool per thread (the engine is single-threaded): the free
// lists are thread_local words, so the fast path is a few instructions.
// Sanitizer builds bypass it (CORIO_NO_POOL) so that ASan sees every object.
#pragma once

#include <cstddef>
#include <new>

namespace corio::pool {

inline constexpr std::size_t kMaxPooledSize = 512;
inline constexpr std::size_t kGranule = 8;
inline constexpr std::size_t kClasses = kMaxPooledSize / kGranule;

namespace detail {
struct FreeNode {
    FreeNode* next;
};
// Heads of the free lists, zero-initialised: no guard on access. constinit
// tells other translation units so: without it every access from them goes
// through a call to the variable's TLS init wrapper (or a check for one).
extern thread_local constinit FreeNode* free_lists[kClasses];
void* refill_and_allocate(std::size_t cls);
}  // namespace detail

#ifndef CORIO_NO_POOL
inline void* allocate(std::size_t size) {
    if (size == 0 || size > kMaxPooledSize) return ::operator new(size);
    std::size_t cls = (size - 1) / kGranule;
    detail::FreeNode* node = detail::free_lists[cls];
    if (!node) [[unlikely]] return detail::refill_and_allocate(cls);
    detail::free_lists[cls] = node->next;
    return node;
}

inline void deallocate(void* p, std::size_t size) noexcept {
    if (!p) return;
    if (size == 0 || size > kMaxPooledSize) {
        ::operator delete(p);
        return;
    }
    auto* node = static_cast<detail::FreeNode*>(p);
    std::size_t cls = (size - 1) / kGranule;
    node->next = detail::free_lists[cls];
    detail::free_lists[cls] = node;
}
#else
inline void* allocate(std::size_t size) { return ::operator new(size); }
inline void deallocate(void* p, std::size_t) noexcept { ::operator delete(p); }
#endif

// Give a class pooled allocation: `struct X : corio::pool::Pooled { ... };`
// (a class with a virtual destructor gets its dynamic size in delete).
struct Pooled {
    static void* operator new(std::size_t size) { return allocate(size); }
    static void operator delete(void* p, std::size_t size) noexcept { deallocate(p, size); }
};

}  // namespace corio::pool
