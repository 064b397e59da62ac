// frozen_aiohttp.cpp — the Python half of `aiohttp` (mod_aiohttp.hpp): the
// client API tutorials use, written from aiohttp 3.9's documentation (not
// its source): ClientSession and its request methods (awaitable and async
// context managers), ClientTimeout, TCPConnector's limit, BasicAuth,
// aiohttp.request. Two more frozen sources are run into the same module
// before this one: the exceptions (frozen_aiohttp_exceptions.cpp) and the
// responses (frozen_aiohttp_response.cpp). URL and the multidicts come from
// the frozen `yarl` and `multidict` modules, as in the real package. Every
// request is one _fetch (mod_aiohttp.cpp): the whole body arrives with the
// response, so read()/text()/json() and resp.content never wait again.
//
// Not here: cookies (accepted, not kept), resp.history (always empty: the
// host follows redirects itself), ssl=False (certificates are always
// verified), the ClientTimeout fields other than total, streaming uploads,
// websockets, the server. asyncio.create_task(session.get(url)) needs
// asyncio to take the request object as a coroutine (CPython does, through
// collections.abc.Coroutine); wrap it in an async def meanwhile.
#include <string_view>

namespace corio::py {

std::string_view aiohttp_source() {
    static constexpr std::string_view kSource = R"PY(
import asyncio as _asyncio
import json as _json

from multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy
from yarl import URL, _quote, _unquote  # yarl's quoting serves aiohttp too

__version__ = '3.9.5'

_DEFAULT_USER_AGENT = 'Python/3.11 aiohttp/' + __version__
# The exceptions (frozen_aiohttp_exceptions.cpp) and the responses with
# _sentinel (frozen_aiohttp_response.cpp) were run into this module first.


# ---------------------------------------------------------------- helpers

def _urlencode_form(data):
    # urllib.parse.urlencode(data, doseq=True): quote_plus of keys and values.
    items = list(data.items()) if hasattr(data, 'items') else list(data)
    parts = []
    for k, v in items:
        if isinstance(v, (list, tuple)):
            for one in v:
                parts.append(_quote(str(k), '', True) + '=' + _quote(str(one), '', True))
        else:
            parts.append(_quote(str(k), '', True) + '=' + _quote(str(v), '', True))
    return '&'.join(parts)


def _decode_header(b):
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('latin-1')


_STATUS_REASONS = {
    100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created',
    202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
    205: 'Reset Content', 206: 'Partial Content', 300: 'Multiple Choices',
    301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
    307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
    401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
    405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout',
    409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
    413: 'Request Entity Too Large', 414: 'Request-URI Too Long',
    415: 'Unsupported Media Type', 418: "I'm a Teapot", 422: 'Unprocessable Entity',
    425: 'Too Early', 429: 'Too Many Requests', 500: 'Internal Server Error',
    501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
    504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
}




# ---------------------------------------------------------------- settings

class ClientTimeout:
    """Timeouts in seconds (None: none). Only `total` is enforced here: the
    whole request, in real time (also under the virtual clock); the others
    are accepted and kept."""

    __slots__ = ('total', 'connect', 'sock_read', 'sock_connect', 'ceil_threshold')

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None,
                 ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __repr__(self):
        return (f'ClientTimeout(total={self.total!r}, connect={self.connect!r}, '
                f'sock_read={self.sock_read!r}, sock_connect={self.sock_connect!r}, '
                f'ceil_threshold={self.ceil_threshold!r})')

    def __eq__(self, other):
        if not isinstance(other, ClientTimeout):
            return NotImplemented
        return (self.total, self.connect, self.sock_read, self.sock_connect,
                self.ceil_threshold) == (other.total, other.connect, other.sock_read,
                                         other.sock_connect, other.ceil_threshold)


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)


class BasicAuth:
    """HTTP basic authentication: BasicAuth(login, password='')."""

    def __init__(self, login, password='', encoding='latin1'):
        if login is None:
            raise ValueError('None is not allowed as login value')
        if password is None:
            raise ValueError('None is not allowed as password value')
        if ':' in login:
            raise ValueError('A ":" is not allowed in login (RFC 1945#section-11.1)')
        self.login = login
        self.password = password
        self.encoding = encoding

