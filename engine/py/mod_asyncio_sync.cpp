// mod_asyncio_sync.cpp — asyncio's synchronization primitives and queues,
// served by the engine (core/lock.hpp, event.hpp, semaphore.hpp,
// condition.hpp, barrier.hpp, queue.hpp): Lock, Event, Semaphore,
// BoundedSemaphore, Condition, Barrier, Queue, PriorityQueue, LifoQueue.
//
// Each Python object holds the engine primitive; each blocking method
// returns an OpCoroutine (mod_asyncio_op.hpp) driving the primitive's
// operation, so waiters, wake-up order and cancellation are the engine's,
// which copies CPython 3.11's locks.py and queues.py step for step. The
// prelude (mod_asyncio_prelude_sync.cpp) adds the parts written in Python:
// reprs' formatting, Condition.wait_for, the queue hooks of subclasses.
//
// Loops: Python creates these objects before asyncio.run makes the loop
// that uses them, so a primitive binds to the running loop when an
// operation begins; it moves to a new loop only while nobody waits on it
// (CPython raises "... is bound to a different event loop" when a waiter
// would be created on a second loop; corio raises when one is pending).
//
// Queue subclasses that override _init, _put or _get (as CPython's
// PriorityQueue does) get those hooks called, as CPython calls them, with
// self._queue as the storage; full(), empty() and qsize() overrides are not
// consulted by put() and get().
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/barrier.hpp"
#include "core/condition.hpp"
#include "core/errors.hpp"
#include "core/event.hpp"
#include "core/heapq.hpp"
#include "core/hot_inline.hpp"
#include "core/lock.hpp"
#include "core/queue.hpp"
#include "core/semaphore.hpp"
#include "py/builtin_function.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/mod_asyncio_op.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"

namespace corio::py {

namespace {

// ------------------------------------------------------------ the objects

// What every primitive object has: the module state, kept alive by it.
class PrimBase : public Object {
public:
    PrimBase(Type* type, AsyncioState* state) noexcept : Object(type), st(state) { st->retain(); }
    ~PrimBase() override { st->release(); }
    AsyncioState* st;
};

// A primitive object holding the engine primitive P.
template <class P>
class Prim : public PrimBase {
public:
    template <class... Args>
    Prim(Type* type, AsyncioState* state, Args&&... args)
        : PrimBase(type, state), prim(std::forward<Args>(args)...) {}
    P prim;
};

using PyLock = Prim<corio::Lock>;
using PyEvent = Prim<corio::Event>;
// A Semaphore or a BoundedSemaphore (whose release() checks the bound).
class PySemaphore : public PrimBase {
public:
    PySemaphore(Type* type, AsyncioState* state, int64_t value, bool bounded) : PrimBase(type, state) {
        if (bounded) {
            bounded_sem.emplace(state->loop(), value);
        } else {
            plain_sem.emplace(state->loop(), value);
        }
    }
    corio::Semaphore& prim() noexcept {
        return bounded_sem ? static_cast<corio::Semaphore&>(*bounded_sem) : *plain_sem;
    }
    std::optional<corio::Semaphore> plain_sem;
    std::optional<corio::BoundedSemaphore> bounded_sem;
};

// A Condition on its own lock or on a Lock object (kept alive here).
class PyCondition : public PrimBase {
public:
    PyCondition(Type* type, AsyncioState* state, PyLock* lock)
        : PrimBase(type, state), lock_obj(lock), cond(lock->prim) {}
    void trace(Tracer& tracer) override { tracer.visit(lock_obj); }
    Object* lock_obj;
    corio::Condition cond;
};

using PyBarrier = Prim<corio::Barrier>;

// The items of a Python queue. Fifo, Lifo and Priority keep them here
// (Priority as a heap compared with Python's <, heapq's algorithm);
// Custom calls the subclass's _put / _get and counts self._queue.
struct PyQueueStore {
    enum class Kind : uint8_t { Fifo, Lifo, Priority, Custom };
    struct Less {
        Interp* interp;
        bool operator()(Value a, Value b) const { return truthy(*interp, compare(*interp, a, b, CompareOp::Lt)); }
    };

    Kind kind = Kind::Fifo;
    Interp* interp = nullptr;
    Object* self = nullptr;
    RingQueue<Value> fifo;
    std::vector<Value> items;  // Lifo: a stack; Priority: a heap

