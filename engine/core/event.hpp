// event.hpp — asyncio.Event (CPython 3.11 locks.py): a flag that tasks wait
// for. set() completes every pending waiter future (their tasks wake up
// through call_soon); wait() on a set event returns at once. The begin/finish
// protocol of the wait operation is described in blocking_op.hpp.
#pragma once

#include <cstdint>

#include "core/blocking_op.hpp"

namespace corio {

class Event {
public:
    explicit Event(Loop& loop) : Event(loop, {trace::WaitKind::Event, 0}) {}
    // An event whose waiters show in the trace as `tag` (0 id: the event's own).
    Event(Loop& loop, WaitTag tag);
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    // `await event.wait()`: returns true once the flag is set.
    class WaitOp {
    public:
        explicit WaitOp(Event& event) noexcept : event_(&event) {}
        Wait begin();
        Wait finish(std::exception_ptr error);
        bool result() const noexcept { return true; }

    private:
        Event* event_;
        Ref<Future<void>> fut_;
    };

    OpAwaiter<WaitOp> wait() { return OpAwaiter<WaitOp>(WaitOp(*this)); }
    WaitOp wait_op() noexcept { return WaitOp(*this); }
    void set();
    void clear() noexcept { value_ = false; }
    bool is_set() const noexcept { return value_; }

    // Moves the primitive to `loop` (Python creates asyncio objects before the
    // loop that uses them, and binds them at first use); only while no waiter
    // is pending.
    void bind_loop(Loop& loop) noexcept { loop_ = &loop; }
    Loop& loop() const noexcept { return *loop_; }
    uint64_t id() const noexcept { return id_; }
    const Waiters& waiters() const noexcept { return waiters_; }

private:
    Loop* loop_;
    uint64_t id_;
    WaitTag tag_;
    Waiters waiters_;
    bool value_ = false;
};

}  // namespace corio
