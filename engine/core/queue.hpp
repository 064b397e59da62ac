// queue.hpp — asyncio.Queue, PriorityQueue and LifoQueue (CPython 3.11
// queues.py) holding values of type T. put() waits while the queue is full
// (maxsize > 0), get() while it is empty, each on a waiter future in a FIFO
// deque (_putters, _getters); put_nowait wakes the first pending getter and
// get_nowait the first pending putter. task_done() and join() count the
// unfinished items through an Event. The begin/finish protocol of get, put
// and join is described in blocking_op.hpp.
//
//   corio::Queue<int> q(loop, 2);
//   co_await q.put(1);            int v = co_await q.get();
//   q.put_nowait(2);              // throws QueueFull when full
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "core/blocking_op.hpp"
#include "core/event.hpp"
#include "core/heapq.hpp"
#include "core/hot_inline.hpp"

namespace corio {

// Everything in a queue but its items: the waiters, maxsize, the count of
// unfinished items and join().
class QueueBase {
public:
    // maxsize <= 0: unbounded.
    QueueBase(Loop& loop, int64_t maxsize);
    QueueBase(const QueueBase&) = delete;
    QueueBase& operator=(const QueueBase&) = delete;

    // `await queue.join()`: waits until every item put was task_done().
    class JoinOp {
    public:
        explicit JoinOp(QueueBase& queue) noexcept : queue_(&queue) {}
        Wait begin();
        Wait finish(std::exception_ptr error) { return wait_->finish(std::move(error)); }
        void result() const noexcept {}

    private:
        QueueBase* queue_;
        std::optional<Event::WaitOp> wait_;
    };

    OpAwaiter<JoinOp> join() { return OpAwaiter<JoinOp>(JoinOp(*this)); }
    JoinOp join_op() noexcept { return JoinOp(*this); }
    // Throws ValueError("task_done() called too many times").
    void task_done();

    int64_t maxsize() const noexcept { return maxsize_; }
    // Python's Queue.__init__ sets it after the object exists.
    void set_maxsize(int64_t maxsize) noexcept { maxsize_ = maxsize; }
    int64_t unfinished_tasks() const noexcept { return unfinished_tasks_; }
    // Moves the primitive to `loop` (Python creates asyncio objects before the
    // loop that uses them, and binds them at first use); only while no waiter
    // is pending.
    void bind_loop(Loop& loop) noexcept {
        loop_ = &loop;
        finished_.bind_loop(loop);
    }
    Loop& loop() const noexcept { return *loop_; }
    uint64_t id() const noexcept { return id_; }
    const Waiters& getters() const noexcept { return getters_; }
    const Waiters& putters() const noexcept { return putters_; }

protected:
    // Completes the first waiter not yet done (cancelled ones are dropped).
    // Inline: most puts and gets find nobody waiting.
    CORIO_HOT_INLINE static void wakeup_next(Waiters& waiters) {
        if (!waiters.empty()) wakeup_first_pending(waiters);
    }
    static void wakeup_first_pending(Waiters& waiters);
    Ref<Future<void>> make_waiter() { return detail::make_waiter(*loop_, {trace::WaitKind::Queue, id_}); }
    // The bookkeeping of put_nowait once the item is in.
    CORIO_HOT_INLINE void item_added() {
        ++unfinished_tasks_;
        finished_.clear();
        wakeup_next(getters_);
    }

    Loop* loop_;
    uint64_t id_;
    int64_t maxsize_;
    Waiters getters_;
    Waiters putters_;
    int64_t unfinished_tasks_ = 0;
    Event finished_;
};

// A queue whose items are kept by Store: put(T), T get(), size(), items.
template <class T, class Store>
class BasicQueue : public QueueBase {
public:
    explicit BasicQueue(Loop& loop, int64_t maxsize = 0) : QueueBase(loop, maxsize) {}

    // `T item = await queue.get()`.
    class GetOp {
    public:
        explicit GetOp(BasicQueue& queue) noexcept : queue_(&queue) {}
        Wait begin() { return step(); }
        Wait finish(std::exception_ptr error) {
            if (error) {
                BasicQueue& q = *queue_;
                getter_->cancel();  // just in case it is not done yet
                // put_nowait may have removed it already.
                detail::remove_waiter(q.getters_, getter_.get());
                // Woken by put_nowait but cannot take the item: pass it on.
                if (!q.empty() && !getter_->cancelled()) wakeup_next(q.getters_);
                std::rethrow_exception(error);
            }
            return step();
        }
        T result() { return std::move(*item_); }

