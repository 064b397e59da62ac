// small_function.hpp — a move-only type-erased callable with inline storage.
// The loop schedules millions of callbacks; most capture a pointer or two, so
// they live inside the object and cost no allocation. Larger ones go to the
// heap. (std::function needs copyable targets and has a smaller buffer.)
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace corio {

template <class Signature, std::size_t InlineSize = 48>
class SmallFunction;

template <class R, class... Args, std::size_t InlineSize>
class SmallFunction<R(Args...), InlineSize> {
public:
    static constexpr std::size_t kInlineSize = InlineSize;

    SmallFunction() noexcept = default;
    SmallFunction(std::nullptr_t) noexcept {}

    template <class F, class D = std::decay_t<F>,
              class = std::enable_if_t<!std::is_same_v<D, SmallFunction> &&
                                       std::is_invocable_r_v<R, D&, Args...>>>
    SmallFunction(F&& f) {  // NOLINT: implicit on purpose, like std::function
        if constexpr (fits_inline<D>()) {
            ::new (static_cast<void*>(buf_)) D(std::forward<F>(f));
            ops_ = &inline_ops<D>;
        } else {
            *reinterpret_cast<D**>(buf_) = new D(std::forward<F>(f));
            ops_ = &heap_ops<D>;
        }
    }

    SmallFunction(SmallFunction&& o) noexcept : ops_(o.ops_) {
        if (ops_) ops_->move(buf_, o.buf_);
        o.ops_ = nullptr;
    }
    SmallFunction& operator=(SmallFunction&& o) noexcept {
        if (this != &o) {
            reset();
            ops_ = o.ops_;
            if (ops_) ops_->move(buf_, o.buf_);
            o.ops_ = nullptr;
        }
        return *this;
    }
    SmallFunction(const SmallFunction&) = delete;
    SmallFunction& operator=(const SmallFunction&) = delete;
    ~SmallFunction() { reset(); }

    void reset() noexcept {
        if (ops_) {
            auto* ops = std::exchange(ops_, nullptr);
            ops->destroy(buf_);
        }
    }
    explicit operator bool() const noexcept { return ops_ != nullptr; }
    R operator()(Args... args) { return ops_->call(buf_, std::forward<Args>(args)...); }

private:
    struct Ops {
        R (*call)(void*, Args&&...);
        void (*move)(void* dst, void* src) noexcept;
        void (*destroy)(void*) noexcept;
    };

    template <class D>
    static constexpr bool fits_inline() {
        return sizeof(D) <= kInlineSize && alignof(D) <= alignof(void*) &&
               std::is_nothrow_move_constructible_v<D>;
    }

    template <class D>
    static constexpr Ops inline_ops = {
        [](void* p, Args&&... a) -> R { return (*static_cast<D*>(p))(std::forward<Args>(a)...); },
        [](void* dst, void* src) noexcept {
            ::new (dst) D(std::move(*static_cast<D*>(src)));
            static_cast<D*>(src)->~D();
        },
        [](void* p) noexcept { static_cast<D*>(p)->~D(); },
    };

    template <class D>
    static constexpr Ops heap_ops = {
        [](void* p, Args&&... a) -> R { return (**static_cast<D**>(p))(std::forward<Args>(a)...); },
        [](void* dst, void* src) noexcept { *static_cast<D**>(dst) = *static_cast<D**>(src); },
        [](void* p) noexcept { delete *static_cast<D**>(p); },
    };

    alignas(void*) unsigned char buf_[kInlineSize];
    const Ops* ops_ = nullptr;
};

}  // namespace corio
