// pool.cpp — refilling a size class from a fresh 64 KiB block.
#include "core/pool.hpp"

#include <memory>
#include <vector>

namespace corio::pool::detail {

thread_local FreeNode* free_lists[kClasses];

namespace {
constexpr std::size_t kBlockSize = 64 * 1024;

// The blocks of this thread's pool, freed when the thread ends (objects
// still alive then are not destroyed individually).
struct Blocks {
    std::vector<std::unique_ptr<char[]>> list;
};
Blocks& this_thread_blocks() {
    thread_local Blocks blocks;
    return blocks;
}
}  // namespace

void* refill_and_allocate(std::size_t cls) {
    std::size_t size = (cls + 1) * kGranule;
    auto& blocks = this_thread_blocks().list;
    blocks.emplace_back(new char[kBlockSize]);
    char* block = blocks.back().get();
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
