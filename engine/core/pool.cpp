// pool.cpp — size-class free lists carved from 64 KiB blocks.
#include "core/pool.hpp"

#include <new>
#include <vector>

namespace corio::pool {

#ifndef CORIO_NO_POOL
namespace {

constexpr std::size_t kGranule = 16;
constexpr std::size_t kClasses = kMaxPooledSize / kGranule;
constexpr std::size_t kBlockSize = 64 * 1024;

struct FreeNode {
    FreeNode* next;
};

class Pool {
public:
    Pool() = default;
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;
    ~Pool() {
        for (void* block : blocks_) ::operator delete(block);
    }

    void* allocate(std::size_t cls) {
        FreeNode*& head = free_[cls];
        if (!head) refill(cls);
        FreeNode* node = head;
        head = node->next;
        return node;
    }
    void deallocate(void* p, std::size_t cls) noexcept {
        auto* node = static_cast<FreeNode*>(p);
        node->next = free_[cls];
        free_[cls] = node;
    }

private:
    void refill(std::size_t cls) {
        std::size_t size = (cls + 1) * kGranule;
        auto* block = static_cast<char*>(::operator new(kBlockSize));
        blocks_.push_back(block);
        for (std::size_t off = 0; off + size <= kBlockSize; off += size)
            deallocate(block + off, cls);
    }

    FreeNode* free_[kClasses] = {};
    std::vector<void*> blocks_;
};

// The pool lives as long as the thread; objects still alive at thread exit
// are not freed individually (the blocks go at once).
Pool& this_thread_pool() {
    thread_local Pool pool;
    return pool;
}

}  // namespace

void* allocate(std::size_t size) {
    if (size == 0 || size > kMaxPooledSize) return ::operator new(size);
    return this_thread_pool().allocate((size - 1) / kGranule);
}

void deallocate(void* p, std::size_t size) noexcept {
    if (!p) return;
    if (size == 0 || size > kMaxPooledSize) {
        ::operator delete(p);
        return;
    }
    this_thread_pool().deallocate(p, (size - 1) / kGranule);
}
#else
void* allocate(std::size_t size) { return ::operator new(size); }
void deallocate(void* p, std::size_t) noexcept { ::operator delete(p); }
#endif

}  // namespace corio::pool
