// heap.hpp — allocation and garbage collection of Python objects.
//
// A non-moving mark-and-sweep collector. Objects come from the engine's
// size-class pool (core/pool.hpp) and sit on one intrusive list; collect()
// marks from the roots (the interpreter's, given as a callback, plus every
// ExternalRoot) with an explicit stack — no recursion, so deep structures
// cannot overflow the C++ stack — then sweeps the list, destroying unmarked
// objects. A collection is due when the bytes allocated since the last one
// exceed the live bytes after it (at least kMinThresholdBytes): the heap may
// grow to about twice its live size. The VM polls wants_collection() at its
// safe points. Allocation beyond limit_bytes() throws HeapExhausted, which
// the interpreter turns into MemoryError.
//
// A SweepObserver holds heap objects weakly (it does not keep them alive)
// and hears about each collection: between marking and sweeping it sees
// which of its objects are about to be freed while they are still intact
// (never_awaited.hpp reports coroutines dropped before they started).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <new>
#include <utility>
#include <vector>

#include "core/pool.hpp"
#include "py/object.hpp"

namespace corio::py {

// The heap's limit was reached (MemoryError in Python).
struct HeapExhausted {
    std::size_t requested;
};

class Heap;

// Something outside the heap that keeps pointers to heap objects without
// keeping them alive: registered with the heap for its lifetime, told about
// every collection.
class SweepObserver {
public:
    explicit SweepObserver(Heap& heap) noexcept;
    SweepObserver(const SweepObserver&) = delete;
    SweepObserver& operator=(const SweepObserver&) = delete;
    virtual ~SweepObserver();
    // After marking, before anything is freed: Heap::survives(o) tells which
    // objects live on; the others are still intact. Must not allocate heap
    // objects or run Python code (the heap is half swept).
    virtual void before_sweep() = 0;
    // When the collection is over: may allocate (no collection starts
    // before it returns). Must not throw.
    virtual void after_collection() noexcept {}

private:
    friend class Heap;
    Heap* heap_;
    SweepObserver* prev_ = nullptr;
    SweepObserver* next_ = nullptr;
};

class Heap {
public:
    static constexpr std::size_t kMinThresholdBytes = std::size_t{4} << 20;
    static constexpr std::size_t kDefaultLimitBytes = std::size_t{1} << 30;

    explicit Heap(std::size_t limit_bytes = kDefaultLimitBytes) noexcept : limit_(limit_bytes) {}
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    ~Heap();  // frees every object, permanent ones included

    // Allocates and constructs a T (an Object subclass).
    template <class T, class... Args>
    T* make(Args&&... args) {
        return make_sized<T>(sizeof(T), std::forward<Args>(args)...);
    }
    // Same, with `size` >= sizeof(T) bytes (for trailing inline storage).
    template <class T, class... Args>
    T* make_sized(std::size_t size, Args&&... args) {
        void* mem = allocate(size);
        T* obj;
        try {
            obj = ::new (mem) T(std::forward<Args>(args)...);
        } catch (...) {
            release(mem, size);
            throw;
        }
        adopt(obj, size);
        return obj;
    }
    // Marks an object as never collected (None, True, the builtin types).
    static void make_permanent(Object* o) noexcept { o->gc_permanent_ = true; }

    // Memory an object owns outside its allocation (a list's item array):
    // counted toward the limit and the collection threshold.
    void note_external_bytes(std::ptrdiff_t delta);

    bool wants_collection() const noexcept { return since_last_ >= threshold_; }
    // Marks from trace_roots and the ExternalRoots, then frees the rest.
    // Returns the number of objects freed.
    std::size_t collect(const std::function<void(Tracer&)>& trace_roots);

    std::size_t live_bytes() const noexcept { return live_bytes_; }
    std::size_t object_count() const noexcept { return objects_; }
    std::size_t limit_bytes() const noexcept { return limit_; }
    void set_limit_bytes(std::size_t limit) noexcept { limit_ = limit; }
    uint64_t collections() const noexcept { return collections_; }

    // Calls f(Object*) for every object, newest first.
    template <class F>
    void for_each_object(F&& f) const {
        for (Object* o = all_; o; o = o->gc_next_) f(o);
    }

    // During SweepObserver::before_sweep: whether `o` survives this collection.
    static bool survives(const Object* o) noexcept { return o->gc_marked_; }

private:
    friend class Tracer;
    friend class ExternalRoot;
    friend class SweepObserver;

    void* allocate(std::size_t size);
    void release(void* mem, std::size_t size) noexcept;
    void adopt(Object* obj, std::size_t size) noexcept;
    void destroy(Object* obj) noexcept;
    // Traces what the mark stack holds until it is empty.
    void drain_mark_stack();

    // Past this many pending objects, Tracer::visit traces them at once
    // (nested in the trace that pushed them) instead of stacking more: a
    // list of 100,000 tasks would stack them all, and the stack keeps its
    // capacity (8 bytes an object). Nesting goes one level deeper only for
    // an object with this many children inside another's: shallow.
    static constexpr std::size_t kMarkStackLimit = 4096;

    Object* all_ = nullptr;
    ExternalRoot* roots_ = nullptr;
    SweepObserver* observers_ = nullptr;
    std::vector<Object*> mark_stack_;
    std::size_t live_bytes_ = 0;
    std::size_t since_last_ = 0;
    std::size_t threshold_ = kMinThresholdBytes;
    std::size_t limit_;
    std::size_t objects_ = 0;
    uint64_t collections_ = 0;
};

}  // namespace corio::py
