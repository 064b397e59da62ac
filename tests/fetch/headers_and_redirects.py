# Response headers keep their order and case and are looked up without
# regard to case; redirects are followed; gzip bodies arrive decoded; HEAD
# has no body. Real clock.
#
# Expected output, from aiohttp's documented behaviour (no aiohttp is
# installed here to produce it):
# - resp.headers is a CIMultiDictProxy: items() in the order received,
#   names as sent (server.py's /headers: X-First, x-lower-case, X-Multi
#   twice); h['X-LOWER-CASE'] finds 'x-lower-case'; getall() gives every
#   value; `in` ignores case.
# - Redirects are followed by default (allow_redirects=True): resp.status
#   is the final one and resp.url the final URL; allow_redirects=False
#   returns the 302 itself, with its Location header.
# - The body is decompressed (auto_decompress=True); the Content-Encoding
#   header stays in resp.headers.
# - session.head() returns the headers and an empty body.
import asyncio
import sys

import aiohttp

PORT = sys.argv[1]
BASE = f'http://127.0.0.1:{PORT}'


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get(f'{BASE}/headers') as resp:
            print([(k, v) for k, v in resp.headers.items() if k.lower().startswith('x-')])
            print(resp.headers['X-LOWER-CASE'], resp.headers.getall('x-multi'),
                  'x-first' in resp.headers, resp.headers.get('X-Missing', 'default'))
            print(resp.headers['X-Multi'], len(resp.headers.getall('X-MULTI')))

        async with session.get(f'{BASE}/redirect', params={'to': '/json'}) as resp:
            print(resp.status, str(resp.url).replace(PORT, 'PORT'), (await resp.json())['name'])

        async with session.get(f'{BASE}/redirect?to=/json', allow_redirects=False) as resp:
            print(resp.status, resp.reason, resp.headers['Location'])

        async with session.get(f'{BASE}/gzip') as resp:
            text = await resp.text()
            print(resp.headers['Content-Encoding'], len(text), text == 'squeezed text ' * 20)

        async with session.head(f'{BASE}/json') as resp:
            print(resp.status, resp.content_type, await resp.read())

        async with session.get(f'{BASE}/json') as resp:
            print(str(resp.url).replace(PORT, 'PORT'), resp.url.path, resp.url.port == int(PORT))
            print(resp.request_info.method, str(resp.request_info.url).replace(PORT, 'PORT'))


asyncio.run(main())
