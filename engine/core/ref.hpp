// ref.hpp — intrusive reference counting for the engine's shared objects
// (futures, tasks, handles). One counter in the object, no control block,
// and a virtual destroy() so that an embedder (the Python object model) can
// route the last release into its own memory manager.
#pragma once

#include <cstdint>
#include <utility>

#include "core/pool.hpp"

namespace corio {

// Base of every reference-counted engine object. Single-threaded by design:
// the engine runs on one thread (the browser worker, or the native main loop).
class RefCounted : public pool::Pooled {
public:
    RefCounted() = default;
    RefCounted(const RefCounted&) = delete;
    RefCounted& operator=(const RefCounted&) = delete;

    void add_ref() const noexcept { ++refs_; }
    void release() const noexcept {
        if (--refs_ == 0) destroy();
    }
    uint32_t ref_count() const noexcept { return refs_; }

protected:
    virtual ~RefCounted() = default;
    // Called when the last reference goes away.
    virtual void destroy() const noexcept { delete this; }

private:
    mutable uint32_t refs_ = 0;
};

// Owning pointer to a RefCounted (or anything with add_ref/release).
template <class T>
class Ref {
public:
    Ref() noexcept = default;
    Ref(std::nullptr_t) noexcept {}
    explicit Ref(T* p) noexcept : p_(p) { if (p_) p_->add_ref(); }
    Ref(const Ref& o) noexcept : p_(o.p_) { if (p_) p_->add_ref(); }
    Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
    template <class U>
    Ref(const Ref<U>& o) noexcept : p_(o.get()) { if (p_) p_->add_ref(); }
    template <class U>
    Ref(Ref<U>&& o) noexcept : p_(o.leak()) {}
    ~Ref() { if (p_) p_->release(); }
    // Takes over a reference the caller already holds (the inverse of leak()).
    static Ref adopt(T* p) noexcept {
        Ref r;
        r.p_ = p;
        return r;
    }

    Ref& operator=(Ref o) noexcept { std::swap(p_, o.p_); return *this; }

    T* get() const noexcept { return p_; }
    T* operator->() const noexcept { return p_; }
    T& operator*() const noexcept { return *p_; }
    explicit operator bool() const noexcept { return p_ != nullptr; }
    // Gives up ownership without releasing.
    T* leak() noexcept { return std::exchange(p_, nullptr); }
    void reset() noexcept { Ref().swap(*this); }
    void swap(Ref& o) noexcept { std::swap(p_, o.p_); }

    friend bool operator==(const Ref& a, const Ref& b) noexcept { return a.p_ == b.p_; }

private:
    T* p_ = nullptr;
};

// Creates a T and returns the first reference to it.
template <class T, class... Args>
Ref<T> make_ref(Args&&... args) {
    return Ref<T>(new T(std::forward<Args>(args)...));
}

}  // namespace corio