    private:
        Wait step() {  // `while self.empty(): ...; return self.get_nowait()`
            BasicQueue& q = *queue_;
            if (q.empty()) {
                getter_ = q.make_waiter();
                q.getters_.push_back(getter_);
                return {getter_.get()};
            }
            item_.emplace(q.get_nowait());
            return {};
        }

        BasicQueue* queue_;
        Ref<Future<void>> getter_;
        std::optional<T> item_;
    };

    // `await queue.put(item)`.
    class PutOp {
    public:
        PutOp(BasicQueue& queue, T item) : queue_(&queue), item_(std::move(item)) {}
        Wait begin() { return step(); }
        Wait finish(std::exception_ptr error) {
            if (error) {
                BasicQueue& q = *queue_;
                putter_->cancel();
                detail::remove_waiter(q.putters_, putter_.get());
                if (!q.full() && !putter_->cancelled()) wakeup_next(q.putters_);
                std::rethrow_exception(error);
            }
            return step();
        }
        void result() const noexcept {}

    private:
        Wait step() {  // `while self.full(): ...; return self.put_nowait(item)`
            BasicQueue& q = *queue_;
            if (q.full()) {
                putter_ = q.make_waiter();
                q.putters_.push_back(putter_);
                return {putter_.get()};
            }
            q.put_nowait(std::move(item_));
            return {};
        }

        BasicQueue* queue_;
        Ref<Future<void>> putter_;
        T item_;
    };

    OpAwaiter<GetOp> get() { return OpAwaiter<GetOp>(GetOp(*this)); }
    OpAwaiter<PutOp> put(T item) { return OpAwaiter<PutOp>(PutOp(*this, std::move(item))); }
    GetOp get_op() noexcept { return GetOp(*this); }
    PutOp put_op(T item) { return PutOp(*this, std::move(item)); }

    // Throws QueueFull if the queue is full.
    void put_nowait(T item) {
        if (full()) throw QueueFull();
        store_.put(std::move(item));
        item_added();
    }
    // Throws QueueEmpty if the queue is empty.
    T get_nowait() {
        if (empty()) throw QueueEmpty();
        T item = store_.get();
        wakeup_next(putters_);
        return item;
    }

    // get()'s and put()'s fast paths for callers that make no operation
    // object unless it waits (the interpreter's `await q.get()`): exactly
    // begin() when it does not wait; false, with nothing done, when it would.
    CORIO_HOT_INLINE bool try_get(T& item) {
        if (empty()) return false;
        item = store_.get();
        wakeup_next(putters_);
        return true;
    }
    CORIO_HOT_INLINE bool try_put(T& item) {
        if (full()) return false;
        store_.put(std::move(item));
        item_added();
        return true;
    }

    // Not noexcept: a Store may run code that fails (a Python subclass's
    // own storage).
    CORIO_HOT_INLINE std::size_t qsize() const { return store_.size(); }
    CORIO_HOT_INLINE bool empty() const { return store_.size() == 0; }
    CORIO_HOT_INLINE bool full() const {
        return maxsize_ > 0 && static_cast<int64_t>(qsize()) >= maxsize_;
    }
    Store& store() noexcept { return store_; }
    // The items in storage order (Python's `queue._queue`).
    const auto& items() const noexcept { return store_.items; }

private:
    Store store_;
};

namespace detail {

template <class T>
struct FifoStore {
    std::deque<T> items;
    void put(T item) { items.push_back(std::move(item)); }
    T get() {
        T item = std::move(items.front());
        items.pop_front();
        return item;
    }
    std::size_t size() const noexcept { return items.size(); }
};

template <class T>
struct LifoStore {
    std::vector<T> items;
    void put(T item) { items.push_back(std::move(item)); }
    T get() {
        T item = std::move(items.back());
        items.pop_back();
        return item;
    }
    std::size_t size() const noexcept { return items.size(); }
};

template <class T, class Less>
struct HeapStore {
    std::vector<T> items;
    Less less;
    void put(T item) { heapq::push(items, std::move(item), less); }
    T get() { return heapq::pop(items, less); }
    std::size_t size() const noexcept { return items.size(); }
};

}  // namespace detail

template <class T>
using Queue = BasicQueue<T, detail::FifoStore<T>>;
// Retrieves the most recently added item first.
template <class T>
using LifoQueue = BasicQueue<T, detail::LifoStore<T>>;
// Retrieves the smallest item first (by `Less`, as heapq with `<`).
template <class T, class Less = std::less<T>>
using PriorityQueue = BasicQueue<T, detail::HeapStore<T, Less>>;

}  // namespace corio