    // Fifo inline, the rest out of line (kept there, so that the fast paths
    // need no stack frame): every item through a queue comes here.
    CORIO_HOT_INLINE void put(Value item) {
        if (kind == Kind::Fifo)
            fifo.push_back(item);
        else
            put_other(item);
    }
    CORIO_HOT_INLINE Value get() { return kind == Kind::Fifo ? fifo.pop_front() : get_other(); }
    CORIO_HOT_INLINE std::size_t size() const {
        if (kind == Kind::Custom) return custom_size();
        return kind == Kind::Fifo ? fifo.size() : items.size();
    }
    [[gnu::noinline]] void put_other(Value item) {
        switch (kind) {
            case Kind::Fifo: fifo.push_back(item); break;
            case Kind::Lifo: items.push_back(item); break;
            case Kind::Priority: {
                Less less{interp};
                heapq::push(items, item, less);
                break;
            }
            case Kind::Custom: call_method(*interp, self, interp->intern("_put"), {item}); break;
        }
    }
    [[gnu::noinline]] Value get_other() {
        switch (kind) {
            case Kind::Fifo: return fifo.pop_front();
            case Kind::Lifo: {
                Value v = items.back();
                items.pop_back();
                return v;
            }
            case Kind::Priority: {
                Less less{interp};
                return heapq::pop(items, less);
            }
            case Kind::Custom: break;
        }
        return call_method(*interp, self, interp->intern("_get"), {});
    }
    [[gnu::noinline]] std::size_t custom_size() const {
        Value q = getattr(*interp, self, interp->intern("_queue"));
        return static_cast<std::size_t>(len(*interp, q));
    }
    // The items in storage order (`list(self._queue)`).
    std::vector<Value> snapshot() const {
        if (kind == Kind::Fifo) {
            std::vector<Value> out;
            for (std::size_t i = 0; i < fifo.size(); ++i) out.push_back(fifo[i]);
            return out;
        }
        return items;
    }
    void trace(Tracer& tracer) {
        for (std::size_t i = 0; i < fifo.size(); ++i) tracer.visit(fifo[i]);
        for (Value v : items) tracer.visit(v);
    }
};

using EngineQueue = corio::BasicQueue<Value, PyQueueStore>;

class PyQueue : public PrimBase {
public:
    PyQueue(Type* type, AsyncioState* state, PyQueueStore::Kind kind)
        : PrimBase(type, state), queue(state->loop()) {
        store().kind = kind;
        store().interp = &state->interp;
        store().self = this;
    }
    void trace(Tracer& tracer) override { store().trace(tracer); }
    PyQueueStore& store() noexcept { return queue.store(); }
    EngineQueue queue;
};

// ------------------------------------------------------------ helpers

AsyncioState* st_of(const CallArgs& a) { return static_cast<AsyncioState*>(const_cast<void*>(a.fn->data)); }
AsyncioSyncTypes& types_of(AsyncioState* st) { return st->sync_types; }

template <class T>
T* self_as(Interp& interp, const CallArgs& a, Type* type, const char* what) {
    if (a.nargs == 0 || (interp.type_of(a[0]) != type && !isinstance(interp, a[0], type)))
        raise_type_error(interp, std::string("descriptor requires a '") + what + "' object");
    return static_cast<T*>(a[0].as_object());
}

// Binds the primitive to the running loop when it is free to move.
template <class P>
void bind_to_running_loop(Interp& interp, AsyncioState* st, Value self, P& prim, bool has_waiters) {
    corio::Loop& lp = st->loop();
    if (&prim.loop() == &lp) return;
    if (has_waiters) raise_runtime_error(interp, repr_utf8(interp, self) + " is bound to a different event loop");
    prim.bind_loop(lp);
}

template <class Op>
Value op_bool_result(Interp& interp, Op& op) {
    return interp.boolean(op.result());
}
template <class Op>
Value op_none_result(Interp& interp, Op&) {
    return interp.none;
}

// Python's repr of object, less its closing '>': "<asyncio.locks.Lock object at 0x...".
std::string object_repr_head(Interp& interp, Value self, const char* module) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(self.bits()));
    std::string text = "<";
    text += module;
    text += '.';
    text += type_name(interp, self);
    text += " object at ";
    text += buf;
    return text;
}

std::string waiters_suffix(std::size_t n) { return n ? ", waiters:" + std::to_string(n) : std::string(); }

AsyncioState* state_of_type(Interp& interp, Type* cls) {
    Value holder = type_lookup(interp, cls, interp.intern("_state_holder"));
    auto* b = static_cast<BuiltinFunction*>(holder.as_object());
    return static_cast<AsyncioState*>(const_cast<void*>(b->data));
}

