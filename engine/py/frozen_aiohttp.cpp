// frozen_aiohttp.cpp — the Python half of `aiohttp` (mod_aiohttp.hpp): the
// client API tutorials use, written from aiohttp 3.9's documentation (not
// its source): ClientSession and its request methods (awaitable and async
// context managers), ClientResponse (status, reason, headers as a
// case-insensitive multidict, url, read/text/json, raise_for_status), the
// exception hierarchy with aiohttp's messages, ClientTimeout, TCPConnector's
// limit, BasicAuth, aiohttp.request, and small stand-ins for yarl.URL and
// multidict's CIMultiDict. Every request is one _fetch (mod_aiohttp.cpp): the
// whole body arrives with the response, so read()/text()/json() and
// resp.content never wait again.
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

__version__ = '3.9.5'

_DEFAULT_USER_AGENT = 'Python/3.11 aiohttp/' + __version__
_sentinel = object()


# ---------------------------------------------------------------- helpers

_HEX = '0123456789ABCDEF'
_UNRESERVED = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~')


def _quote(text, safe, plus=False):
    # Percent-encodes the UTF-8 bytes of every character outside the
    # unreserved set and `safe` (space as '+' when plus).
    out = []
    for ch in text:
        if ch in _UNRESERVED or ch in safe:
            out.append(ch)
        elif ch == ' ' and plus:
            out.append('+')
        else:
            for b in ch.encode('utf-8'):
                out.append('%' + _HEX[b >> 4] + _HEX[b & 15])
    return ''.join(out)


def _unquote(text, plus=False):
    if plus:
        text = text.replace('+', ' ')
    if '%' not in text:
        return text
    data = bytearray()
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '%' and _is_hex(text[i + 1:i + 3]):
            data.append(int(text[i + 1:i + 3], 16))
            i += 3
        else:
            data.extend(ch.encode('utf-8'))
            i += 1
    return data.decode('utf-8', 'replace')


def _is_hex(s):
    return len(s) == 2 and all(c in '0123456789abcdefABCDEF' for c in s)


def _requote(url):
    # Encodes what may not appear in a URL as such (spaces, non-ASCII),
    # leaving existing %XX escapes alone.
    out = []
    for ch in url:
        o = ord(ch)
        if 32 < o < 127 and ch not in '"<>\\^`{|}':
            out.append(ch)
        else:
            for b in ch.encode('utf-8'):
                out.append('%' + _HEX[b >> 4] + _HEX[b & 15])
    return ''.join(out)


def _query_value(v):
    if isinstance(v, bool):
        raise TypeError('Invalid variable type: value should be str, int or float, got '
                        f'{v!r} of type {type(v)}')
    if isinstance(v, str):
        return v
    if isinstance(v, (int, float)):
        return str(v)
    raise TypeError('Invalid variable type: value should be str, int or float, got '
                    f'{v!r} of type {type(v)}')


def _encode_query(params):
    # yarl's query encoding: space as '+', '?/:@' and a few sub-delimiters kept.
    if isinstance(params, str):
        return _quote(params, "?/:@!$'()*,=&+;%", False)
    if hasattr(params, 'items'):
        items = list(params.items())
    else:
        items = list(params)
    parts = []
    for k, v in items:
        if isinstance(v, (list, tuple)):
            for one in v:
                parts.append(_quote(str(k), "?/:@!$'()*,", True) + '=' +
                             _quote(_query_value(one), "?/:@!$'()*,", True))
        else:
            parts.append(_quote(str(k), "?/:@!$'()*,", True) + '=' +
                         _quote(_query_value(v), "?/:@!$'()*,", True))
    return '&'.join(parts)


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


# ---------------------------------------------------------------- yarl.URL

