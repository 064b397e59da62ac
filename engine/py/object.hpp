// object.hpp — the header every Python heap object shares, and the
// collector's view of it.
//
// Memory management is a tracing collector (heap.hpp): no reference counts.
// An object says what it references by overriding trace(); the heap marks
// from the roots and frees every unmarked object. C++ code may hold Values
// in locals freely between collections, because the heap only collects at
// safe points that the VM chooses (between bytecode instructions of the
// outermost dispatch loop), never inside an allocation. A C++ object outside
// the heap that keeps Python values across safe points (an engine callback
// holding a Python callable, a pending task's coroutine) registers itself as
// an ExternalRoot.
#pragma once

#include <cstddef>
#include <cstdint>

#include "py/value.hpp"

namespace corio::py {

class Heap;
class Tracer;
class Type;

class Object {
public:
    explicit Object(Type* type) noexcept : type_(type) {}
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    virtual ~Object() = default;

    // The object's class (Python's type(x)); changed by __class__ assignment.
    Type* type() const noexcept { return type_; }
    void set_type(Type* type) noexcept { type_ = type; }

    // Reports every Value and Object this one references to the tracer. The
    // default (no references) suits leaf objects: str, float, int, bytes.
    virtual void trace(Tracer& tracer);

private:
    friend class Heap;
    friend class Tracer;

    Type* type_;
    Object* gc_next_ = nullptr;  // the heap's list of all objects
    uint32_t gc_size_ = 0;       // bytes allocated, returned to the pool
    bool gc_marked_ = false;
    bool gc_permanent_ = false;  // never freed (None, True, builtin types)
};

// The collector's marking state: visit() every reference of an object.
class Tracer {
public:
    void visit(Value v) {
        if (v.is_object()) visit(v.as_object());
    }
    void visit(Object* o);

private:
    friend class Heap;
    explicit Tracer(Heap& heap) noexcept : heap_(&heap) {}
    Heap* heap_;
};

// Something outside the heap that holds Python values: registered with the
// heap for its lifetime, traced at every collection.
class ExternalRoot {
public:
    explicit ExternalRoot(Heap& heap) noexcept;
    ExternalRoot(const ExternalRoot&) = delete;
    ExternalRoot& operator=(const ExternalRoot&) = delete;
    virtual ~ExternalRoot();
    virtual void trace(Tracer& tracer) = 0;
    // The heap is about to free every object (interpreter shutdown): drop
    // what refers into objects while they still exist.
    virtual void before_teardown() noexcept {}

private:
    friend class Heap;
    Heap* heap_;
    ExternalRoot* prev_ = nullptr;
    ExternalRoot* next_ = nullptr;
};

}  // namespace corio::py