// `acquire()` (True) or `async with`'s __aenter__ (None) of a Lock or a
// Semaphore: the primitive's acquire operation as a coroutine.
template <class P>
Value acquire_coroutine(Interp& interp, AsyncioState* st, Value self, P& prim, const char* qualname, bool enter) {
    bind_to_running_loop(interp, st, self, prim, !prim.waiters().empty());
    using Op = decltype(prim.acquire_op());
    if (enter) return make_op_coroutine(st, types_of(st).op, self, Value(), qualname, prim.acquire_op(), op_none_result<Op>);
    return make_op_coroutine(st, types_of(st).op, self, Value(), qualname, prim.acquire_op(), op_bool_result<Op>);
}

// Runs an engine call, its C++ errors raised as the Python classes.
template <class Fn>
void engine_call(AsyncioState* st, Fn&& fn) {
    try {
        fn();
    } catch (const PyException&) {
        throw;
    } catch (...) {
        throw PyException{st->to_py(std::current_exception())};
    }
}

// ------------------------------------------------------------ Lock

Value lock_new(Interp& interp, Type* cls, const Value*, std::size_t, Tuple*) {
    AsyncioState* st = state_of_type(interp, cls);
    return make_instance<PyLock>(interp, cls, st, st->loop());
}

PyLock* lock_self(Interp& interp, const CallArgs& a) {
    return self_as<PyLock>(interp, a, types_of(st_of(a)).lock, "Lock");
}

Value lock_acquire_with(Interp& interp, const CallArgs& a, const char* qualname, bool enter) {
    PyLock* l = lock_self(interp, a);
    return acquire_coroutine(interp, l->st, a[0], l->prim, qualname, enter);
}

Value lock_acquire(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "acquire", 1, 1);
    return lock_acquire_with(interp, a, "Lock.acquire", false);
}

Value lock_aenter(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__aenter__", 1, 1);
    return lock_acquire_with(interp, a, "_ContextManagerMixin.__aenter__", true);
}

Value lock_release(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "release", 1, 1);
    PyLock* l = lock_self(interp, a);
    engine_call(l->st, [&] { l->prim.release(); });
    return interp.none;
}

// The `async with` exit of Lock, Semaphore and Condition: a coroutine that
// calls self.release() when awaited.
struct ReleaseOp {
    Interp* interp;
    Value self;
    corio::Wait begin() {
        call_method(*interp, self, interp->intern("release"), {});
        return {};
    }
    corio::Wait finish(std::exception_ptr) { return {}; }
};

// Barrier's `async with` exit: a coroutine that does nothing.
struct NothingOp {
    corio::Wait begin() { return {}; }
    corio::Wait finish(std::exception_ptr) { return {}; }
};

template <class Self>
Value release_on_exit(Interp& interp, const CallArgs& a, Self* s, const char* qualname) {
    return make_op_coroutine(s->st, types_of(s->st).op, a[0], Value(), qualname, ReleaseOp{&interp, a[0]},
                             op_none_result<ReleaseOp>);
}

Value lock_aexit(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__aexit__", 4, 4);
    return release_on_exit(interp, a, lock_self(interp, a), "_ContextManagerMixin.__aexit__");
}

Value lock_locked(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "locked", 1, 1);
    return interp.boolean(lock_self(interp, a)->prim.locked());
}

Value lock_repr(Interp& interp, Value self) {
    auto* l = static_cast<PyLock*>(self.as_object());
    std::string extra = l->prim.locked() ? "locked" : "unlocked";
    extra += waiters_suffix(l->prim.waiters().size());
    return make_str(interp, object_repr_head(interp, self, "asyncio.locks") + " [" + extra + "]>");
}

// ------------------------------------------------------------ Event

Value event_new(Interp& interp, Type* cls, const Value*, std::size_t, Tuple*) {
    AsyncioState* st = state_of_type(interp, cls);
    return make_instance<PyEvent>(interp, cls, st, st->loop());
}

PyEvent* event_self(Interp& interp, const CallArgs& a) {
    return self_as<PyEvent>(interp, a, types_of(st_of(a)).event, "Event");
}

Value event_wait(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "wait", 1, 1);
    PyEvent* e = event_self(interp, a);
    bind_to_running_loop(interp, e->st, a[0], e->prim, !e->prim.waiters().empty());
    return make_op_coroutine(e->st, types_of(e->st).op, a[0], Value(), "Event.wait", e->prim.wait_op(),
                             op_bool_result<corio::Event::WaitOp>);
}

