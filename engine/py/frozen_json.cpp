// frozen_json.cpp — the `json` module in Python (frozen_modules.hpp):
// dumps/dump (indent, sort_keys, separators, ensure_ascii, allow_nan,
// skipkeys, default, cls), loads/load (object_hook, object_pairs_hook,
// parse_float, parse_int, parse_constant, strict), JSONEncoder,
// JSONDecoder and JSONDecodeError.
//
// Output and error messages follow CPython 3.11 with its C accelerator,
// which is what python3 runs: the decoder reports the positions of the C
// scanner ("Invalid \escape: line 1 column 2 (char 1)" points at the
// backslash), the encoder writes floats with float.__repr__ and escapes
// as encode_basestring(_ascii).
#include <string_view>

namespace corio::py {

std::string_view json_source() {
    static constexpr std::string_view kSource = R"PY(
__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


JSONDecodeError.__module__ = 'json.decoder'


class _Stop(Exception):
    # No JSON value starts at `pos` (the scanner's StopIteration).
    def __init__(self, pos):
        self.pos = pos


_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, i):
    # The value of the 4 hex digits at s[i:i+4], or -1.
    v = 0
    for c in s[i:i + 4]:
        d = _HEX.find(c)
        if d < 0:
            return -1
        if d > 15:
            d -= 6
        v = v * 16 + d
    return v


def _scanstring(s, end, strict=True):
    # The string whose opening quote is at end - 1: (text, index after it).
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        i = end
        while i < n:
            c = s[i]
            if c == '"' or c == '\\':
                break
            if strict and c <= '\x1f':
                raise JSONDecodeError('Invalid control character at', s, i)
            i += 1
        if i >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if i > end:
            chunks.append(s[end:i])
        if s[i] == '"':
            return ''.join(chunks), i + 1
        i += 1
        if i >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[i]
        if esc != 'u':
            ch = _ESCAPES.get(esc)
            if ch is None:
                raise JSONDecodeError('Invalid \\escape', s, i - 1)
            chunks.append(ch)
            end = i + 1
            continue
        end = i + 5
        if end >= n:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, i)
        uni = _hex4(s, i + 1)
        if uni < 0:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, i)
        if 0xd800 <= uni <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            uni2 = _hex4(s, end + 2)
            if uni2 < 0:
                raise JSONDecodeError('Invalid \\uXXXX escape', s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        chunks.append(chr(uni))


class _Scanner:
    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}

    def scan(self, s, idx):
        try:
            return self.scan_once(s, idx)
        finally:
            self.memo.clear()

    def scan_once(self, s, idx):
        n = len(s)
        if idx >= n:
            raise _Stop(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self.parse_object(s, idx + 1)
        if c == '[':
            return self.parse_array(s, idx + 1)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        return self.parse_number(s, idx)

    def parse_number(self, s, start):
        n = len(s)
        i = start
        if s[i] == '-':
            i += 1
            if i >= n:
                raise _Stop(start)
        c = s[i]
        if '1' <= c <= '9':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        elif c == '0':
            i += 1
        else:
            raise _Stop(start)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i + 1 < n and (s[i] == 'e' or s[i] == 'E'):
            e_start = i
            i += 1
            if i + 1 < n and (s[i] == '-' or s[i] == '+'):
                i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
            if s[i - 1] in _DIGITS:
                is_float = True
            else:
                i = e_start
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def parse_object(self, s, idx):
        n = len(s)
        pairs = []
        idx = _skip_ws(s, idx)
        if idx >= n or s[idx] != '}':
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError('Expecting property name enclosed in double quotes', s, idx)
                key, idx = _scanstring(s, idx + 1, self.strict)
                key = self.memo.setdefault(key, key)
                idx = _skip_ws(s, idx)
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1)
                value, idx = self.scan_once(s, idx)
                pairs.append((key, value))
                idx = _skip_ws(s, idx)
                if idx < n and s[idx] == '}':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), idx + 1
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, idx + 1

    def parse_array(self, s, idx):
        n = len(s)
        values = []
        idx = _skip_ws(s, idx)
        if idx >= n or s[idx] != ']':
            while True:
                value, idx = self.scan_once(s, idx)
                values.append(value)
                idx = _skip_ws(s, idx)
                if idx < n and s[idx] == ']':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1)
        return values, idx + 1


