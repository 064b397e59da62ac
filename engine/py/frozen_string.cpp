// frozen_string.cpp — the `string` module in Python (frozen_modules.hpp):
// CPython 3.11's constants, capwords() and Template ($name, ${name}, $$)
// with its KeyError / "Invalid placeholder" errors. Template scans the text
// by hand: corio has no `re` module, and the pattern is a plain one.
#include <string_view>

namespace corio::py {

std::string_view string_source() {
    static constexpr std::string_view kSource = R"PY(
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_ID_START = frozenset('_' + ascii_letters)
_ID_REST = frozenset('_' + ascii_letters + digits)


def _identifier_end(text, i):
    # The end of the ASCII identifier starting at i (i itself: none).
    if i >= len(text) or text[i] not in _ID_START:
        return i
    i += 1
    while i < len(text) and text[i] in _ID_REST:
        i += 1
    return i


class Template:
    """A string class for supporting $-substitutions."""
    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # Yields (start, end, kind, name) for each placeholder; kind is
        # 'escaped', 'named' or 'invalid' (name None for the last two). An
        # invalid placeholder is the empty text after its delimiter.
        text = self.template
        delim = self.delimiter
        i = text.find(delim)
        while i >= 0:
            j = i + len(delim)
            if text.startswith(delim, j):
                yield i, j + len(delim), 'escaped', None
                i = text.find(delim, j + len(delim))
                continue
            end = _identifier_end(text, j)
            if end > j:
                yield i, end, 'named', text[j:end]
                i = text.find(delim, end)
                continue
            if j < len(text) and text[j] == '{':
                end = _identifier_end(text, j + 1)
                if end > j + 1 and end < len(text) and text[end] == '}':
                    yield i, end + 1, 'named', text[j + 1:end]
                    i = text.find(delim, end + 1)
                    continue
            yield j, j, 'invalid', None
            i = text.find(delim, j)

    def _invalid(self, start):
        lines = self.template[:start].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = start - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        pos = 0
        for start, end, kind, name in self._scan():
            out.append(self.template[pos:start])
            pos = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'named':
                if safe:
                    try:
                        out.append(str(mapping[name]))
                    except KeyError:
                        out.append(self.template[start:end])
                else:
                    out.append(str(mapping[name]))
            elif not safe:
                self._invalid(start)
        out.append(self.template[pos:])
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        for _, _, kind, _ in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, _, kind, name in self._scan():
            if kind == 'named' and name not in ids:
                ids.append(name)
            elif kind == 'invalid':
                self._invalid(start)
        return ids


class _ChainMap:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Formatter:
    """str.format() as a class: format() / vformat() call get_value and
    format_field, which subclasses may override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
)PY";
    return kSource;
}

}  // namespace corio::py