class URL:
    """A small stand-in for yarl.URL: parsing, str/repr, joining, queries."""

    __slots__ = ('_scheme', '_user', '_password', '_host', '_port', '_path',
                 '_query', '_fragment')

    def __init__(self, val='', *, encoded=False):
        if isinstance(val, URL):
            for name in URL.__slots__:
                setattr(self, name, getattr(val, name))
            return
        if not isinstance(val, str):
            raise TypeError('Constructor parameter should be str')
        if not encoded:
            val = _requote(val)
        rest = val
        self._fragment = ''
        if '#' in rest:
            rest, self._fragment = rest.split('#', 1)
        self._query = ''
        if '?' in rest:
            rest, self._query = rest.split('?', 1)
        self._scheme = ''
        colon = rest.find(':')
        if colon > 0 and rest[:colon].replace('+', '').replace('-', '').replace('.', '').isalnum() \
                and rest[0].isalpha():
            self._scheme = rest[:colon].lower()
            rest = rest[colon + 1:]
        self._user = None
        self._password = None
        self._host = None
        self._port = None
        if rest.startswith('//'):
            rest = rest[2:]
            slash = rest.find('/')
            netloc = rest if slash < 0 else rest[:slash]
            rest = '' if slash < 0 else rest[slash:]
            if '@' in netloc:
                userinfo, netloc = netloc.rsplit('@', 1)
                if ':' in userinfo:
                    self._user, self._password = userinfo.split(':', 1)
                else:
                    self._user = userinfo
            if netloc.startswith('['):
                end = netloc.find(']')
                self._host = netloc[1:end].lower()
                portpart = netloc[end + 1:]
            elif ':' in netloc:
                self._host, portpart = netloc.rsplit(':', 1)
                self._host = self._host.lower()
                portpart = ':' + portpart
            else:
                self._host = netloc.lower()
                portpart = ''
            if portpart.startswith(':') and portpart[1:]:
                if not portpart[1:].isdigit():
                    raise ValueError(f"Invalid URL: port can't be converted to integer")
                self._port = int(portpart[1:])
        self._path = rest

    # -- parts
    @property
    def scheme(self):
        return self._scheme

    @property
    def user(self):
        return self._user

    @property
    def password(self):
        return self._password

    @property
    def host(self):
        return self._host

    @property
    def raw_host(self):
        return self._host

    @property
    def explicit_port(self):
        return self._port

    @property
    def port(self):
        if self._port is not None:
            return self._port
        return {'http': 80, 'https': 443, 'ws': 80, 'wss': 443}.get(self._scheme)

    @property
    def path(self):
        if not self._path and self.is_absolute():
            return '/'
        return _unquote(self._path)

    @property
    def raw_path(self):
        if not self._path and self.is_absolute():
            return '/'
        return self._path

    @property
    def path_qs(self):
        return self.path + ('?' + self.query_string if self._query else '')

    @property
    def raw_path_qs(self):
        return self.raw_path + ('?' + self._query if self._query else '')

    @property
    def query_string(self):
        return _unquote(self._query, True)

    @property
    def raw_query_string(self):
        return self._query

    @property
    def query(self):
        md = MultiDict()
        if self._query:
            for part in self._query.split('&'):
                if not part:
                    continue
                k, _, v = part.partition('=')
                md.add(_unquote(k, True), _unquote(v, True))
        return MultiDictProxy(md)

    @property
    def fragment(self):
        return _unquote(self._fragment)

    @property
    def name(self):
        parts = self.path.split('/')
        return parts[-1]

    def is_absolute(self):
        return self._host is not None

    def is_default_port(self):
        return self._port is None or self._port == {'http': 80, 'https': 443}.get(self._scheme)

    def origin(self):
        u = URL(self)
        u._user = u._password = None
        u._path = ''
        u._query = ''
        u._fragment = ''
        return u

    def with_query(self, *args, **kwargs):
        query = args[0] if args else kwargs
        u = URL(self)
        u._query = '' if query is None else _encode_query(query)
        return u

    def update_query(self, *args, **kwargs):
        query = args[0] if args else kwargs
        u = URL(self)
        extra = _encode_query(query)
        if extra:
            u._query = (u._query + '&' + extra) if u._query else extra
        return u

    def with_fragment(self, fragment):
        u = URL(self)
        u._fragment = '' if fragment is None else _quote(fragment, "?/:@!$'()*,;=+&")
        return u

    def with_path(self, path):
        u = URL(self)
        u._path = _requote(path)
        u._query = ''
        u._fragment = ''
        return u

    def join(self, url):
        # RFC 3986 reference resolution, for the common shapes.
        if not isinstance(url, URL):
            raise TypeError('url should be URL')
        if url._scheme:
            return URL(url)
        u = URL(self)
        u._fragment = url._fragment
        if url._host is not None:
            u._user, u._password = url._user, url._password
            u._host, u._port = url._host, url._port
            u._path, u._query = url._path, url._query
            return u
        if not url._path:
            if url._query:
                u._query = url._query
            return u
        if url._path.startswith('/'):
            path = url._path
        else:
            base = self._path if self._path else '/'
            path = base[:base.rfind('/') + 1] + url._path
        segments = []
        for seg in path.split('/')[1:]:
            if seg == '..':
                if segments:
                    segments.pop()
            elif seg != '.':
                segments.append(seg)
        if path.endswith(('/.', '/..')):
            segments.append('')
        u._path = '/' + '/'.join(segments)
        u._query = url._query
        return u

    def __truediv__(self, name):
        u = URL(self)
        base = u._path.rstrip('/') if u._path else ''
        u._path = base + '/' + _quote(str(name), "!$'()*,;=:@")
        u._query = ''
        u._fragment = ''
        return u

    # -- text
    def __str__(self):
        out = ''
        if self._scheme:
            out += self._scheme + ':'
        if self._host is not None:
            out += '//'
            if self._user is not None:
                out += self._user
                if self._password is not None:
                    out += ':' + self._password
                out += '@'
            out += ('[' + self._host + ']') if ':' in self._host else self._host
            if self._port is not None and not self.is_default_port():
                out += ':' + str(self._port)
        out += self._path
        if self._query:
            out += '?' + self._query
        if self._fragment:
            out += '#' + self._fragment
        return out

    def human_repr(self):
        return _unquote(str(self))

    def __repr__(self):
        return f"URL('{self}')"

    def __eq__(self, other):
        if not isinstance(other, URL):
            return NotImplemented
        return self._norm() == other._norm()

    def __hash__(self):
        return hash(self._norm())

    def _norm(self):
        return (self._scheme, self._user, self._password, self._host, self.port,
                self.raw_path, self._query, self._fragment)

    def _without_fragment(self):
        u = URL(self)
        u._fragment = ''
        return u


