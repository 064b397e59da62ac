// frozen_yarl.cpp — a small `yarl` (the URL library aiohttp builds on),
// written from its documentation: URL (parsing, parts, query as a
// MultiDictProxy, joining, with_* / update_query, str/repr) and the
// percent-quoting it uses, which aiohttp borrows for form bodies.
#include <string_view>

namespace corio::py {

std::string_view yarl_source() {
    static constexpr std::string_view kSource = R"PY(
from multidict import MultiDict, MultiDictProxy


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


__all__ = ('URL',)
)PY";
    return kSource;
}

}  // namespace corio::py
