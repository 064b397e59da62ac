#!/usr/bin/env python3
# asyncq.py (Real Python "Async IO in Python: A Complete Walkthrough"):
# producers and consumers around an asyncio.Queue. random.seed(444) is the
# original's; os.urandom (never the same twice) is replaced by
# random.randbytes, and argparse by constants, so every run prints the same
# (examples/cpp/asyncq.py fixes these very values).

import asyncio
import itertools as it
import random
import time


async def makeitem(size: int = 5) -> str:
    return random.randbytes(size).hex()


async def randsleep(caller=None) -> None:
    i = random.randint(0, 10)
    if caller:
        print(f"{caller} sleeping for {i} seconds.")
    await asyncio.sleep(i)


async def produce(name: int, q: asyncio.Queue) -> None:
    n = random.randint(0, 10)
    for _ in it.repeat(None, n):  # Synchronous loop for each single producer
        await randsleep(caller=f"Producer {name}")
        i = await makeitem()
        t = time.perf_counter()
        await q.put((i, t))
        print(f"Producer {name} added <{i}> to queue.")


async def consume(name: int, q: asyncio.Queue) -> None:
    while True:
        await randsleep(caller=f"Consumer {name}")
        i, t = await q.get()
        now = time.perf_counter()
        print(f"Consumer {name} got element <{i}>"
              f" in {now-t:0.5f} seconds.")
        q.task_done()


async def main(nprod: int, ncon: int):
    q = asyncio.Queue()
    producers = [asyncio.create_task(produce(n, q)) for n in range(nprod)]
    consumers = [asyncio.create_task(consume(n, q)) for n in range(ncon)]
    await asyncio.gather(*producers)
    await q.join()  # Implicitly awaits consumers, too
    for c in consumers:
        c.cancel()


if __name__ == "__main__":
    random.seed(444)
    nprod, ncon = 5, 10  # the original's defaults for -p/--nprod, -c/--ncon
    start = time.perf_counter()
    asyncio.run(main(nprod, ncon))
    elapsed = time.perf_counter() - start
    print(f"Program completed in {elapsed:0.5f} seconds.")
