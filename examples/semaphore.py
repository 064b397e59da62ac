# asyncio.Semaphore as a rate limiter: eight downloads, but at most three
# at a time; the others wait for a free slot.
import asyncio
import time

start = time.perf_counter()


def stamp():
    return f"{time.perf_counter() - start:4.1f}s"


async def download(n, slots):
    async with slots:
        print(f"{stamp()} download {n} starts")
        await asyncio.sleep(1 + n % 3 * 0.5)
        print(f"{stamp()} download {n} done")


async def main():
    slots = asyncio.Semaphore(3)
    await asyncio.gather(*(download(n, slots) for n in range(8)))
    print(f"{stamp()} all done")


asyncio.run(main())