_CONSTANTS = {'-Infinity': float('-inf'), 'Infinity': float('inf'), 'NaN': float('nan')}


class JSONDecoder:
    """Simple JSON <https://json.org> decoder."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self)

    def decode(self, s):
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            obj, end = self.scan_once.scan(s, idx)
        except _Stop as err:
            raise JSONDecodeError('Expecting value', s, err.pos) from None
        return obj, end


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``s`` (a ``str``, ``bytes`` or ``bytearray`` instance
    containing a JSON document) to a Python object."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    elif isinstance(s, (bytes, bytearray)):
        s = s.decode('utf-8')
    else:
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


_SHORT_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f',
                  '\n': '\\n', '\r': '\\r', '\t': '\\t'}


def encode_basestring(s):
    """Return a JSON representation of a Python string"""
    if s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = ['"']
    for c in s:
        e = _SHORT_ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif c < ' ':
            out.append('\\u%04x' % ord(c))
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = ['"']
    for c in s:
        if ' ' <= c <= '~' and c != '"' and c != '\\':
            out.append(c)
            continue
        e = _SHORT_ESCAPES.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x10000:
            out.append('\\u%04x' % n)
        else:
            n -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff)))
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    """Extensible JSON <https://json.org> encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        chunks = []
        _Encoding(self, chunks).encode(o, 0)
        return iter(chunks)


class _Encoding:
    # One run of JSONEncoder.iterencode: appends the text to `out`.
    def __init__(self, encoder, out):
        self.encoder = encoder
        self.out = out
        self.markers = {} if encoder.check_circular else None
        self.string = encode_basestring_ascii if encoder.ensure_ascii else encode_basestring
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent

    def float_text(self, o):
        if o != o:
            text = 'NaN'
        elif o == float('inf'):
            text = 'Infinity'
        elif o == float('-inf'):
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.encoder.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def enter(self, o):
        if self.markers is not None:
            key = id(o)
            if key in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[key] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def encode(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(self.string(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.float_text(o))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            self.enter(o)
            self.encode(self.encoder.default(o), level)
            self.leave(o)

    def newline(self, level):
        return '\n' + self.indent * level

    def encode_list(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        self.enter(lst)
        out.append('[')
        if self.indent is not None:
            level += 1
            separator = self.encoder.item_separator + self.newline(level)
            out.append(self.newline(level))
        else:
            separator = self.encoder.item_separator
        first = True
        for value in lst:
            if not first:
                out.append(separator)
            first = False
            self.encode(value, level)
        if self.indent is not None:
            level -= 1
            out.append(self.newline(level))
        out.append(']')
        self.leave(lst)

    def key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.float_text(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.encoder.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')

    def encode_dict(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        self.enter(dct)
        out.append('{')
        if self.indent is not None:
            level += 1
            separator = self.encoder.item_separator + self.newline(level)
            out.append(self.newline(level))
        else:
            separator = self.encoder.item_separator
        items = sorted(dct.items()) if self.encoder.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self.key_text(key)
            if key is None:
                continue
            if not first:
                out.append(separator)
            first = False
            out.append(self.string(key))
            out.append(self.encoder.key_separator)
            self.encode(value, level)
        if self.indent is not None:
            level -= 1
            out.append(self.newline(level))
        out.append('}')
        self.leave(dct)


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Serialize ``obj`` to a JSON formatted ``str``."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None
            and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
         cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp``."""
    if cls is None:
        cls = JSONEncoder
    encoder = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
                  allow_nan=allow_nan, indent=indent, separators=separators, default=default,
                  sort_keys=sort_keys, **kw)
    for chunk in encoder.iterencode(obj):
        fp.write(chunk)
)PY";
    return kSource;
}

}  // namespace corio::py
