# Errors reach the program as aiohttp's exceptions: an error status through
# raise_for_status(), a refused connection, a bad URL, misuse. Real clock.
# The server's port (argv[1]) and a port nobody listens on (argv[2]) are
# printed as PORT and REFUSED.
#
# Expected output, from aiohttp's documented behaviour (no aiohttp is
# installed here to produce it):
# - A 4xx/5xx status is a response, not an error: resp.status is the code,
#   resp.reason the server's reason phrase (server.py: Python's
#   http.server, "Internal Server Error", "Not Found"), resp.ok is False.
# - resp.raise_for_status() raises ClientResponseError with .status, and
#   .message = the reason; str(e) is "STATUS, message='REASON', url='URL'"
#   (the format of aiohttp PR #3960, "404, message='Not Found',
#   url='https://badexample.com'"). ClientResponseError is a ClientError.
# - ClientSession(raise_for_status=True) raises it for every error status.
# - A refused connection raises ClientConnectorError (a ClientOSError, hence
#   an OSError and a ClientConnectionError); str(e) is "Cannot connect to
#   host HOST:PORT ssl:default [STRERROR]", where STRERROR is the OSError
#   CPython's asyncio raises for a refused connect():
#   "Connect call failed ('127.0.0.1', PORT)", errno ECONNREFUSED (111 on
#   Linux).
# - A URL that is not http(s) raises InvalidURL (a ClientError and a
#   ValueError).
# - data= and json= together: ValueError("data and json parameters can not
#   be used at the same time"); a request on a closed session:
#   RuntimeError("Session is closed").
import asyncio
import sys

import aiohttp

PORT = sys.argv[1]
REFUSED = sys.argv[2]
BASE = f'http://127.0.0.1:{PORT}'


def show(text):
    print(str(text).replace(REFUSED, 'REFUSED').replace(PORT, 'PORT'))


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get(f'{BASE}/status/500') as resp:
            show(f'{resp.status} {resp.reason} ok={resp.ok}')
            try:
                resp.raise_for_status()
            except aiohttp.ClientResponseError as e:
                show(f'{type(e).__name__}: status={e.status} message={e.message!r}')
                show(e)
                show(f'is a ClientError: {isinstance(e, aiohttp.ClientError)}')

        resp = await session.get(f'{BASE}/status/404')
        show(f'{resp.status} {resp.reason} ok={resp.ok}')
        try:
            resp.raise_for_status()
        except aiohttp.ClientError as e:
            show(e)

        resp = await session.get(f'{BASE}/status/200')
        resp.raise_for_status()
        show(f'{resp.status} {resp.reason}: raise_for_status() passes')

        try:
            await session.get(f'http://127.0.0.1:{REFUSED}/json')
        except aiohttp.ClientConnectorError as e:
            show(type(e).__name__)
            show(e)
            show(f'host={e.host} port={e.port} errno={e.errno}')
            show(f'is a ClientConnectionError: {isinstance(e, aiohttp.ClientConnectionError)}')
            show(f'is an OSError: {isinstance(e, OSError)}')

        try:
            await session.get('ftp://127.0.0.1/file')
        except aiohttp.InvalidURL as e:
            show(f'InvalidURL, a ClientError: {isinstance(e, aiohttp.ClientError)}, '
                 f'a ValueError: {isinstance(e, ValueError)}')

        try:
            await session.post(f'{BASE}/echo', data=b'x', json={'x': 1})
        except ValueError as e:
            show(f'ValueError: {e}')

    async with aiohttp.ClientSession(raise_for_status=True) as strict:
        try:
            async with strict.get(f'{BASE}/status/503') as resp:
                show('not raised')
        except aiohttp.ClientResponseError as e:
            show(e)

    try:
        await session.get(f'{BASE}/json')
    except RuntimeError as e:
        show(f'RuntimeError: {e}')


asyncio.run(main())
