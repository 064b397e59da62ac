# switch.py — the cost of a task switch: 100 tasks each loop N times over
# `await asyncio.sleep(0)`. ops = 100 * N switches. Twin of switch.cpp.
import asyncio
import sys
import time

TASKS = 100
switches = 0


async def worker(n):
    global switches
    for _ in range(n):
        await asyncio.sleep(0)
        switches += 1


async def bench(n):
    t0 = time.perf_counter_ns()
    await asyncio.gather(*(worker(n) for _ in range(TASKS)))
    t1 = time.perf_counter_ns()
    print(f"switch ops={TASKS * n} ns={t1 - t0} check={switches}")


asyncio.run(bench(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
