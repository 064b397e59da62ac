// mod_asyncio_prelude_sync.cpp — the Python parts of asyncio's
// synchronization primitives and queues, which the engine serves
// (mod_asyncio_sync.cpp): reprs, properties, Condition.wait_for, the queue
// hooks of subclasses; loaded after mod_asyncio_prelude.cpp's source, in the
// same module namespace.
#include "py/mod_asyncio.hpp"

namespace corio::py {

std::string_view asyncio_sync_prelude_source() {
    static constexpr std::string_view kSource = R"PRELUDE(
# Lock, Event, Semaphore, BoundedSemaphore, Condition, Barrier and the
# queues are the engine's (mod_asyncio_sync.cpp); here: what they have in
# Python in CPython 3.11 besides their waits.

_patch(Semaphore, '_value', property(Semaphore._get_value))


def _condition_delegate(name):
    def method(self, *args):
        return getattr(self._get_lock(), name)(*args)
    method.__name__ = name
    method.__qualname__ = 'Condition.' + name
    return method

for _name in ('acquire', 'release', 'locked', '__aenter__', '__aexit__'):
    _patch(Condition, _name, _condition_delegate(_name))
del _name


async def _condition_wait_for(self, predicate):
    result = predicate()
    while not result:
        await self.wait()
        result = predicate()
    return result

_condition_wait_for.__qualname__ = 'Condition.wait_for'
_patch(Condition, 'wait_for', _condition_wait_for)


_patch(Barrier, 'parties', property(lambda self: self._info()[1]))
_patch(Barrier, 'n_waiting', property(lambda self: self._info()[2]))
_patch(Barrier, 'broken', property(lambda self: self._info()[3]))


_patch(Queue, 'maxsize', property(Queue._get_maxsize))
_patch(Queue, '_maxsize', property(Queue._get_maxsize))
_patch(Queue, '_unfinished_tasks', property(lambda self: self._info()[3]))
_patch(Queue, '__class_getitem__', classmethod(type(list[int])))


# The storage hooks, called only for subclasses that override one of them
# (CPython's queues call them always; corio's own queues keep their items
# in the engine).
def _queue_init(self, maxsize):
    self._queue = []

def _fifo_get(self):
    return self._queue.pop(0)

def _queue_put(self, item):
    self._queue.append(item)

def _lifo_get(self):
    return self._queue.pop()

def _heap_siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem

def _heap_put(self, item):  # heapq.heappush
    self._queue.append(item)
    _heap_siftdown(self._queue, 0, len(self._queue) - 1)

def _heap_get(self):  # heapq.heappop
    heap = self._queue
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    endpos = len(heap)
    pos = 0
    newitem = heap[pos]
    childpos = 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _heap_siftdown(heap, 0, pos)
    return smallest

_patch(Queue, '_init', _queue_init)
_patch(Queue, '_put', _queue_put)
_patch(Queue, '_get', _fifo_get)
_patch(LifoQueue, '_get', _lifo_get)
_patch(PriorityQueue, '_put', _heap_put)
_patch(PriorityQueue, '_get', _heap_get)
)PRELUDE";
    return kSource;
}

}  // namespace corio::py