Value event_set(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "set", 1, 1);
    event_self(interp, a)->prim.set();
    return interp.none;
}

Value event_clear(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "clear", 1, 1);
    event_self(interp, a)->prim.clear();
    return interp.none;
}

Value event_is_set(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "is_set", 1, 1);
    return interp.boolean(event_self(interp, a)->prim.is_set());
}

Value event_repr(Interp& interp, Value self) {
    auto* e = static_cast<PyEvent*>(self.as_object());
    std::string extra = e->prim.is_set() ? "set" : "unset";
    extra += waiters_suffix(e->prim.waiters().size());
    return make_str(interp, object_repr_head(interp, self, "asyncio.locks") + " [" + extra + "]>");
}

// ------------------------------------------------------------ Semaphore

Value semaphore_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    AsyncioState* st = state_of_type(interp, cls);
    Value out[1];
    CallArgs ca{args, nargs, kwnames, nullptr};
    parse_args(interp, ca, {"Semaphore", {"value"}, 0, 1}, out);
    int64_t value = out[0] ? index_i64(interp, out[0]) : 1;
    if (value < 0) raise_value_error(interp, "Semaphore initial value must be >= 0");
    return make_instance<PySemaphore>(interp, cls, st, value, is_subtype(cls, types_of(st).bounded_semaphore));
}

PySemaphore* semaphore_self(Interp& interp, const CallArgs& a) {
    return self_as<PySemaphore>(interp, a, types_of(st_of(a)).semaphore, "Semaphore");
}

Value semaphore_acquire_with(Interp& interp, const CallArgs& a, const char* qualname, bool enter) {
    PySemaphore* s = semaphore_self(interp, a);
    return acquire_coroutine(interp, s->st, a[0], s->prim(), qualname, enter);
}

Value semaphore_acquire(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "acquire", 1, 1);
    return semaphore_acquire_with(interp, a, "Semaphore.acquire", false);
}

Value semaphore_aenter(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__aenter__", 1, 1);
    return semaphore_acquire_with(interp, a, "_ContextManagerMixin.__aenter__", true);
}

Value semaphore_aexit(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__aexit__", 4, 4);
    return release_on_exit(interp, a, semaphore_self(interp, a), "_ContextManagerMixin.__aexit__");
}

Value semaphore_release(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "release", 1, 1);
    PySemaphore* s = semaphore_self(interp, a);
    engine_call(s->st, [&] { s->prim().release(); });
    return interp.none;
}

Value semaphore_locked(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "locked", 1, 1);
    return interp.boolean(semaphore_self(interp, a)->prim().locked());
}

Value semaphore_value(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_value", 1, 1);
    return make_int(interp, semaphore_self(interp, a)->prim().value());
}

Value semaphore_repr(Interp& interp, Value self) {
    auto* s = static_cast<PySemaphore*>(self.as_object());
    std::string extra = s->prim().locked() ? "locked" : "unlocked, value:" + std::to_string(s->prim().value());
    extra += waiters_suffix(s->prim().waiters().size());
    return make_str(interp, object_repr_head(interp, self, "asyncio.locks") + " [" + extra + "]>");
}

// ------------------------------------------------------------ Condition

Value condition_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    AsyncioState* st = state_of_type(interp, cls);
    Value out[1];
    CallArgs ca{args, nargs, kwnames, nullptr};
    parse_args(interp, ca, {"Condition", {"lock"}, 0, 1}, out);
    Value lock = out[0];
    if (!lock || lock == interp.none) {
        lock = make_instance<PyLock>(interp, types_of(st).lock, st, st->loop());
    } else if (!isinstance(interp, lock, types_of(st).lock)) {
        raise_type_error(interp, "Condition: lock must be an asyncio.Lock, got " + repr_utf8(interp, lock));
    }
    return make_instance<PyCondition>(interp, cls, st, static_cast<PyLock*>(lock.as_object()));
}

PyCondition* condition_self(Interp& interp, const CallArgs& a) {
    return self_as<PyCondition>(interp, a, types_of(st_of(a)).condition, "Condition");
}

Value condition_wait(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "wait", 1, 1);
    PyCondition* c = condition_self(interp, a);
    auto* lock = static_cast<PyLock*>(c->lock_obj);
    bind_to_running_loop(interp, c->st, a[0], lock->prim,
                         !lock->prim.waiters().empty() || !c->cond.waiters().empty());
    return make_op_coroutine(c->st, types_of(c->st).op, a[0], Value(), "Condition.wait", c->cond.wait_op(),
                             op_bool_result<corio::Condition::WaitOp>);
}

