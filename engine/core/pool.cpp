// pool.cpp — refilling a size class from a fresh 64 KiB block.
#include "core/pool.hpp"

#include <sys/mman.h>

#include <new>
#include <vector>

namespace corio::pool::detail {

thread_local FreeNode* free_lists[kClasses];

namespace {
constexpr std::size_t kBlockSize = 64 * 1024;
// Blocks are cut from 1 MiB chunks mapped with MAP_POPULATE: the kernel
// supplies the pages in one call instead of one page fault each (spawning
// 100,000 tasks touched 15,000 fresh pages; the faults were a third of the
// run time).
constexpr std::size_t kChunkSize = 1024 * 1024;

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
            void* p = mmap(nullptr, kChunkSize, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
            if (p == MAP_FAILED) throw std::bad_alloc();
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
