# sleepers.py — N tasks (default 100,000) under one gather, each sleeping a
# random delay (random.Random(1).uniform(0, 10) s), run under the virtual
# clock: nearly every deadline is distinct, so the loop makes one iteration
# per sleeper, jumping the clock to the next deadline each time. The clock
# inside is virtual, so run.py times the process from outside and subtracts
# a run with N = 0. Prints "sleepers ops=N virtual=T check=C": the virtual
# time at the end and the number of sleeps that ended (CPython's figures).
import asyncio
import random
import sys

woken = 0


async def sleeper(delay):
    global woken
    await asyncio.sleep(delay)
    woken += 1


async def main(n):
    rng = random.Random(1)
    await asyncio.gather(*(sleeper(rng.uniform(0, 10)) for _ in range(n)))
    print(f"sleepers ops={n} virtual={asyncio.get_running_loop().time():.6f} check={woken}")


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
