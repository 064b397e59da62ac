# asyncio.as_completed: take results in the order the work finishes, not
# in the order it was started (gather keeps the argument order instead).
import asyncio
import time


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} (took {delay}s)"


async def main():
    start = time.perf_counter()
    coros = [fetch("a", 3), fetch("b", 1), fetch("c", 2)]
    for next_done in asyncio.as_completed(coros):
        result = await next_done
        print(f"{time.perf_counter() - start:.1f}s: got {result}")


asyncio.run(main())