# ---------------------------------------------------------------- multidict

class MultiDict:
    """multidict.MultiDict: ordered (key, value) pairs, keys may repeat;
    d[key] is the first value."""

    _ci = False

    def __init__(self, *args, **kwargs):
        self._items = []
        if len(args) > 1:
            raise TypeError(f'{type(self).__name__} takes at most 1 positional argument '
                            f'({len(args)} given)')
        self.extend(*args, **kwargs)

    def _key(self, key):
        if not isinstance(key, str):
            raise TypeError('MultiDict keys should be either str or subclasses of str')
        return key.lower() if self._ci else key

    def extend(self, *args, **kwargs):
        if args:
            arg = args[0]
            if isinstance(arg, MultiDict) or isinstance(arg, MultiDictProxy):
                pairs = list(arg.items())
            elif hasattr(arg, 'items'):
                pairs = list(arg.items())
            else:
                pairs = []
                for item in arg:
                    if len(item) != 2:
                        raise TypeError('MultiDict values should be key-value pairs')
                    pairs.append((item[0], item[1]))
            for k, v in pairs:
                self.add(k, v)
        for k, v in kwargs.items():
            self.add(k, v)

    def add(self, key, value):
        self._key(key)
        self._items.append((key, value))

    def getall(self, key, default=_sentinel):
        k = self._key(key)
        found = [v for (ik, v) in self._items if self._key(ik) == k]
        if found:
            return found
        if default is not _sentinel:
            return default
        raise KeyError(key)

    def getone(self, key, default=_sentinel):
        k = self._key(key)
        for ik, v in self._items:
            if self._key(ik) == k:
                return v
        if default is not _sentinel:
            return default
        raise KeyError(key)

    def get(self, key, default=None):
        return self.getone(key, default)

    def __getitem__(self, key):
        return self.getone(key)

    def __setitem__(self, key, value):
        k = self._key(key)
        for i, (ik, v) in enumerate(self._items):
            if self._key(ik) == k:
                self._items[i] = (key, value)
                self._items = self._items[:i + 1] + [
                    p for p in self._items[i + 1:] if self._key(p[0]) != k]
                return
        self._items.append((key, value))

    def __delitem__(self, key):
        k = self._key(key)
        kept = [p for p in self._items if self._key(p[0]) != k]
        if len(kept) == len(self._items):
            raise KeyError(key)
        self._items = kept

    def setdefault(self, key, default=None):
        k = self._key(key)
        for ik, v in self._items:
            if self._key(ik) == k:
                return v
        self._items.append((key, default))
        return default

    def pop(self, key, default=_sentinel):
        k = self._key(key)
        for i, (ik, v) in enumerate(self._items):
            if self._key(ik) == k:
                del self._items[i]
                return v
        if default is not _sentinel:
            return default
        raise KeyError(key)

    def popall(self, key, default=_sentinel):
        found = self.getall(key, default)
        k = self._key(key)
        self._items = [p for p in self._items if self._key(p[0]) != k]
        return found

    def update(self, *args, **kwargs):
        other = MultiDict(*args, **kwargs)
        for k, v in other.items():
            self[k] = v

    def clear(self):
        self._items = []

    def copy(self):
        return type(self)(self._items)

    def __contains__(self, key):
        if not isinstance(key, str):
            return False
        k = self._key(key)
        return any(self._key(ik) == k for ik, v in self._items)

    def __iter__(self):
        return iter([k for k, v in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [k for k, v in self._items]

    def values(self):
        return [v for k, v in self._items]

    def items(self):
        return list(self._items)

    def __eq__(self, other):
        if isinstance(other, (MultiDict, MultiDictProxy)):
            return self.items() == list(other.items())
        if hasattr(other, 'items'):
            return len(self) == len(other) and all(
                k in other and other[k] == v for k, v in self._items)
        return NotImplemented

    def __repr__(self):
        body = ', '.join(f"'{k}': {v!r}" for k, v in self._items)
        return f'<{type(self).__name__}({body})>'


class CIMultiDict(MultiDict):
    """multidict.CIMultiDict: keys compared case-insensitively, kept as written."""
    _ci = True


class MultiDictProxy:
    """A read-only view of a MultiDict."""

    def __init__(self, md):
        self._md = md

    def getall(self, key, default=_sentinel):
        return self._md.getall(key, default)

    def getone(self, key, default=_sentinel):
        return self._md.getone(key, default)

    def get(self, key, default=None):
        return self._md.get(key, default)

    def __getitem__(self, key):
        return self._md[key]

    def __contains__(self, key):
        return key in self._md

    def __iter__(self):
        return iter(self._md)

    def __len__(self):
        return len(self._md)

    def keys(self):
        return self._md.keys()

    def values(self):
        return self._md.values()

    def items(self):
        return self._md.items()

    def copy(self):
        return self._md.copy()

    def __eq__(self, other):
        return self._md == other

    def __repr__(self):
        body = ', '.join(f"'{k}': {v!r}" for k, v in self._md.items())
        return f'<{type(self).__name__}({body})>'


class CIMultiDictProxy(MultiDictProxy):
    pass


# ---------------------------------------------------------------- exceptions

class ClientError(Exception):
    """Base class for client errors."""


class ClientResponseError(ClientError):
    """An error in the response, or an error status (raise_for_status)."""

    def __init__(self, request_info, history, *, code=None, status=None, message='',
                 headers=None):
        self.request_info = request_info
        if status is None:
            status = code if code is not None else 0
        self.status = status
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    @property
    def code(self):
        return self.status

    def __str__(self):
        return '{}, message={!r}, url={!r}'.format(
            self.status, self.message, str(self.request_info.real_url))

    def __repr__(self):
        args = f'{self.request_info!r}, {self.history!r}'
        if self.status != 0:
            args += f', status={self.status!r}'
        if self.message != '':
            args += f', message={self.message!r}'
        if self.headers is not None:
            args += f', headers={self.headers!r}'
        return f'{type(self).__name__}({args})'


class ContentTypeError(ClientResponseError):
    """json() on a response whose Content-Type is not JSON."""


class WSServerHandshakeError(ClientResponseError):
    pass


class ClientHttpProxyError(ClientResponseError):
    pass


class TooManyRedirects(ClientResponseError):
    pass


class ClientConnectionError(ClientError):
    """Base class for connection errors."""


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    """The connection to the server could not be made."""

    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        return 'Cannot connect to host {0.host}:{0.port} ssl:{1} [{2}]'.format(
            self, 'default' if self.ssl is True else self.ssl, self._os_error.strerror)


class ClientProxyConnectionError(ClientConnectorError):
    pass


class ClientSSLError(ClientConnectorError):
    pass


class ClientConnectorCertificateError(ClientSSLError):
    pass


class ServerConnectionError(ClientConnectionError):
    pass


class ServerDisconnectedError(ServerConnectionError):
    def __init__(self, message=None):
        if message is None:
            message = 'Server disconnected'
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, _asyncio.TimeoutError):
    pass


class ClientPayloadError(ClientError):
    pass


class InvalidURL(ClientError, ValueError):
    def __init__(self, url, description=None):
        self._url = url
        self._description = description
        if description:
            super().__init__(url, description)
        else:
            super().__init__(url)

    @property
    def url(self):
        return self._url

    def __repr__(self):
        return f'<{type(self).__name__} {self}>'

    def __str__(self):
        if self._description:
            return f'{self._url} - {self._description}'
        return str(self._url)


class NonHttpUrlClientError(InvalidURL):
    pass


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
