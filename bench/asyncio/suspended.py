# suspended.py — N tasks suspended at once, each awaiting one Event. Two
# ways to run it (the runner compares N with 0, per task):
#   suspended.py N          the whole run: the tasks suspend, the event is
#                           set, gather(*tasks) waits for them; prints
#                           "suspended ops=N ns=T check=N" (peak memory of
#                           the run: the tasks plus gather's bookkeeping)
#   suspended.py N --hold   stops once every task is suspended: prints
#                           "suspended" (flushed) and blocks in time.sleep,
#                           so that the runner reads the process's memory
#                           then (the memory of a suspended task) and kills it
import asyncio
import sys
import time


async def waiter(event):
    await event.wait()


async def main(n, hold):
    t0 = time.perf_counter_ns()
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event)) for _ in range(n)]
    await asyncio.sleep(0)  # every task runs to its await
    if hold:
        print("suspended", flush=True)
        time.sleep(600)
    event.set()
    await asyncio.gather(*tasks)
    print(f"suspended ops={n} ns={time.perf_counter_ns() - t0} check={len(tasks)}")


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, "--hold" in sys.argv[2:]))
