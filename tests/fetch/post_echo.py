# Request bodies, methods, headers and query parameters reach the server as
# aiohttp sends them (server.py's /echo returns what it received). Real
# clock.
#
# Expected output, from aiohttp's documented behaviour (client quickstart
# and reference; no aiohttp is installed here to produce it):
# - data=bytes is sent as is with Content-Type application/octet-stream;
#   data=str encoded in UTF-8 with "text/plain; charset=utf-8"; data=dict
#   form-encoded (urlencode: "a=1&b=x+y") with
#   application/x-www-form-urlencoded.
# - session.put/delete/patch/request(method, ...) send that method.
# - headers= are sent with the name as written; the session's headers= go
#   with every request; a request's own header of the same name wins.
# - params= are added to the URL's query, encoded (space as '+').
# - aiohttp sends Accept: */* and User-Agent "Python/3.x aiohttp/VERSION"
#   unless told otherwise.
# - `resp = await session.post(...)` works as well as `async with`.
import asyncio
import sys

import aiohttp

BASE = f'http://127.0.0.1:{sys.argv[1]}'


def header(echo, name):
    for n, v in echo['headers']:
        if n.lower() == name.lower():
            return n, v
    return None


async def main():
    async with aiohttp.ClientSession(headers={'X-Session': 'from-session'}) as session:
        resp = await session.post(f'{BASE}/echo', data=b'raw \x00 bytes')
        echo = await resp.json()
        print(echo['method'], header(echo, 'Content-Type'), repr(echo['body']))

        async with session.post(f'{BASE}/echo', data='text \u00e9t\u00e9') as resp:
            echo = await resp.json()
        print(echo['method'], header(echo, 'Content-Type'), echo['body'])

        async with session.post(f'{BASE}/echo', data={'a': '1', 'b': 'x y'}) as resp:
            echo = await resp.json()
        print(echo['method'], header(echo, 'Content-Type'), echo['body'])

        async with session.put(f'{BASE}/echo', data=b'put body') as resp:
            echo = await resp.json()
        print(echo['method'], echo['body'])

        async with session.delete(f'{BASE}/echo') as resp:
            echo = await resp.json()
        print(echo['method'], repr(echo['body']))

        async with session.patch(f'{BASE}/echo', data=b'patch') as resp:
            echo = await resp.json()
        print(echo['method'], echo['body'])

        async with session.request('OPTIONS', f'{BASE}/echo') as resp:
            echo = await resp.json()
        print(echo['method'])

        headers = {'X-Custom': 'yes', 'x-lower': 'kept as written', 'X-Session': 'overridden'}
        async with session.get(f'{BASE}/echo', headers=headers,
                               params={'q': 'a b', 'n': 2}) as resp:
            echo = await resp.json()
        print(echo['method'], echo['path'], echo['query'])
        print(header(echo, 'X-Custom'), header(echo, 'x-lower'), header(echo, 'X-Session'))
        print(header(echo, 'Accept'))
        print('User-Agent is aiohttp:', header(echo, 'User-Agent')[1].startswith('Python/3.11 aiohttp/'))

        async with session.get(f'{BASE}/echo') as resp:
            echo = await resp.json()
        print(header(echo, 'X-Session'))

        async with session.get(f'{BASE}/echo?x=1', params={'y': '2'}) as resp:
            echo = await resp.json()
        print(echo['query'])


asyncio.run(main())
