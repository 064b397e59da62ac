// heapq.hpp — Python's heapq push and pop on a std::vector, with the very
// algorithm of CPython's _heapq (_siftdown, and the bottom-up _siftup that
// moves the smaller child up until a leaf, then sifts the item back down).
// heapq is not stable, so PriorityQueue must pop equal keys in the order
// this algorithm gives, which std::push_heap/pop_heap do not promise. Only
// `less(a, b)` is used, as heapq only uses `<`; it may throw.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace corio::heapq {

// Moves the item at `pos` up towards `start` while it is less than its parent.
template <class T, class Less>
void siftdown(std::vector<T>& heap, std::size_t start, std::size_t pos, Less& less) {
    using std::swap;
    while (pos > start) {
        std::size_t parent = (pos - 1) >> 1;
        if (!less(heap[pos], heap[parent])) break;
        swap(heap[pos], heap[parent]);
        pos = parent;
    }
}

// Moves the smaller child up until the item at `pos` reaches a leaf, then
// sifts it down into place (fewer comparisons than stopping early).
template <class T, class Less>
void siftup(std::vector<T>& heap, std::size_t pos, Less& less) {
    using std::swap;
    std::size_t end = heap.size();
    std::size_t start = pos;
    std::size_t limit = end >> 1;  // the first position with no child
    while (pos < limit) {
        std::size_t child = 2 * pos + 1;
        if (child + 1 < end && !less(heap[child], heap[child + 1])) ++child;
        swap(heap[child], heap[pos]);
        pos = child;
    }
    siftdown(heap, start, pos, less);
}

template <class T, class Less>
void push(std::vector<T>& heap, T item, Less& less) {
    heap.push_back(std::move(item));
    siftdown(heap, 0, heap.size() - 1, less);
}

// Removes and returns the smallest item; the heap must not be empty.
template <class T, class Less>
T pop(std::vector<T>& heap, Less& less) {
    T last = std::move(heap.back());
    heap.pop_back();
    if (heap.empty()) return last;
    T smallest = std::move(heap.front());
    heap.front() = std::move(last);
    siftup(heap, 0, less);
    return smallest;
}

}  // namespace corio::heapq
