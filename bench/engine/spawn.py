# spawn.py — spawning and completing N tasks (default 100,000) with gather:
# each task returns its index, the checksum is their sum. ops = N tasks.
# Twin of spawn.cpp.
import asyncio
import sys
import time


async def work(i):
    return i


async def bench(n):
    t0 = time.perf_counter_ns()
    results = await asyncio.gather(*(work(i) for i in range(n)))
    total = sum(results)
    t1 = time.perf_counter_ns()
    print(f"spawn ops={n} ns={t1 - t0} check={total}")


asyncio.run(bench(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
