// frozen_multidict.cpp — a small `multidict` (the library aiohttp and yarl
// build on), written from its documentation: MultiDict and CIMultiDict
// (ordered pairs, repeatable keys; CI: case-insensitive str keys), and their
// read-only proxies. Enough for aiohttp's headers and yarl's query.
#include <string_view>

namespace corio::py {

std::string_view multidict_source() {
    static constexpr std::string_view kSource = R"PY(
_sentinel = object()


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


__all__ = ('MultiDict', 'CIMultiDict', 'MultiDictProxy', 'CIMultiDictProxy')
)PY";
    return kSource;
}

}  // namespace corio::py
