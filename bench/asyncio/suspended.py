# suspended.py — N tasks suspended at once, each awaiting one Event: the
# memory a suspended task costs is the growth of peak RSS per task (the
# runner compares N and 0). Prints "suspended ops=N ns=T check=N".
import asyncio
import sys
import time


async def waiter(event):
    await event.wait()


async def main(n):
    t0 = time.perf_counter_ns()
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event)) for _ in range(n)]
    await asyncio.sleep(0)  # every task runs to its await
    event.set()
    await asyncio.gather(*tasks)
    print(f"suspended ops={n} ns={time.perf_counter_ns() - t0} check={len(tasks)}")


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
