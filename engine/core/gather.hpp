// gather.hpp — asyncio.gather: a future that completes when all its children
// are done, or fails with the first error (unless return_exceptions), and
// whose cancel() cancels the children (tasks.py's _GatheringFuture and
// _done_callback, step for step). The core is untyped: it reports done, and
// callers read each child's outcome; gather() below is the C++ face.
#pragma once

#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/task.hpp"

namespace corio {

class GatheringFuture final : public FutureBase {
public:
    // Registers a done callback on each child (duplicates counted once, as
    // asyncio's arg_to_fut does). With no children it is done at once.
    GatheringFuture(Loop& loop, std::vector<Ref<FutureBase>> children, bool return_exceptions);

    bool cancel(std::optional<std::string> message = std::nullopt) override;
    const std::vector<Ref<FutureBase>>& children() const noexcept { return children_; }
    bool return_exceptions() const noexcept { return return_exceptions_; }

    // The outcome of child i once done, as asyncio puts it in the result
    // list with return_exceptions: its error, a CancelledError carrying the
    // cancel message if it was cancelled, or null if it has a result.
    std::exception_ptr child_error(std::size_t i) const;

private:
    void on_child_done(FutureBase& child);

    std::vector<Ref<FutureBase>> children_;
    std::size_t unique_children_ = 0;
    std::size_t finished_ = 0;
    bool return_exceptions_;
    bool cancel_requested_ = false;
};

Ref<GatheringFuture> gather_futures(Loop& loop, std::vector<Ref<FutureBase>> children,
                                    bool return_exceptions = false);

namespace detail {
template <class T>
using GatherValue = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

template <class T>
GatherValue<T> take_result(ScheduledTask<T>& task) {
    if constexpr (std::is_void_v<T>) {
        task.result();
        return {};
    } else {
        return std::move(task.result());
    }
}
}  // namespace detail

// `auto [a, b] = co_await corio::gather(loop, f(), g());` — each coroutine
// becomes a task, in argument order; void results are std::monostate.
template <class... T>
Task<std::tuple<detail::GatherValue<T>...>> gather(Loop& loop, Task<T>... coros) {
    std::tuple<Ref<ScheduledTask<T>>...> tasks{create_task(loop, std::move(coros))...};
    auto outer = std::apply(
        [&](auto&... t) { return gather_futures(loop, {Ref<FutureBase>(t)...}); }, tasks);
    co_await *outer;
    co_return std::apply(
        [](auto&... t) { return std::tuple<detail::GatherValue<T>...>{detail::take_result(*t)...}; },
        tasks);
}

// `std::vector<int> all = co_await corio::gather_all(loop, std::move(coros));`
template <class T>
Task<std::vector<detail::GatherValue<T>>> gather_all(Loop& loop, std::vector<Task<T>> coros) {
    std::vector<Ref<ScheduledTask<T>>> tasks;
    std::vector<Ref<FutureBase>> children;
    tasks.reserve(coros.size());
    children.reserve(coros.size());
    for (auto& c : coros) {
        tasks.push_back(create_task(loop, std::move(c)));
        children.emplace_back(tasks.back());
    }
    auto outer = gather_futures(loop, std::move(children));
    co_await *outer;
    std::vector<detail::GatherValue<T>> results;
    results.reserve(tasks.size());
    for (auto& t : tasks) results.push_back(detail::take_result(*t));
    co_return results;
}

// FutureBase is awaitable when only completion matters (gather's outer).
inline detail::FutureAwaiter<FutureBase> operator co_await(FutureBase& f) noexcept { return {&f}; }

}  // namespace corio
