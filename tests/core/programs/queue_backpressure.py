# A bounded Queue(maxsize=2): a fast producer blocks on put() until the slow
# consumer makes room (as shared/conformance/cases/aio_queue_backpressure.py,
# without gather) (tests/core/queue_test.cpp).
import asyncio


async def producer(q, n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        print(f"[{loop.time():4.1f}] producer: putting {i} (qsize={q.qsize()}, full={q.full()})")
        await q.put(i)
        print(f"[{loop.time():4.1f}] producer: put {i} done")
    await q.put(-1)
    print(f"[{loop.time():4.1f}] producer: finished")


async def consumer(q):
    loop = asyncio.get_running_loop()
    total = 0
    while True:
        item = await q.get()
        if item == -1:
            break
        print(f"[{loop.time():4.1f}] consumer: got {item}")
        total += item
        await asyncio.sleep(1)
    print(f"[{loop.time():4.1f}] consumer: total {total}")
    return total


async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize:", q.maxsize, "empty:", q.empty())
    p = asyncio.create_task(producer(q, 5))
    c = asyncio.create_task(consumer(q))
    await p
    total = await c
    print("total:", total, "empty:", q.empty())


asyncio.run(main())
