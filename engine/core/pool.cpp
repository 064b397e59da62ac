// pool.cpp — refilling a size class from a fresh 64 KiB block, cut from
// chunks mapped from the system.
#include "core/pool.hpp"

#include <sys/mman.h>

#include <new>
#include <vector>

namespace corio::pool::detail {

thread_local constinit FreeNode* free_lists[kClasses] = {};

namespace {
constexpr std::size_t kBlockSize = 64 * 1024;
// Blocks are cut from 2 MiB chunks, each asked to be one transparent huge
// page and filled at once. Spawning 100,000 tasks takes some 45 MB from
// the pool: populated in 4 KiB pages (one MAP_POPULATE call per chunk,
// which already saved a page fault per page), the kernel's page-table work
// took a fifth of the run's CPU time; with 2 MiB pages most of it goes,
// and a few TLB entries cover all tasks, which the loop visits in whatever
// order they wake. (Recent Linux kernels align 2 MiB anonymous mappings to
// 2 MiB.) Where huge pages are not available (not enabled, an unaligned
// mapping, WebAssembly) the chunk gets 4 KiB pages, populated at once or
// faulted in as used.
constexpr std::size_t kChunkSize = 2 * 1024 * 1024;

void* map_chunk() {
    void* p = mmap(nullptr, kChunkSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(p, kChunkSize, MADV_HUGEPAGE);  // advice: failing is harmless
#endif
#ifdef MADV_POPULATE_WRITE
    if (madvise(p, kChunkSize, MADV_POPULATE_WRITE) == 0) return p;
#endif
#ifdef MAP_POPULATE
    // Older kernels: populate in 4 KiB pages (MAP_POPULATE on a new mapping).
    munmap(p, kChunkSize);
    p = mmap(nullptr, kChunkSize, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
#endif
    return p;
}

// The chunks of this thread's pool, unmapped when the thread ends (objects
// still alive then are not destroyed individually).
struct Chunks {
    std::vector<void*> list;
    std::size_t used = kChunkSize;  // bytes handed out of the last chunk

    Chunks() = default;
    Chunks(const Chunks&) = delete;
    Chunks& operator=(const Chunks&) = delete;
    ~Chunks() {
        for (void* chunk : list) munmap(chunk, kChunkSize);
    }

    char* next_block() {
        if (used == kChunkSize) {
            void* p = map_chunk();
            list.push_back(p);
            used = 0;
        }
        char* block = static_cast<char*>(list.back()) + used;
        used += kBlockSize;
        return block;
    }
};
Chunks& this_thread_chunks() {
    thread_local Chunks chunks;
    return chunks;
}
}  // namespace

void* refill_and_allocate(std::size_t cls) {
    std::size_t size = (cls + 1) * kGranule;
    char* block = this_thread_chunks().next_block();
    FreeNode* head = free_lists[cls];
    // Carve the block from its end so the list hands out ascending addresses.
    std::size_t count = kBlockSize / size;
    for (std::size_t i = count; i-- > 1;) {
        auto* node = reinterpret_cast<FreeNode*>(block + i * size);
        node->next = head;
        head = node;
    }
    free_lists[cls] = head;
    return block;
}

}  // namespace corio::pool::detail