Value condition_notify(Interp& interp, const CallArgs& a) {
    Value out[2];
    parse_args(interp, a, {"notify", {"self", "n"}, 1, 2}, out);
    PyCondition* c = condition_self(interp, a);
    int64_t n = out[1] ? index_i64(interp, out[1]) : 1;
    engine_call(c->st, [&] { c->cond.notify(n < 0 ? 0 : static_cast<std::size_t>(n)); });
    return interp.none;
}

Value condition_notify_all(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "notify_all", 1, 1);
    PyCondition* c = condition_self(interp, a);
    engine_call(c->st, [&] { c->cond.notify_all(); });
    return interp.none;
}

Value condition_lock(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_lock", 1, 1);
    return condition_self(interp, a)->lock_obj;
}

Value condition_repr(Interp& interp, Value self) {
    auto* c = static_cast<PyCondition*>(self.as_object());
    std::string extra = c->cond.locked() ? "locked" : "unlocked";
    extra += waiters_suffix(c->cond.waiters().size());
    return make_str(interp, object_repr_head(interp, self, "asyncio.locks") + " [" + extra + "]>");
}

// ------------------------------------------------------------ Barrier

Value barrier_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    AsyncioState* st = state_of_type(interp, cls);
    Value out[1];
    CallArgs ca{args, nargs, kwnames, nullptr};
    parse_args(interp, ca, {"Barrier", {"parties"}, 1, 1}, out);
    int64_t parties = index_i64(interp, out[0]);
    if (parties < 1) raise_value_error(interp, "parties must be > 0");
    return make_instance<PyBarrier>(interp, cls, st, st->loop(), parties);
}

PyBarrier* barrier_self(Interp& interp, const CallArgs& a) {
    return self_as<PyBarrier>(interp, a, types_of(st_of(a)).barrier, "Barrier");
}

Value barrier_index(Interp& interp, corio::Barrier::WaitOp& op) { return make_int(interp, op.result()); }

Value barrier_wait_with(Interp& interp, const CallArgs& a, const char* qualname) {
    PyBarrier* b = barrier_self(interp, a);
    bind_to_running_loop(interp, b->st, a[0], b->prim, b->prim.n_waiting() > 0);
    return make_op_coroutine(b->st, types_of(b->st).op, a[0], Value(), qualname, b->prim.wait_op(),
                             barrier_index);
}

Value barrier_wait(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "wait", 1, 1);
    return barrier_wait_with(interp, a, "Barrier.wait");
}

Value barrier_aenter(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__aenter__", 1, 1);
    return barrier_wait_with(interp, a, "Barrier.__aenter__");
}

Value barrier_aexit(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__aexit__", 4, 4);
    PyBarrier* b = barrier_self(interp, a);
    return make_op_coroutine(b->st, types_of(b->st).op, a[0], Value(), "Barrier.__aexit__",
                             NothingOp{}, op_none_result<NothingOp>);
}

Value barrier_update(Interp& interp, const CallArgs& a, bool abort) {
    check_nargs(interp, a, abort ? "abort" : "reset", 1, 1);
    PyBarrier* b = barrier_self(interp, a);
    bind_to_running_loop(interp, b->st, a[0], b->prim, b->prim.n_waiting() > 0);
    return make_op_coroutine(b->st, types_of(b->st).op, a[0], Value(), abort ? "Barrier.abort" : "Barrier.reset",
                             abort ? b->prim.abort_op() : b->prim.reset_op(),
                             op_none_result<corio::Barrier::UpdateOp>);
}

Value barrier_reset(Interp& interp, const CallArgs& a) { return barrier_update(interp, a, false); }
Value barrier_abort(Interp& interp, const CallArgs& a) { return barrier_update(interp, a, true); }

Value barrier_info(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_info", 1, 1);
    PyBarrier* b = barrier_self(interp, a);
    return make_tuple(interp, {make_str(interp, corio::state_name(b->prim.state())),
                               make_int(interp, b->prim.parties()), make_int(interp, b->prim.n_waiting()),
                               interp.boolean(b->prim.broken())});
}

// ------------------------------------------------------------ Queue

