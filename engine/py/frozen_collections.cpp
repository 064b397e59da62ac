// frozen_collections.cpp — `collections` in Python (frozen_modules.hpp):
// deque, defaultdict, Counter, namedtuple and OrderedDict with CPython
// 3.11's behaviour and reprs. deque keeps a list (O(n) at the left end):
// enough for teaching programs; a C++ deque is the next step if it shows.
#include <string_view>

namespace corio::py {

std::string_view collections_source() {
    static constexpr std::string_view kSource = R"PY(
import sys as _sys

class deque:
    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError("maxlen must be non-negative")
        self._items = []
        self.maxlen = maxlen
        self.extend(iterable)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        return self._items.index(x, *args)

    def remove(self, value):
        self._items.remove(value)

    def reverse(self):
        self._items.reverse()

    def copy(self):
        return deque(self._items, self.maxlen)

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return f"deque({self._items!r})"
        return f"deque({self._items!r}, maxlen={self.maxlen})"

class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def __getitem__(self, key):
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            return self.__missing__(key)

    def copy(self):
        return defaultdict(self.default_factory, self)

    def __repr__(self):
        factory = getattr(self.default_factory, "__qualname__", repr(self.default_factory)) \
            if self.default_factory is not None else "None"
        if self.default_factory is not None and not isinstance(self.default_factory, type):
            factory = repr(self.default_factory)
        elif self.default_factory is not None:
            factory = f"<class '{self.default_factory.__qualname__}'>"
        return f"defaultdict({factory}, {dict.__repr__(self)})"

class Counter(dict):
    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def __getitem__(self, key):
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = count + self[elem]
            else:
                for elem in iterable:
                    self[elem] = self[elem] + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] - count
            else:
                for elem in iterable:
                    self[elem] = self[elem] - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    def __repr__(self):
        if not self:
            return f"{type(self).__name__}()"
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common())
        return f"{type(self).__name__}({{{items}}})"

    def __add__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            items = list(self.items())
            self.clear()
            self[key] = value
            for k, v in items:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self.keys()))) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return f"{type(self).__name__}()"
        return f"{type(self).__name__}({list(self.items())!r})"

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    num_fields = len(field_names)
    defaults = tuple(defaults) if defaults is not None else ()

    def __new__(cls, *args, **kwargs):
        values = list(args)
        if len(values) > num_fields:
            raise TypeError(f"{typename}.__new__() takes {num_fields + 1} positional arguments but {len(values) + 1} were given")
        for name in field_names[len(values):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif num_fields - len(values) <= len(defaults):
                values.append(defaults[len(defaults) - (num_fields - len(values))])
            else:
                missing = [n for n in field_names[len(values):] if n not in kwargs]
                raise TypeError(f"{typename}.__new__() missing {len(missing)} required positional argument{'s' if len(missing) > 1 else ''}: " + ", ".join(repr(m) for m in missing))
        if kwargs:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument {next(iter(kwargs))!r}")
        return tuple.__new__(cls, values)

    def __repr__(self):
        return typename + "(" + ", ".join(f"{n}={v!r}" for n, v in zip(field_names, self)) + ")"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def _replace(self, **kwds):
        return type(self)(*[kwds.pop(n, v) for n, v in zip(field_names, self)])

    @classmethod
    def _make(cls, iterable):
        return tuple.__new__(cls, list(iterable))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        '__doc__': f"{typename}({', '.join(field_names)})",
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': dict(zip(field_names[num_fields - len(defaults):], defaults)),
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        namespace[name] = property(lambda self, i=index: self[i], doc=f"Alias for field number {index}")
    result = type(typename, (tuple,), namespace)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    result.__module__ = module
    return result
)PY";
    return kSource;
}

}  // namespace corio::py