    def encode(self):
        raw = (self.login + ':' + self.password).encode(self.encoding)
        return 'Basic ' + _b64(raw)

    def __repr__(self):
        return f'BasicAuth(login={self.login!r}, password={self.password!r}, encoding={self.encoding!r})'

    def __eq__(self, other):
        return isinstance(other, BasicAuth) and (self.login, self.password, self.encoding) == (
            other.login, other.password, other.encoding)


_B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'


def _b64(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + bytes(3 - len(chunk)), 'big')
        quad = [_B64[(n >> s) & 63] for s in (18, 12, 6, 0)]
        if len(chunk) < 3:
            quad[len(chunk) + 1:] = ['='] * (3 - len(chunk))
        out.extend(quad)
    return ''.join(out)


class TCPConnector:
    """The connection pool's settings: `limit` bounds the requests a
    session runs at once (0: no bound); the rest is accepted."""

    def __init__(self, *, limit=100, limit_per_host=0, ssl=True, verify_ssl=True,
                 force_close=False, ttl_dns_cache=10, use_dns_cache=True, family=0,
                 keepalive_timeout=_sentinel, enable_cleanup_closed=False, loop=None, **kwargs):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self.ssl = ssl
        self.force_close = force_close
        self._closed = False
        self._sem = None

    @property
    def closed(self):
        return self._closed

    def _semaphore(self):
        if self.limit and self._sem is None:
            self._sem = _asyncio.Semaphore(self.limit)
        return self._sem

    async def close(self):
        self._closed = True


_ERRNO_TEXT = {
    110: 'Connection timed out', 111: 'Connection refused', 101: 'Network is unreachable',
    113: 'No route to host', 104: 'Connection reset by peer',
}


def _is_ipv4(host):
    parts = host.split('.')
    return len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts)


def _fetch_error(url, method, request_headers, kind, message, os_errno):
    if kind == 'connect':
        key = _ConnectionKey(url.host, url.port, url.scheme == 'https', True)
        if os_errno == 111 and url.host is not None and (_is_ipv4(url.host) or ':' in url.host):
            # What CPython's asyncio says of a refused connect() (sock_connect).
            address = (url.host, url.port) if _is_ipv4(url.host) else (url.host, url.port, 0, 0)
            strerror = f'Connect call failed {address}'
        elif os_errno in _ERRNO_TEXT:
            strerror = _ERRNO_TEXT[os_errno]
        else:
            strerror = message
        return ClientConnectorError(key, OSError(os_errno or None, strerror))
    if kind == 'timeout':
        return _asyncio.TimeoutError()
    if kind == 'invalid-url':
        return InvalidURL(url)
    if kind == 'redirects':
        info = RequestInfo(url, method, request_headers)
        return TooManyRedirects(info, (), message=message)
    return ClientConnectionError(message)


async def _send(session, method, url, headers, body, timeout, allow_redirects, max_redirects):
    # One request through the host (mod_aiohttp.cpp): the future completes
    # with the response tuple or an error tuple; cancelling it aborts.
    fut = _asyncio.get_running_loop().create_future()
    _fetch(fut, method, str(url), headers, body, timeout, allow_redirects, max_redirects)
    return await fut


class _RequestContextManager:
    """What session.get() and friends return: await it for the response,
    or use it with `async with` (the response is released on exit)."""

    __slots__ = ('_coro', '_resp')

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def send(self, arg):
        return self._coro.send(arg)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __iter__(self):
        return self.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


