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


async def job(sem, i, running):
    async with sem:
        running.append(i)
        print("job", i, "starts; running", sorted(running), asyncio.get_running_loop().time())
        await asyncio.sleep(0.1 * (i % 3 + 1))
        running.remove(i)
    print("job", i, "done")


async def main():
    sem = asyncio.Semaphore(2)
    show(sem)
    running = []
    await asyncio.gather(*(job(sem, i, running) for i in range(6)))
    show(sem)
    print(sem._value, sem.locked())
    sem.release()
    print(sem._value)
    bounded = asyncio.BoundedSemaphore(1)
    print(await bounded.acquire(), bounded.locked())
    show(bounded)
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    zero = asyncio.Semaphore(0)
    t = asyncio.create_task(zero.acquire())
    await asyncio.sleep(0)
    show(zero)
    t.cancel()
    await asyncio.sleep(0)
    print(t.cancelled(), zero._value)
    print(isinstance(bounded, asyncio.Semaphore))


asyncio.run(main())
