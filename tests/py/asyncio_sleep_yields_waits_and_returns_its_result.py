import asyncio


async def ticker(name, delay, n):
    for i in range(n):
        r = await asyncio.sleep(delay, result=i)
        print(name, r, asyncio.get_running_loop().time())


async def main():
    await asyncio.gather(ticker("zero", 0, 3), ticker("neg", -1, 2), ticker("half", 0.5, 2), ticker("int", 1, 1))
    print(await asyncio.sleep(0, "now"), await asyncio.sleep(0.25, ["later"]))
    try:
        await asyncio.sleep("1")
    except TypeError as e:
        print("TypeError:", e)
    t = asyncio.create_task(asyncio.sleep(10, "never"))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled at", asyncio.get_running_loop().time(), t.cancelled())
    s = asyncio.sleep(1)
    print(asyncio.iscoroutine(s), type(s).__name__)
    s.close()
    print(await asyncio.wait_for(asyncio.sleep(0.1, "in time"), 1))
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.5)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())


print(asyncio.run(asyncio.sleep(2, "run's result")))
asyncio.run(main())
