# Queue getters and putters cancelled while waiting, or woken and then
# cancelled before they ran (the wake-up passes to the next in line), and a
# getter woken whose item was taken before it ran (it waits again)
# (tests/core/queue_test.cpp).
import asyncio


async def getter(name, q):
    print(f"{name} gets")
    try:
        item = await q.get()
    except asyncio.CancelledError:
        print(f"{name} cancelled (qsize={q.qsize()})")
        raise
    print(f"{name} got {item}")


async def putter(name, q, item):
    print(f"{name} puts {item}")
    try:
        await q.put(item)
    except asyncio.CancelledError:
        print(f"{name} cancelled (qsize={q.qsize()})")
        raise
    print(f"{name} put {item}")


async def finish(tasks):
    for task in tasks:
        try:
            await task
        except asyncio.CancelledError:
            print("main: a task was cancelled")


async def main():
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(n, q)) for n in ("G1", "G2", "G3", "G4")]
    await asyncio.sleep(0)
    gs[0].cancel()
    await asyncio.sleep(0)
    q.put_nowait("a")
    q.put_nowait("b")
    gs[1].cancel()
    await finish(gs)
    print("qsize:", q.qsize())

    g5 = asyncio.create_task(getter("G5", q))
    await asyncio.sleep(0)
    q.put_nowait("c")
    print("main steals", q.get_nowait())
    await asyncio.sleep(0)
    q.put_nowait("d")
    await finish([g5])

    q = asyncio.Queue(1)
    q.put_nowait(0)
    ps = [asyncio.create_task(putter(n, q, i)) for i, n in enumerate(("P1", "P2", "P3", "P4"), 1)]
    await asyncio.sleep(0)
    ps[0].cancel()
    await asyncio.sleep(0)
    print("main got", q.get_nowait())
    ps[1].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main got", q.get_nowait())
    await finish(ps)
    print("qsize:", q.qsize(), "last:", q.get_nowait())


asyncio.run(main())
