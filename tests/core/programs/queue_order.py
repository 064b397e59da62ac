# PriorityQueue pops the smallest item first, with heapq's (unstable) order
# for equal keys; LifoQueue pops the last item first (tests/core/queue_test.cpp).
import asyncio


class Job:
    def __init__(self, key, name):
        self.key = key
        self.name = name

    def __lt__(self, other):
        return self.key < other.key


async def main():
    pq = asyncio.PriorityQueue()
    for key, name in [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e"), (3, "f"),
                      (1, "g"), (2, "h"), (3, "i"), (1, "j"), (2, "k"), (3, "l")]:
        await pq.put(Job(key, name))
    print("heap:", " ".join(f"{j.key}{j.name}" for j in pq._queue))
    out = []
    while not pq.empty():
        job = await pq.get()
        out.append(f"{job.key}{job.name}")
    print("priority:", " ".join(out))

    lq = asyncio.LifoQueue()
    for i in range(5):
        lq.put_nowait(i)
    print("lifo:", [lq.get_nowait() for _ in range(5)])

    pq = asyncio.PriorityQueue(3)
    for item in (5, 2, 8):
        pq.put_nowait(item)
    print("full:", pq.full())

    async def consumer():
        while True:
            item = await pq.get()
            print("consumer got", item)
            if item == 0:
                return

    c = asyncio.create_task(consumer())
    for item in (4, 0, 1):
        await pq.put(item)
        print("main put", item)
    await c
    print("left:", sorted(pq._queue))


asyncio.run(main())