class ClientSession:
    """The client: one per application, as an async context manager."""

    def __init__(self, base_url=None, *, connector=None, loop=None, cookies=None, headers=None,
                 skip_auto_headers=None, auth=None, json_serialize=_json.dumps,
                 version=None, cookie_jar=None, connector_owner=True,
                 raise_for_status=False, read_timeout=_sentinel, conn_timeout=None,
                 timeout=_sentinel, auto_decompress=True, trust_env=False,
                 requote_redirect_url=True, trace_configs=None, read_bufsize=2 ** 16,
                 max_line_size=8190, max_field_size=8190, fallback_charset_resolver=None):
        if base_url is None or isinstance(base_url, URL):
            self._base_url = base_url
        else:
            self._base_url = URL(base_url)
        if self._base_url is not None and not self._base_url.is_absolute():
            raise ValueError('Only absolute URLs are supported')
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._default_headers = CIMultiDict(headers) if headers else CIMultiDict()
        self._skip_auto_headers = frozenset(h.lower() for h in (skip_auto_headers or ()))
        self._default_auth = auth
        self._json_serialize = json_serialize
        self._raise_for_status = raise_for_status
        if timeout is _sentinel or timeout is None:
            self._timeout = DEFAULT_TIMEOUT if timeout is _sentinel else ClientTimeout()
        elif isinstance(timeout, ClientTimeout):
            self._timeout = timeout
        else:
            self._timeout = ClientTimeout(total=timeout)
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return self._default_headers

    @property
    def auth(self):
        return self._default_auth

    @property
    def json_serialize(self):
        return self._json_serialize

    @property
    def raise_for_status(self):
        return self._raise_for_status

    async def close(self):
        if not self._closed:
            self._closed = True
            if self._connector_owner:
                await self._connector.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def _build_url(self, str_or_url):
        url = str_or_url if isinstance(str_or_url, URL) else URL(str_or_url)
        if self._base_url is None:
            return url
        if url.is_absolute():
            raise ValueError('URL should be relative when the session has a base_url')
        return self._base_url.join(url)

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(
            self._request('GET', url, allow_redirects=allow_redirects, **kwargs))

    def options(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(
            self._request('OPTIONS', url, allow_redirects=allow_redirects, **kwargs))

    def head(self, url, *, allow_redirects=False, **kwargs):
        return _RequestContextManager(
            self._request('HEAD', url, allow_redirects=allow_redirects, **kwargs))

    def post(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('POST', url, data=data, **kwargs))

    def put(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PUT', url, data=data, **kwargs))

    def patch(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PATCH', url, data=data, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request('DELETE', url, **kwargs))

    async def _request(self, method, str_or_url, *, params=None, data=None, json=None,
                       cookies=None, headers=None, skip_auto_headers=None, auth=None,
                       allow_redirects=True, max_redirects=10, compress=None, chunked=None,
                       expect100=False, raise_for_status=None, read_until_eof=True,
                       proxy=None, proxy_auth=None, timeout=_sentinel, verify_ssl=None,
                       fingerprint=None, ssl_context=None, ssl=True, server_hostname=None,
                       proxy_headers=None, trace_request_ctx=None, read_bufsize=None,
                       auto_decompress=None, max_line_size=None, max_field_size=None):
        if self._closed:
            raise RuntimeError('Session is closed')
        if data is not None and json is not None:
            raise ValueError('data and json parameters can not be used at the same time')
        method = method.upper()

        try:
            url = self._build_url(str_or_url)
        except ValueError as e:
            raise InvalidURL(str_or_url) from e
        if url.scheme not in ('http', 'https'):
            if url.scheme:
                raise NonHttpUrlClientError(url)
            raise InvalidURL(url)
        if not url.host:
            raise InvalidURL(url)
        if params:
            url = url.update_query(params)

        # The request's headers: the session's, then the call's, then the
        # automatic ones aiohttp adds when missing.
        all_headers = CIMultiDict(self._default_headers)
        if headers:
            for k, v in CIMultiDict(headers).items():
                all_headers[k] = v
        skip = self._skip_auto_headers | frozenset(
            h.lower() for h in (skip_auto_headers or ()))

        body = None
        if json is not None:
            body = self._json_serialize(json).encode('utf-8')
            if 'Content-Type' not in all_headers:
                all_headers['Content-Type'] = 'application/json'
        elif data is not None:
            if isinstance(data, (bytes, bytearray)):
                body = bytes(data)
                ctype = 'application/octet-stream'
            elif isinstance(data, str):
                body = data.encode('utf-8')
                ctype = 'text/plain; charset=utf-8'
            elif isinstance(data, (dict, list, tuple, MultiDict, MultiDictProxy)):
                body = _urlencode_form(data).encode('utf-8')
                ctype = 'application/x-www-form-urlencoded'
            else:
                raise TypeError(f'Unsupported data type: {type(data).__name__}')
            if 'Content-Type' not in all_headers and 'content-type' not in skip:
                all_headers['Content-Type'] = ctype
        if body is None and method in ('POST', 'PUT', 'PATCH'):
            body = b''

        auth = auth if auth is not None else self._default_auth
        if auth is None and url.user is not None:
            auth = BasicAuth(_unquote(url.user), _unquote(url.password or ''))
        if auth is not None:
            if not isinstance(auth, BasicAuth):
                raise TypeError('BasicAuth() tuple is required instead')
            all_headers['Authorization'] = auth.encode()

        for name, value in (('Accept', '*/*'), ('Accept-Encoding', 'gzip, deflate'),
                            ('User-Agent', _DEFAULT_USER_AGENT)):
            if name not in all_headers and name.lower() not in skip:
                all_headers[name] = value

        if timeout is _sentinel:
            real_timeout = self._timeout
        elif timeout is None:
            real_timeout = ClientTimeout()
        elif isinstance(timeout, ClientTimeout):
            real_timeout = timeout
        else:
            real_timeout = ClientTimeout(total=timeout)
        total = real_timeout.total

        request_headers = CIMultiDictProxy(all_headers)
        wire_headers = [(str(k), str(v)) for k, v in all_headers.items()]
        send_url = url._without_fragment()
        sem = self._connector._semaphore()
        if sem is not None:
            async with sem:
                result = await _send(self, method, send_url, wire_headers, body, total,
                                     allow_redirects, max_redirects)
        else:
            result = await _send(self, method, send_url, wire_headers, body, total,
                                 allow_redirects, max_redirects)

        if result[0] is None:
            raise _fetch_error(url, method, request_headers, result[1], result[2], result[3])
        status, reason, raw_headers, payload, final = result
        reason = _decode_header(reason) or _STATUS_REASONS.get(status, '')
        headers_list = [(_decode_header(k), _decode_header(v)) for k, v in raw_headers]
        final_url = URL(final, encoded=True)
        if final_url == send_url or final_url == URL(str(send_url) + '/', encoded=True):
            final_url = url
        resp = ClientResponse(method, url, request_headers, status, reason, headers_list,
                              payload, final_url)
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if check is True:
            resp.raise_for_status()
        elif check:
            await check(resp)
        return resp


class _SessionRequestContextManager:
    """aiohttp.request(): a session of its own, closed with the response."""

    def __init__(self, coro, session):
        self._coro = coro
        self._session = session
        self._resp = None

    def __await__(self):
        return self._await_and_close().__await__()

    async def _await_and_close(self):
        try:
            return await self._coro
        finally:
            await self._session.close()

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._session.close()


def request(method, url, *, params=None, data=None, json=None, headers=None,
            skip_auto_headers=None, auth=None, allow_redirects=True, max_redirects=10,
            compress=None, chunked=None, expect100=False, raise_for_status=None,
            read_until_eof=True, proxy=None, proxy_auth=None, timeout=_sentinel, cookies=None,
            version=None, connector=None, read_bufsize=None, loop=None, max_line_size=8190,
            max_field_size=8190):
    if timeout is _sentinel:
        timeout = DEFAULT_TIMEOUT
    session = ClientSession(cookies=cookies, version=version, timeout=timeout,
                            connector=connector)
    return _SessionRequestContextManager(
        session._request(method, url, params=params, data=data, json=json, headers=headers,
                         skip_auto_headers=skip_auto_headers, auth=auth,
                         allow_redirects=allow_redirects, max_redirects=max_redirects,
                         raise_for_status=raise_for_status, timeout=timeout),
        session)


__all__ = (
    'ClientSession', 'ClientResponse', 'ClientTimeout', 'TCPConnector', 'BasicAuth',
    'RequestInfo', 'request', 'ClientError', 'ClientResponseError', 'ContentTypeError',
    'TooManyRedirects', 'ClientConnectionError', 'ClientOSError', 'ClientConnectorError',
    'ClientProxyConnectionError', 'ClientSSLError', 'ClientConnectorCertificateError',
    'ServerConnectionError', 'ServerDisconnectedError', 'ServerTimeoutError',
    'ClientPayloadError', 'InvalidURL', 'NonHttpUrlClientError', 'WSServerHandshakeError',
    'ClientHttpProxyError', 'StreamReader', 'CIMultiDict', 'CIMultiDictProxy', 'MultiDict',
    'MultiDictProxy', 'URL',
)
)PY";
    return kSource;
}

}  // namespace corio::py
