# Queue.join() waits until every item put was marked task_done(); the nowait
# methods raise QueueEmpty and QueueFull; task_done() once too often raises
# ValueError (tests/core/queue_test.cpp).
import asyncio


async def worker(name, q):
    while True:
        item = await q.get()
        if item < 0:
            q.task_done()
            print(f"{name} stops")
            return
        await asyncio.sleep(item / 10)
        print(f"{name} did {item}")
        q.task_done()


async def joiner(q):
    await q.join()
    print("joiner: all done")


async def main():
    q = asyncio.Queue()
    await q.join()
    print("join on a fresh queue returns at once")
    for item in (3, 1, 2, 2):
        q.put_nowait(item)
    print("qsize:", q.qsize(), "full:", q.full())
    j = asyncio.create_task(joiner(q))
    ws = [asyncio.create_task(worker(n, q)) for n in ("W1", "W2")]
    await q.join()
    print("main: join returned, qsize:", q.qsize())
    await j
    q.put_nowait(-1)
    q.put_nowait(-1)
    for w in ws:
        await w
    await q.join()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    small = asyncio.Queue(1)
    small.put_nowait("a")
    try:
        small.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull, full:", small.full())
    print("got", small.get_nowait(), "empty:", small.empty())


asyncio.run(main())
