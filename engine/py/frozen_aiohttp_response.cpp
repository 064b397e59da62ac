// frozen_aiohttp_response.cpp — what a request gives back in `aiohttp`:
// ClientResponse (status, reason, headers, url, read/text/json,
// raise_for_status), its body as a StreamReader (resp.content), RequestInfo,
// written from aiohttp 3.9's documentation. The whole body arrives with the
// response, so nothing here waits. Run into the `aiohttp` module after the
// exceptions and before the session (mod_aiohttp.cpp).
#include <string_view>

namespace corio::py {

std::string_view aiohttp_response_source() {
    static constexpr std::string_view kSource = R"PY(
import asyncio as _asyncio
import json as _json

from multidict import CIMultiDict, CIMultiDictProxy

_sentinel = object()


class RequestInfo:
    """What a response knows of its request: url, method, headers, real_url."""

    __slots__ = ('url', 'method', 'headers', 'real_url')

    def __init__(self, url, method, headers, real_url=_sentinel):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url if real_url is _sentinel else real_url

    def __repr__(self):
        return (f'RequestInfo(url={self.url!r}, method={self.method!r}, '
                f'headers={self.headers!r}, real_url={self.real_url!r})')


class _ConnectionKey:
    __slots__ = ('host', 'port', 'is_ssl', 'ssl')

    def __init__(self, host, port, is_ssl, ssl):
        self.host = host
        self.port = port
        self.is_ssl = is_ssl
        self.ssl = ssl

    def __repr__(self):
        return (f'ConnectionKey(host={self.host!r}, port={self.port!r}, '
                f'is_ssl={self.is_ssl!r}, ssl={self.ssl!r})')


# ---------------------------------------------------------------- responses

class StreamReader:
    """resp.content: the body, already received, read in pieces."""

    def __init__(self, data):
        self._data = data
        self._pos = 0

    def at_eof(self):
        return self._pos >= len(self._data)

    async def read(self, n=-1):
        if n is None or n < 0:
            chunk = self._data[self._pos:]
        else:
            chunk = self._data[self._pos:self._pos + n]
        self._pos += len(chunk)
        return chunk

    async def readany(self):
        return await self.read()

    async def readexactly(self, n):
        if len(self._data) - self._pos < n:
            partial = await self.read()
            raise _asyncio.IncompleteReadError(partial, n)
        return await self.read(n)

    async def readline(self):
        end = self._data[self._pos:].find(b'\n')
        end = len(self._data) if end < 0 else self._pos + end + 1
        chunk = self._data[self._pos:end]
        self._pos = end
        return chunk

    async def readchunk(self):
        chunk = await self.read()
        return (chunk, True)

    def iter_chunked(self, n):
        return _ChunkIterator(self, n)

    def iter_any(self):
        return _ChunkIterator(self, -1)

    def iter_chunks(self):
        return _ChunkIterator(self, -1, True)

    def __aiter__(self):
        return _ChunkIterator(self, 0)

    def __repr__(self):
        return f'<StreamReader {len(self._data) - self._pos} bytes eof>'


class _ChunkIterator:
    # n > 0: chunks of n bytes; -1: everything at once; 0: lines.
    def __init__(self, reader, n, pairs=False):
        self._reader = reader
        self._n = n
        self._pairs = pairs

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self._reader.at_eof():
            raise StopAsyncIteration
        if self._n == 0:
            chunk = await self._reader.readline()
        else:
            chunk = await self._reader.read(self._n)
        return (chunk, True) if self._pairs else chunk


class ClientResponse:
    """The response: status, reason, headers, url, and the body (read,
    text, json). All of it has arrived when the request returns."""

    def __init__(self, method, url, request_headers, status, reason, headers, body, final_url,
                 history=()):
        self.method = method
        self.status = status
        self.reason = reason
        self._headers = CIMultiDictProxy(CIMultiDict(headers))
        self._raw_headers = tuple((k.encode('utf-8', 'replace'), v.encode('utf-8', 'replace'))
                                  for k, v in headers)
        self._body = body
        self._url = final_url._without_fragment()
        self._real_url = final_url
        self._request_info = RequestInfo(url._without_fragment(), method, request_headers,
                                         final_url)
        self._history = tuple(history)
        self._closed = False
        self._released = False
        self.content = StreamReader(body)

    # -- attributes
    @property
    def url(self):
        return self._url

    @property
    def real_url(self):
        return self._real_url

    @property
    def host(self):
        return self._url.host

    @property
    def headers(self):
        return self._headers

    @property
    def raw_headers(self):
        return self._raw_headers

    @property
    def request_info(self):
        return self._request_info

    @property
    def history(self):
        return self._history

    @property
    def ok(self):
        return self.status < 400

    @property
    def closed(self):
        return self._closed

    @property
    def content_type(self):
        ctype = self._headers.get('Content-Type')
        if ctype is None:
            return 'application/octet-stream'
        return ctype.split(';', 1)[0].strip().lower()

    @property
    def charset(self):
        ctype = self._headers.get('Content-Type')
        if ctype is None:
            return None
        for param in ctype.split(';')[1:]:
            name, _, value = param.partition('=')
            if name.strip().lower() == 'charset':
                return value.strip().strip('"\'').lower() or None
        return None

    @property
    def content_length(self):
        value = self._headers.get('Content-Length')
        return int(value) if value is not None else None

    def get_encoding(self):
        charset = self.charset
        if charset:
            try:
                b''.decode(charset)
                return charset
            except LookupError:
                pass
        return 'utf-8'

    # -- body
    async def read(self):
        return self._body

    async def text(self, encoding=None, errors='strict'):
        if encoding is None:
            encoding = self.get_encoding()
        return self._body.decode(encoding, errors)

    async def json(self, *, encoding=None, loads=_json.loads, content_type='application/json'):
        if content_type:
            ctype = self._headers.get('Content-Type', '').lower()
            if not _is_expected_content_type(ctype, content_type):
                raise ContentTypeError(
                    self.request_info, self.history, status=self.status,
                    message='Attempt to decode JSON with unexpected mimetype: %s' % ctype,
                    headers=self.headers)
        if encoding is None:
            encoding = self.get_encoding()
        text = self._body.decode(encoding).strip()
        if not text:
            return None
        return loads(text)

    # -- life cycle
    def raise_for_status(self):
        if not self.ok:
            self.release()
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    def release(self):
        self._released = True
        self._closed = True

    def close(self):
        self._closed = True

    async def wait_for_close(self):
        self.release()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def __repr__(self):
        reason = self.reason.encode('ascii', 'backslashreplace').decode('ascii') \
            if self.reason else 'None'
        return f'<ClientResponse({self._url}) [{self.status} {reason}]>\n{self._headers!r}\n'


def _is_expected_content_type(response_content_type, expected_content_type):
    # application/json also accepts application/<anything>+json (RFC 6839).
    if expected_content_type == 'application/json':
        if not response_content_type.startswith('application/'):
            return False
        subtype = response_content_type[len('application/'):]
        if subtype.startswith('json'):
            return True
        plus = subtype.find('+')
        while plus > 0:
            if subtype[plus + 1:].startswith('json'):
                return all(c.isalnum() or c in '_.+-' for c in subtype[:plus])
            plus = subtype.find('+', plus + 1)
        return False
    return expected_content_type in response_content_type


# ---------------------------------------------------------------- requests

)PY";
    return kSource;
}

}  // namespace corio::py
