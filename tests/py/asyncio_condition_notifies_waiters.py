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


items = []


async def consumer(cond, name):
    async with cond:
        print(name, "waits")
        await cond.wait_for(lambda: items)
        print(name, "takes", items.pop(0))


async def waiter(cond, name):
    async with cond:
        print(name, "waits")
        print(name, "notified", await cond.wait())


async def main():
    cond = asyncio.Condition()
    show(cond)
    tasks = [asyncio.create_task(waiter(cond, n)) for n in "abc"]
    await asyncio.sleep(0)
    show(cond)
    async with cond:
        cond.notify()
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    consumers = [asyncio.create_task(consumer(cond, n)) for n in "xy"]
    for i in range(2):
        await asyncio.sleep(0.1)
        async with cond:
            items.append(i)
            cond.notify()
    await asyncio.gather(*consumers)
    # cancelled while waiting: the lock is re-acquired before the error
    t = asyncio.create_task(waiter(cond, "z"))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print(t.cancelled(), cond.locked())


asyncio.run(main())
