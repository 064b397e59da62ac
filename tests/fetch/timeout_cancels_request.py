# A timeout around a slow request cancels it, and cancelling really aborts
# the transfer: the server sees the connection closed (server.py logs a
# "closed" event for /delay when the client goes away before it answers).
# Four ways: asyncio.timeout, asyncio.wait_for, task.cancel(), and
# aiohttp's own ClientTimeout(total=...). Real clock; each must end within
# 1 s although the server would answer after 2 s.
#
# Expected output, from the documented behaviour (no aiohttp is installed
# here to produce it):
# - asyncio.timeout(0.1) / asyncio.wait_for(aw, 0.1): the awaited request is
#   cancelled at the deadline and the block raises TimeoutError (CPython
#   3.11 docs of asyncio.timeout and wait_for).
# - task.cancel() on a task awaiting the request: awaiting the task raises
#   CancelledError (asyncio docs, Task.cancel).
# - aiohttp ClientTimeout(total=0.1): "total: the maximal number of seconds
#   for the whole operation"; when it passes, aiohttp raises
#   asyncio.TimeoutError (aiohttp 3.9 client reference, "Timeouts"), which
#   is TimeoutError in Python 3.11.
import asyncio
import sys
import time

import aiohttp

BASE = f'http://127.0.0.1:{sys.argv[1]}'


def check_quick(what, start):
    elapsed = time.monotonic() - start
    print(f'timeout_cancels_request: {what} ended after {elapsed * 1000:.0f} ms', file=sys.stderr)
    assert elapsed < 1.0, (what, elapsed)


async def main():
    async with aiohttp.ClientSession() as session:
        start = time.monotonic()
        try:
            async with asyncio.timeout(0.1):
                async with session.get(f'{BASE}/delay?ms=2000') as resp:
                    print('unexpected response', resp.status)
        except TimeoutError as e:
            print('asyncio.timeout:', type(e).__name__)
        check_quick('asyncio.timeout', start)

        start = time.monotonic()
        try:
            await asyncio.wait_for(session.get(f'{BASE}/delay?ms=2001'), 0.1)
        except TimeoutError as e:
            print('wait_for:', type(e).__name__)
        check_quick('wait_for', start)

        async def get(url):
            async with session.get(url) as resp:
                return await resp.text()

        start = time.monotonic()
        task = asyncio.create_task(get(f'{BASE}/delay?ms=2002'))
        await asyncio.sleep(0.1)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError as e:
            print('task.cancel:', type(e).__name__, task.cancelled())
        check_quick('task.cancel', start)

        start = time.monotonic()
        try:
            await session.get(f'{BASE}/delay?ms=2003', timeout=aiohttp.ClientTimeout(total=0.1))
        except asyncio.TimeoutError as e:
            print('ClientTimeout(total=0.1):', type(e).__name__)
        check_quick('ClientTimeout', start)

        # The server noticed each connection go (it polls every 5 ms).
        await asyncio.sleep(0.3)
        async with session.get(f'{BASE}/log') as resp:
            events = await resp.json()
        closed = sorted(e['path'] for e in events if e['event'] == 'closed')
        for path in closed:
            print('server saw the connection closed:', path)
        # And no request reached its end: no one waited the 2 s.
        for e in events:
            if e['event'] == 'closed':
                assert e['after_ms'] < 1000, e


asyncio.run(main())