PyQueueStore::Kind queue_kind(Interp& interp, AsyncioState* st, Type* cls) {
    AsyncioSyncTypes& t = types_of(st);
    Type* base = is_subtype(cls, t.priority_queue) ? t.priority_queue
                 : is_subtype(cls, t.lifo_queue)   ? t.lifo_queue
                                                        : t.queue;
    if (cls->is_heap_type()) {
        for (const char* hook : {"_init", "_put", "_get"}) {
            Str* name = interp.intern(hook);
            if (type_lookup(interp, cls, name) != type_lookup(interp, base, name)) return PyQueueStore::Kind::Custom;
        }
    }
    if (base == t.priority_queue) return PyQueueStore::Kind::Priority;
    if (base == t.lifo_queue) return PyQueueStore::Kind::Lifo;
    return PyQueueStore::Kind::Fifo;
}

Value queue_new(Interp& interp, Type* cls, const Value*, std::size_t, Tuple*) {
    AsyncioState* st = state_of_type(interp, cls);
    return make_instance<PyQueue>(interp, cls, st, queue_kind(interp, st, cls));
}

PyQueue* queue_self(Interp& interp, const CallArgs& a) {
    return self_as<PyQueue>(interp, a, types_of(st_of(a)).queue, "Queue");
}

void queue_init(Interp& interp, Value self, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value out[1];
    CallArgs ca{args, nargs, kwnames, nullptr};
    parse_args(interp, ca, {"Queue", {"maxsize"}, 0, 1}, out);
    auto* q = static_cast<PyQueue*>(self.as_object());
    int64_t maxsize = out[0] ? index_i64(interp, out[0]) : 0;
    q->queue.set_maxsize(maxsize);
    if (q->store().kind == PyQueueStore::Kind::Custom)
        call_method(interp, self, interp.intern("_init"), {make_int(interp, maxsize)});
}

void bind_queue(Interp& interp, PyQueue* q, Value self) {
    const EngineQueue& e = q->queue;
    if (&e.loop() == &q->st->loop()) return;  // bound already: the common case
    bind_to_running_loop(interp, q->st, self, q->queue,
                         !e.getters().empty() || !e.putters().empty() || e.unfinished_tasks() > 0);
}

Value queue_item(Interp&, EngineQueue::GetOp& op) { return op.result(); }

Value queue_get(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "get", 1, 1);
    PyQueue* q = queue_self(interp, a);
    bind_queue(interp, q, a[0]);
    return make_op_coroutine(q->st, types_of(q->st).op, a[0], Value(), "Queue.get", q->queue.get_op(), queue_item);
}

Value queue_put(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "put", 2, 2);
    PyQueue* q = queue_self(interp, a);
    bind_queue(interp, q, a[0]);
    return make_op_coroutine(q->st, types_of(q->st).op, a[0], a[1], "Queue.put", q->queue.put_op(a[1]),
                             op_none_result<EngineQueue::PutOp>);
}

// The queue of a fused `await q.get()` / `await q.put(x)` (the VM checked
// self's type) if it is bound to the running loop already, else null.
CORIO_HOT_INLINE PyQueue* bound_queue(const CallArgs& a) {
    auto* q = static_cast<PyQueue*>(a[0].as_object());
    const auto& loops = q->st->loops;
    return !loops.empty() && loops.back().get() == &q->queue.loop() ? q : nullptr;
}

// `await q.get()` and `await q.put(x)` when they need not wait, as most do
// (BuiltinFunction::await_now): GetOp's and PutOp's begin without the
// operation or its coroutine. They run for every item through a queue,
// and wasm's -Oz inlines little, so they make few calls.
bool queue_get_await_now(Interp&, const CallArgs& a, Value& out) {
    PyQueue* q = a.nargs == 1 ? bound_queue(a) : nullptr;
    return q && q->queue.try_get(out);
}

bool queue_put_await_now(Interp& interp, const CallArgs& a, Value& out) {
    PyQueue* q = a.nargs == 2 ? bound_queue(a) : nullptr;
    Value item = a.nargs == 2 ? a[1] : Value();
    if (!q || !q->queue.try_put(item)) return false;
    out = interp.none;
    return true;
}

Value queue_join(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "join", 1, 1);
    PyQueue* q = queue_self(interp, a);
    bind_queue(interp, q, a[0]);
    return make_op_coroutine(q->st, types_of(q->st).op, a[0], Value(), "Queue.join", q->queue.join_op(),
                             op_none_result<corio::QueueBase::JoinOp>);
}

