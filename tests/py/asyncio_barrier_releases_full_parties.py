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


async def party(barrier, name, delay):
    await asyncio.sleep(delay)
    print(name, "arrives", barrier.n_waiting)
    index = await barrier.wait()
    print(name, "passes with index", index, asyncio.get_running_loop().time())


async def main():
    barrier = asyncio.Barrier(3)
    show(barrier)
    await asyncio.gather(*(party(barrier, n, d) for n, d in (("a", 0.3), ("b", 0.1), ("c", 0.2))))
    show(barrier)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    t = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    show(barrier)
    await barrier.abort()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError", type(e).__mro__[1].__name__)
    show(barrier)
    await barrier.reset()
    show(barrier)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


async def main2():
    b = asyncio.Barrier(2)
    async def one(n):
        async with b as pos:
            print(n, pos)
    await asyncio.gather(one("p"), one("q"))


asyncio.run(main2())
asyncio.run(main())
