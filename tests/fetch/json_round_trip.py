# JSON both ways: a JSON response decoded with resp.json(), and a Python
# object sent with json= that the server echoes back. Real clock.
#
# Expected output, from aiohttp's documented behaviour (no aiohttp is
# installed here to produce it):
# - resp.content_type is the MIME type of Content-Type without parameters
#   (server.py sends "application/json; charset=utf-8"), and resp.headers
#   is case-insensitive: headers['content-type'] is the full value.
# - resp.json() decodes the body with json.loads (server.py's /json is
#   {"name": "corio", "items": [1, 2, 3], "ok": true}).
# - session.post(url, json=obj) sends json.dumps(obj) (the session's
#   json_serialize) with Content-Type: application/json.
# - resp.json() on a response whose Content-Type is not JSON raises
#   ContentTypeError, message "Attempt to decode JSON with unexpected
#   mimetype: " + the Content-Type (lowercased); content_type=None skips the
#   check. An empty body gives None.
import asyncio
import json
import sys

import aiohttp

BASE = f'http://127.0.0.1:{sys.argv[1]}'


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get(f'{BASE}/json') as resp:
            print(resp.status, resp.content_type, resp.charset)
            print(resp.headers['content-type'])
            data = await resp.json()
            print(data)
            assert data == {'name': 'corio', 'items': [1, 2, 3], 'ok': True}

        payload = {'title': 'corio', 'n': 3, 'tags': ['a', 'b'], 'nested': {'x': None, 'y': 1.5}}
        async with session.post(f'{BASE}/echo', json=payload) as resp:
            echo = await resp.json()
        sent = {name.lower(): value for name, value in echo['headers']}
        print(echo['method'], sent['content-type'])
        print(echo['body'])
        assert json.loads(echo['body']) == payload
        print('round trip equal:', json.loads(echo['body']) == payload)

        async with session.get(f'{BASE}/status/200') as resp:
            try:
                await resp.json()
            except aiohttp.ContentTypeError as e:
                print('ContentTypeError:', e.message)
                print('is a ClientResponseError:', isinstance(e, aiohttp.ClientResponseError))
            print(repr(await resp.text()))

        async with session.post(f'{BASE}/echo', data=b'') as resp:
            echo = await resp.json(content_type=None)
        print('empty body sent:', repr(echo['body']))


asyncio.run(main())
