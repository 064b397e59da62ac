# Under the virtual clock (corio run --clock=virtual), a fetch in flight
# keeps the clock still until it completes (DESIGN.md, "Clocks and hosts"):
# the server waits 200 ms of real time, time.monotonic() does not move.
# A timer due "during" the fetch fires after it, at its own virtual time.
#
# Expected output: the virtual clock starts at 0.0 (DESIGN.md); the
# response is server.py's ("waited 200 ms"); the sleeper's timer (0.05 s)
# cannot fire while the clock stands still, so the fetch finishes first, at
# 0.00, and the sleeper wakes at 0.05 once the loop is idle again. Three
# concurrent fetches leave the clock at 0.05 too.
import asyncio
import sys
import time

import aiohttp

BASE = f'http://127.0.0.1:{sys.argv[1]}'


async def sleeper():
    await asyncio.sleep(0.05)
    print(f'sleep(0.05) done at {time.monotonic():.2f}')


async def main():
    print(f'start at {time.monotonic():.2f}')
    async with aiohttp.ClientSession() as session:
        task = asyncio.create_task(sleeper())
        async with session.get(f'{BASE}/delay?ms=200') as resp:
            print(resp.status, await resp.text())
        print(f'fetch done at {time.monotonic():.2f}')
        await task
        before = time.monotonic()
        results = await asyncio.gather(*(session.get(f'{BASE}/delay?ms=100') for _ in range(3)))
        print([r.status for r in results], f'at {time.monotonic():.2f}')
        assert time.monotonic() == before
    print(f'end at {time.monotonic():.2f}')


asyncio.run(main())
