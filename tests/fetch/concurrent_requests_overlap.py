# Ten requests that each wait 200 ms on the server, run at once with
# asyncio.gather, must overlap: the brief asks for all ten within 800 ms,
# measured here with time.monotonic() under the real clock (corio run
# --clock=real). The elapsed time goes to stderr (for the report).
#
# Expected output, from aiohttp's documented behaviour (no aiohttp is
# installed here to produce it):
# - `async with session.get(url) as resp` gives the response; resp.status
#   is the HTTP status (200) and `await resp.text()` the body decoded with
#   the charset of its Content-Type (server.py: "waited 200 ms", utf-8).
# - asyncio.gather returns the results in the order of its arguments.
import asyncio
import sys
import time

import aiohttp

BASE = f'http://127.0.0.1:{sys.argv[1]}'


async def fetch(session, i):
    async with session.get(f'{BASE}/delay', params={'ms': 200, 'i': i}) as resp:
        return i, resp.status, await resp.text()


async def main():
    async with aiohttp.ClientSession() as session:
        start = time.monotonic()
        results = await asyncio.gather(*(fetch(session, i) for i in range(10)))
        elapsed = time.monotonic() - start
    print(f'concurrent_requests_overlap: 10 x 200 ms in {elapsed * 1000:.0f} ms', file=sys.stderr)
    for i, status, text in results:
        print(i, status, text)
    # Each request waits 200 ms on the server: overlapping, the ten take a
    # little more than 200 ms; one after the other they would take 2 s.
    assert elapsed >= 0.2, elapsed
    assert elapsed < 0.8, elapsed
    print('ten 200 ms requests overlapped')


asyncio.run(main())