Value queue_put_nowait(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "put_nowait", 2, 2);
    PyQueue* q = queue_self(interp, a);
    if (q->queue.full()) throw PyException{new_exception(interp, q->st->cls("QueueFull"), {})};
    q->queue.put_nowait(a[1]);
    return interp.none;
}

Value queue_get_nowait(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "get_nowait", 1, 1);
    PyQueue* q = queue_self(interp, a);
    if (q->queue.empty()) throw PyException{new_exception(interp, q->st->cls("QueueEmpty"), {})};
    return q->queue.get_nowait();
}

Value queue_task_done(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "task_done", 1, 1);
    PyQueue* q = queue_self(interp, a);
    engine_call(q->st, [&] { q->queue.task_done(); });
    return interp.none;
}

Value queue_qsize(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "qsize", 1, 1);
    return make_int(interp, static_cast<int64_t>(queue_self(interp, a)->queue.qsize()));
}

Value queue_empty(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "empty", 1, 1);
    return interp.boolean(queue_self(interp, a)->queue.empty());
}

Value queue_full(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "full", 1, 1);
    return interp.boolean(queue_self(interp, a)->queue.full());
}

Value queue_maxsize(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_maxsize", 1, 1);
    return make_int(interp, queue_self(interp, a)->queue.maxsize());
}

// (items in storage order or None for a subclass's own storage, getters,
// putters, unfinished tasks): what Queue._format shows.
Value queue_info(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "_info", 1, 1);
    PyQueue* q = queue_self(interp, a);
    Value items = interp.none;
    if (q->store().kind != PyQueueStore::Kind::Custom) {
        std::vector<Value> snapshot = q->store().snapshot();
        items = make_list(interp, snapshot.data(), snapshot.size());
    }
    const EngineQueue& e = q->queue;
    return make_tuple(interp, {items, make_int(interp, static_cast<int64_t>(e.getters().size())),
                               make_int(interp, static_cast<int64_t>(e.putters().size())),
                               make_int(interp, e.unfinished_tasks())});
}

// Queue._format: "maxsize=2 _queue=[1, 2] _getters[1] tasks=2".
std::string queue_format(Interp& interp, Value self) {
    auto* q = static_cast<PyQueue*>(self.as_object());
    const EngineQueue& e = q->queue;
    std::string out = "maxsize=" + std::to_string(e.maxsize());
    Value items;
    if (q->store().kind == PyQueueStore::Kind::Custom) {
        Value own = getattr_opt(interp, self, interp.intern("_queue"));
        if (own && truthy(interp, own)) items = py::call(interp, Value(interp.types.list), {own});
    } else if (e.qsize() > 0) {
        std::vector<Value> snapshot = q->store().snapshot();
        items = make_list(interp, snapshot.data(), snapshot.size());
    }
    if (items) out += " _queue=" + repr_utf8(interp, items);
    if (!e.getters().empty()) out += " _getters[" + std::to_string(e.getters().size()) + "]";
    if (!e.putters().empty()) out += " _putters[" + std::to_string(e.putters().size()) + "]";
    if (e.unfinished_tasks()) out += " tasks=" + std::to_string(e.unfinished_tasks());
    return out;
}

Value queue_repr(Interp& interp, Value self) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(self.bits()));
    std::string text = "<";
    text += type_name(interp, self);
    text += " at ";
    text += buf;
    text += ' ';
    text += queue_format(interp, self);
    text += '>';
    return make_str(interp, text);
}

Value queue_str(Interp& interp, Value self) {
    std::string text = "<";
    text += type_name(interp, self);
    text += ' ';
    text += queue_format(interp, self);
    text += '>';
    return make_str(interp, text);
}

Value barrier_repr(Interp& interp, Value self) {
    auto* b = static_cast<PyBarrier*>(self.as_object());
    std::string extra = corio::state_name(b->prim.state());
    if (!b->prim.broken())
        extra += ", waiters:" + std::to_string(b->prim.n_waiting()) + "/" + std::to_string(b->prim.parties());
    return make_str(interp, object_repr_head(interp, self, "asyncio.locks") + " [" + extra + "]>");
}

// ------------------------------------------------------------ the types

}  // namespace

