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


async def worker(lock, name, hold):
    print(name, "wants the lock", lock.locked())
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(hold)
    print(name, "released")


async def main():
    lock = asyncio.Lock()
    show(lock)
    print(await lock.acquire(), lock.locked())
    show(lock)
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    tasks = [asyncio.create_task(worker(lock, n, 0.1)) for n in "abcd"]
    await asyncio.sleep(0.05)
    show(lock)
    tasks[2].cancel()  # c waits: its place goes to d
    await asyncio.gather(*tasks, return_exceptions=True)
    print([t.cancelled() for t in tasks])
    # a waiter cancelled after it was woken passes the lock on
    await lock.acquire()
    w1 = asyncio.create_task(lock.acquire())
    w2 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    w1.cancel()
    await asyncio.sleep(0)
    print(w1.cancelled(), w2.done(), lock.locked())
    show(lock)
    c = lock.acquire()
    print(asyncio.iscoroutine(c), mask(repr(c)))
    c.close()
    cond = asyncio.Condition(lock)
    print(cond.locked())


asyncio.run(main())
