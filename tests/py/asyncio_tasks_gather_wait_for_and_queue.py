import asyncio

async def work(n):
    print("start", n)
    await asyncio.sleep(n)
    print("end", n)
    return n * 10

async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow cancelled")
        raise

async def consumer(q, name):
    while True:
        item = await q.get()
        print(name, "got", item, asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)
        q.task_done()

async def main():
    t = asyncio.create_task(work(2), name="worker")
    print(t.get_name(), t.done())
    r = await asyncio.gather(work(1), t, work(0))
    print(r, t.done(), t.result())
    try:
        await asyncio.wait_for(slow(), 1)
    except asyncio.TimeoutError as e:
        print("timeout", type(e).__name__)
    q = asyncio.Queue(maxsize=2)
    cs = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    for i in range(5):
        await q.put(i)
    await q.join()
    for c in cs:
        c.cancel()
    done, pending = await asyncio.wait(cs)
    print(len(done), len(pending), all(c.cancelled() for c in cs))
    lock = asyncio.Lock()
    async def locked(i):
        async with lock:
            print("lock", i)
            await asyncio.sleep(0)
    await asyncio.gather(*(locked(i) for i in range(3)))
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()))
    return "ok"

print(asyncio.run(main()))
