import asyncio


def mask(text):
    """text with addresses as 0x? and paths as file names."""
    parts = text.split("0x")
    for i in range(1, len(parts)):
        parts[i] = "?" + parts[i].lstrip("0123456789abcdef")
    text = "0x".join(parts)
    if "running at " in text:
        head, tail = text.split("running at ", 1)
        text = head + "running at " + tail.split(" ")[0].rsplit("/", 1)[-1] + tail[len(tail.split(" ")[0]):]
    return text


def show(obj):
    print(mask(repr(obj)))


shared = asyncio.Queue()  # made before the loop that uses it


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, q.qsize(), asyncio.get_running_loop().time())
    await q.join()
    print("all done", asyncio.get_running_loop().time())


async def consumer(q, name):
    while True:
        item = await q.get()
        print(name, "got", item)
        await asyncio.sleep(0.1)
        q.task_done()


class Job:
    def __init__(self, name):
        self.name = name

    def __lt__(self, other):
        return self.name < other.name

    def __repr__(self):
        return f"Job({self.name!r})"


class Logged(asyncio.Queue):
    def _init(self, maxsize):
        print("init", maxsize)
        super()._init(maxsize)

    def _put(self, item):
        print("_put", item)
        super()._put(item)

    def _get(self):
        item = super()._get()
        print("_get", item)
        return item


class Named(asyncio.Queue):
    def __init__(self, name):
        super().__init__(2)
        self.name = name


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full())
    show(q)
    print(q)
    workers = [asyncio.create_task(consumer(q, n)) for n in "ab"]
    await producer(q, 5)
    show(workers[0])
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

    q.put_nowait("x")
    q.put_nowait("y")
    try:
        q.put_nowait("z")
    except asyncio.QueueFull:
        print("QueueFull", q.full())
    print(q)
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty", q.empty())
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    lifo = asyncio.LifoQueue()
    for i in range(3):
        lifo.put_nowait(i)
    print(lifo, [lifo.get_nowait() for _ in range(3)])

    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa"), (0, "z")]:
        await pq.put(item)
    print(pq)
    print([await pq.get() for _ in range(5)])
    jobs = asyncio.PriorityQueue()
    for n in "dbca":
        jobs.put_nowait(Job(n))
    print([jobs.get_nowait() for _ in range(4)])
    bad = asyncio.PriorityQueue()
    bad.put_nowait(1)
    try:
        bad.put_nowait("one")
    except TypeError as e:
        print("TypeError:", e)

    logged = Logged()
    await logged.put(1)
    logged.put_nowait(2)
    print(logged.qsize(), await logged.get(), logged)
    named = Named("n")
    print(named.name, named.maxsize, str(named))

    # a getter cancelled: the item goes to the next one
    getters = [asyncio.create_task(q.get()) for _ in range(3)]
    await asyncio.sleep(0)
    print(q)
    q.put_nowait("first")
    getters[0].cancel()
    await asyncio.sleep(0)
    print([g.cancelled() or g.result() if g.done() else "pending" for g in getters])
    q.put_nowait("second")
    await asyncio.sleep(0)
    print([g.cancelled() or g.result() for g in getters])

    try:
        await asyncio.wait_for(q.get(), 0.25)
    except asyncio.TimeoutError:
        print("get timed out", q, asyncio.get_running_loop().time())
    full = asyncio.Queue(1)
    await full.put(0)
    try:
        async with asyncio.timeout(0.5):
            await full.put(1)
    except TimeoutError:
        print("put timed out", full)
    print(await asyncio.wait_for(full.get(), 1))
    print(asyncio.Queue[int])
    await shared.put("shared")


asyncio.run(main())
asyncio.run(shared.get())
print(shared.qsize())
