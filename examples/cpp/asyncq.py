#!/usr/bin/env python3
# asyncq.py (Real Python): producers/consumers around an asyncio.Queue.
# The random values of the original (random.seed(444): item counts, sleeps,
# items) are fixed here, per producer and per consumer, to the values that
# seed gives, so that the C++ twin (asyncq.cpp) can use the same ones.
# A consumer cycles through its delays.

import asyncio
import time

NPROD, NCON = 5, 10
ITEMS = {
    0: ["45dbb7f2b6", "3e1ef5bf0e", "f62b8573e3", "3e8c5bfd43"],
    1: [],
    2: ["6776df5ecd", "3115758aaa", "52483c3a3d", "795505fda0"],
    3: ["88dbbdde01", "6f483eb1bc", "847e2ccb14", "02a0e1679d"],
    4: ["c667e88327", "f4fcf85560", "86b0b33cb9", "1381e9a14f",
        "08b0db8672", "99394c95bb", "ec15356613", "2a9bc881d1"],
}
PRODUCER_DELAYS = {
    0: [4, 10, 3, 6],
    1: [],
    2: [7, 10, 10, 10],
    3: [4, 1, 9, 5],
    4: [10, 5, 4, 2, 5, 4, 1, 4],
}
CONSUMER_DELAYS = {
    0: [7, 5, 1, 1],
    1: [8, 10],
    2: [4, 0, 3],
    3: [7, 2],
    4: [1, 1, 0, 6, 3, 3],
    5: [6, 10],
    6: [9, 6],
    7: [3, 5, 10],
    8: [9, 0, 4, 0],
    9: [7, 8],
}


async def makeitem(name: int, k: int) -> str:
    return ITEMS[name][k]


async def randsleep(i: int, caller=None) -> None:
    if caller:
        print(f"{caller} sleeping for {i} seconds.")
    await asyncio.sleep(i)


async def produce(name: int, q: asyncio.Queue) -> None:
    for k in range(len(ITEMS[name])):
        await randsleep(PRODUCER_DELAYS[name][k], caller=f"Producer {name}")
        i = await makeitem(name, k)
        t = time.perf_counter()
        await q.put((i, t))
        print(f"Producer {name} added <{i}> to queue.")


async def consume(name: int, q: asyncio.Queue) -> None:
    delays = CONSUMER_DELAYS[name]
    k = 0
    while True:
        await randsleep(delays[k % len(delays)], caller=f"Consumer {name}")
        k += 1
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
    start = time.perf_counter()
    asyncio.run(main(NPROD, NCON))
    elapsed = time.perf_counter() - start
    print(f"Program completed in {elapsed:0.5f} seconds.")
