# as_completed yields results in completion order; with a timeout, the
# awaitables left raise TimeoutError (tests/core/combinators_test.cpp).
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("a", 3), ("b", 1), ("c", 2))]
    for aw in asyncio.as_completed(tasks):
        print(await aw, loop.time())
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("d", 0.5), ("e", 5), ("f", 0.25))]
    try:
        for aw in asyncio.as_completed(tasks, timeout=1):
            print(await aw, loop.time())
    except asyncio.TimeoutError:
        print("timeout at", loop.time())
    print("e done?", tasks[1].done())
    tasks[1].cancel()

asyncio.run(main())
