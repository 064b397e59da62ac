# queue_pipe.py — N items (default 1,000,000) through an
# asyncio.Queue(maxsize=100) from one producer task to one consumer task.
# ops = N items; the checksum is the sum of the items. Twin of
# queue_pipe.cpp. (Not named queue.py: that would shadow the stdlib module
# asyncio imports.)
import asyncio
import sys
import time

MAXSIZE = 100


async def producer(q, n):
    for i in range(n):
        await q.put(i)


async def consumer(q, n):
    total = 0
    for _ in range(n):
        total += await q.get()
    return total


async def bench(n):
    t0 = time.perf_counter_ns()
    q = asyncio.Queue(maxsize=MAXSIZE)
    _, total = await asyncio.gather(producer(q, n), consumer(q, n))
    t1 = time.perf_counter_ns()
    print(f"queue ops={n} ns={t1 - t0} check={total}")


asyncio.run(bench(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
