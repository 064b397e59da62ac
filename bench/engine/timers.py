# timers.py — N timers (default 100,000): N tasks, gathered, each sleeping a
# distinct delay of 1..N nanoseconds in a scrambled order (task i sleeps
# (i * 7919) % N + 1 ns). Runs on stock asyncio and the real clock: all
# delays are below 0.1 ms, so the run never waits for time to pass and
# measures asyncio's own work (call_later, the heap of TimerHandles, the
# sleep future, the wake-up). ops = N timers; the checksum is the number of
# sleeps that ended. Twin of timers.cpp (run.py explains the choice).
import asyncio
import sys
import time

woken = 0


async def sleeper(delay_ns):
    global woken
    await asyncio.sleep(delay_ns * 1e-9)
    woken += 1


async def bench(n):
    t0 = time.perf_counter_ns()
    await asyncio.gather(*(sleeper((i * 7919) % n + 1) for i in range(n)))
    t1 = time.perf_counter_ns()
    print(f"timers ops={n} ns={t1 - t0} check={woken}")


asyncio.run(bench(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
