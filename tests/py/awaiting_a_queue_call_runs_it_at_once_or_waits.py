# `await q.get()` / `await q.put(x)` run the operation where they are called
# when it need not wait, and wait as a coroutine otherwise; both behave as
# CPython's coroutines: results, hooks, shadowing, cancellation.
import asyncio


class Hooked(asyncio.Queue):
    def _put(self, item):
        print("hook put", item)
        super()._put(item * 10)

    def _get(self):
        item = super()._get()
        print("hook get", item)
        return item


async def waits_then_cancelled(q):
    await q.put("a")  # at once
    print("put a, full:", q.full())
    try:
        await q.put("b")  # waits: the queue is full
    except asyncio.CancelledError:
        print("put b cancelled; qsize", q.qsize())
        raise


async def main():
    q = asyncio.Queue(maxsize=2)
    r = await q.put(1)
    print("put returns", r)
    print("get returns", await q.get())
    total = 0
    for i in range(5):
        await q.put(i)
        total += await q.get()
    print("total", total)

    h = Hooked()
    await h.put(3)
    print("hooked got", await h.get())

    # An instance attribute hides the method, and a class change is seen.
    h.get = lambda: asyncio.sleep(0, "shadowed")
    print(await h.get())
    del h.get
    await h.put(4)
    print(await h.get())
    original = Hooked.get

    async def replaced(self):
        return "replaced"

    Hooked.get = replaced
    print(await h.get())
    Hooked.get = original
    await h.put(5)
    print(await h.get())

    # Waiting: a getter blocks until a producer puts.
    async def late_put():
        await asyncio.sleep(0.5)
        await q.put("late")

    t = asyncio.create_task(late_put())
    print("waited for", await q.get(), asyncio.get_running_loop().time())
    await t

    small = asyncio.Queue(maxsize=1)
    w = asyncio.create_task(waits_then_cancelled(small))
    await asyncio.sleep(0.1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("task cancelled; items", small.qsize(), await small.get())

    # A call without await still makes a coroutine (and a plain call of the
    # method runs nothing until it is awaited).
    c = q.put("later")
    print(type(c).__name__, q.qsize())
    await c
    print("after await", q.qsize(), await q.get())


asyncio.run(main())
