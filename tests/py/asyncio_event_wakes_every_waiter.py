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


async def waiter(event, name):
    print(name, "waits")
    print(name, "woke with", await event.wait(), asyncio.get_running_loop().time())


async def main():
    event = asyncio.Event()
    show(event)
    tasks = [asyncio.create_task(waiter(event, n)) for n in "xyz"]
    await asyncio.sleep(1)
    show(event)
    event.set()
    show(event)
    await asyncio.gather(*tasks)
    print(await event.wait(), event.is_set())
    event.clear()
    print(event.is_set())
    try:
        await asyncio.wait_for(event.wait(), 0.5)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    show(event)
    t = asyncio.create_task(event.wait())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled waiter", t.cancelled())
    show(event)
    task = asyncio.create_task(event.wait())
    other = asyncio.create_task(waiter(event, "w"))
    await asyncio.sleep(0)
    show(other)
    event.set()
    print(await task)
    await other


asyncio.run(main())