void add_sync_primitives(Interp& interp, AsyncioState* st, Dict* module_dict, BuiltinFunction* state_holder) {
    AsyncioSyncTypes& t = st->sync_types;
    t.op = make_op_coroutine_type(interp);
    auto method = [&](Type* type, const char* name, NativeFn fn) {
        BuiltinFunction* b = add_method(interp, type, name, fn);
        b->data = st;
        return b;
    };
    auto make_type = [&](const char* name, Type* base, NewFn new_fn, InstanceDictFn dict_fn, UnaryFn repr) {
        Type* type = new_builtin_type(interp, name, base, kTypeBaseType);
        type->slots.new_ = new_fn;
        type->subclass_instance_dict = dict_fn;
        if (repr) type->slots.repr = repr;
        type->dict->set_str(interp, "_state_holder", state_holder);
        return type;
    };
    auto finish = [&](Type* type, const char* module) {
        finish_builtin_type(interp, type);
        type->module = interp.intern(module);
        type->dict->set_str(interp, interp.names.module, type->module);
        module_dict->set_str(interp, type->name, Value(type));
    };

    t.lock = make_type("Lock", nullptr, lock_new, Subclassed<PyLock>::dict_of, lock_repr);
    method(t.lock, "acquire", lock_acquire);
    method(t.lock, "release", lock_release);
    method(t.lock, "locked", lock_locked);
    method(t.lock, "__aenter__", lock_aenter);
    method(t.lock, "__aexit__", lock_aexit);
    finish(t.lock, "asyncio.locks");

    t.event = make_type("Event", nullptr, event_new, Subclassed<PyEvent>::dict_of, event_repr);
    method(t.event, "wait", event_wait);
    method(t.event, "set", event_set);
    method(t.event, "clear", event_clear);
    method(t.event, "is_set", event_is_set);
    finish(t.event, "asyncio.locks");

    t.semaphore = make_type("Semaphore", nullptr, semaphore_new, Subclassed<PySemaphore>::dict_of, semaphore_repr);
    method(t.semaphore, "acquire", semaphore_acquire);
    method(t.semaphore, "release", semaphore_release);
    method(t.semaphore, "locked", semaphore_locked);
    method(t.semaphore, "__aenter__", semaphore_aenter);
    method(t.semaphore, "__aexit__", semaphore_aexit);
    method(t.semaphore, "_get_value", semaphore_value);
    finish(t.semaphore, "asyncio.locks");
    t.bounded_semaphore = make_type("BoundedSemaphore", t.semaphore, semaphore_new,
                                    Subclassed<PySemaphore>::dict_of, semaphore_repr);
    finish(t.bounded_semaphore, "asyncio.locks");

    t.condition = make_type("Condition", nullptr, condition_new, Subclassed<PyCondition>::dict_of, condition_repr);
    method(t.condition, "wait", condition_wait);
    method(t.condition, "notify", condition_notify);
    method(t.condition, "notify_all", condition_notify_all);
    method(t.condition, "_get_lock", condition_lock);
    finish(t.condition, "asyncio.locks");

    t.barrier = make_type("Barrier", nullptr, barrier_new, Subclassed<PyBarrier>::dict_of, barrier_repr);
    method(t.barrier, "wait", barrier_wait);
    method(t.barrier, "reset", barrier_reset);
    method(t.barrier, "abort", barrier_abort);
    method(t.barrier, "__aenter__", barrier_aenter);
    method(t.barrier, "__aexit__", barrier_aexit);
    method(t.barrier, "_info", barrier_info);
    finish(t.barrier, "asyncio.locks");

    t.queue = make_type("Queue", nullptr, queue_new, Subclassed<PyQueue>::dict_of, queue_repr);
    t.queue->slots.init = queue_init;
    t.queue->slots.str = queue_str;
    method(t.queue, "get", queue_get)->await_now = queue_get_await_now;
    method(t.queue, "put", queue_put)->await_now = queue_put_await_now;
    method(t.queue, "join", queue_join);
    method(t.queue, "get_nowait", queue_get_nowait);
    method(t.queue, "put_nowait", queue_put_nowait);
    method(t.queue, "task_done", queue_task_done);
    method(t.queue, "qsize", queue_qsize);
    method(t.queue, "empty", queue_empty);
    method(t.queue, "full", queue_full);
    method(t.queue, "_get_maxsize", queue_maxsize);
    method(t.queue, "_info", queue_info);
    finish(t.queue, "asyncio.queues");
    t.priority_queue = make_type("PriorityQueue", t.queue, queue_new, Subclassed<PyQueue>::dict_of, queue_repr);
    finish(t.priority_queue, "asyncio.queues");
    t.lifo_queue = make_type("LifoQueue", t.queue, queue_new, Subclassed<PyQueue>::dict_of, queue_repr);
    finish(t.lifo_queue, "asyncio.queues");
}

}  // namespace corio::py
