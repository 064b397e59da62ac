// frozen_enum.cpp — the `enum` module in Python (frozen_modules.hpp), with
// CPython 3.11's behaviour: Enum, IntEnum, StrEnum, Flag, IntFlag, auto,
// unique, the functional API, and the reprs, errors and lookups of 3.11.
//
// How it works: EnumType.__prepare__ gives the class body an _EnumDict that
// records the member names in order (rejecting duplicates, resolving
// auto()); EnumType.__new__ takes the members out of the namespace, creates
// the class, then one instance per member with the data type's __new__
// (object, int, str, ...); finally the class's __new__ becomes the lookup by
// value, so Color(1) finds Color.RED. Not supported: DeprecationWarnings
// (corio has no warnings module), the boundary options of Flag and
// pickling.
#include <string_view>

namespace corio::py {

std::string_view enum_source() {
    static constexpr std::string_view kSource = R"PY(
import sys as _sys

_builtin_property = property

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'member', 'nonmember', 'property']


def _is_descriptor(obj):
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    prefix = '_%s__' % cls_name.lstrip('_')
    return (len(name) > len(prefix) and name.startswith(prefix)
            and not (name.endswith('__') or name.endswith('_')))


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


class property:
    # A property of the members that is also how the class reaches a member
    # of the same name (Enum's `name` and `value`).
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or (fget.__doc__ if fget is not None else None)
        self.name = fget.__name__ if fget is not None else None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError('%r has no attribute %r' % (ownerclass, self.name)) from None
        if self.fget is None:
            raise AttributeError('<enum %r> member has no attribute %r' % (ownerclass.__name__, self.name))
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("<enum %r> cannot set attribute %r" % (type(instance).__name__, self.name))
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("<enum %r> cannot delete attribute %r" % (type(instance).__name__, self.name))
        self.fdel(instance)


class mappingproxy:
    # A read-only view of the member map (types.MappingProxyType).
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        object.__setattr__(self, '_mapping', mapping)

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        return self._mapping == other

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return dict(self._mapping)

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


_mappingproxy = mappingproxy
del mappingproxy


_SUNDER_ALLOWED = ('_order_', '_generate_next_value_', '_missing_', '_ignore_',
                   '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_',
                   '_numeric_repr_')


class _EnumDict(dict):
    # The namespace of an enum class body: tracks the member names.
    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if self._cls_name is not None and _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in _SUNDER_ALLOWED:
                raise ValueError('_sunder_ names, such as %r, are reserved for future Enum use' % (key,))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError('_generate_next_value_ must be defined before members')
                self._generate_next_value = value.__func__ if isinstance(value, staticmethod) else value
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError('_ignore_ cannot specify already set names: %r' % (already,))
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                    self._auto_called = True
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                resolved = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is _auto_null:
                            v.value = self._generate_next_value(
                                key, 1, len(self._member_names), self._last_values[:])
                            self._auto_called = True
                        v = v.value
                    resolved.append(v)
                value = tuple(resolved)
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)

    def update(self, members=(), **more):
        items = members.items() if hasattr(members, 'items') else members
        for key, value in items:
            self[key] = value
        for key, value in more.items():
            self[key] = value


def _generate_next_value_default(name, start, count, last_values):
    if not last_values:
        return start
    for last in reversed(last_values):
        try:
            return last + 1
        except TypeError:
            pass
    return start


class EnumType(type):
    """Metaclass for Enum"""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            enum_dict._generate_next_value = getattr(first_enum, '_generate_next_value_', None)
        if enum_dict._generate_next_value is None:
            enum_dict._generate_next_value = _generate_next_value_default
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if not isinstance(classdict, _EnumDict):
            ns = metacls.__prepare__(cls, bases)
            for key, value in classdict.items():
                ns[key] = value
            classdict = ns
        for key in classdict._ignore:
            if key in classdict:
                dict.__delitem__(classdict, key)
        if '_ignore_' in classdict:
            dict.__delitem__(classdict, '_ignore_')
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        new, save_new, use_args = metacls._find_new_(classdict, member_type, first_enum)
        member_names = list(classdict._member_names)
        invalid = set(member_names) & {'mro', ''}
        if invalid:
            raise ValueError('invalid enum member name(s) %s' % ','.join(repr(n) for n in invalid))
        members = {name: classdict[name] for name in member_names}
        for name in member_names:
            dict.__delitem__(classdict, name)
        ns = {}
        for key, value in dict.items(classdict):
            ns[key] = value
        ns['_new_member_'] = new
        ns['_use_args_'] = use_args
        ns['_member_names_'] = []
        ns['_member_map_'] = {}
        ns['_value2member_map_'] = {}
        ns['_unhashable_values_'] = []
        ns['_member_type_'] = member_type
        if '_value_repr_' not in ns:
            ns['_value_repr_'] = repr if member_type is object else member_type.__repr__
        order = ns.pop('_order_', None)
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        if first_enum is not None:
            # The data type comes before Enum in the MRO: keep Enum's methods.
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name not in ns:
                    found = getattr(enum_class, name)
                    if found in (getattr(member_type, name), getattr(object, name)):
                        type.__setattr__(enum_class, name, getattr(first_enum, name))
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type (i.e. int, str, float, etc.)')
            if '__format__' not in ns:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
            if '__str__' not in ns:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)
        for name, value in members.items():
            enum_class._add_member_(name, value)
        if Flag is not None and issubclass(enum_class, Flag):
            # An int data type comes before Flag in the MRO: keep Flag's operators.
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__', '__invert__'):
                if name not in ns:
                    type.__setattr__(enum_class, name, Flag.__dict__[name])
            enum_class._flag_mask_ = 0
            for m in enum_class._member_map_.values():
                enum_class._flag_mask_ |= m._value_
        if Enum is not None:
            if save_new:
                enum_class.__new_member__ = new
            type.__setattr__(enum_class, '__new__', Enum.__new__)
        if order is not None:
            if isinstance(order, str):
                order = order.replace(',', ' ').split()
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def _add_member_(cls, name, value):
        member_type = cls._member_type_
        if not isinstance(value, tuple):
            args = (value,)
        else:
            args = value
        if member_type is tuple:
            args = (args,)
        if not cls._use_args_:
            enum_member = cls._new_member_(cls)
        else:
            enum_member = cls._new_member_(cls, *args)
        if not hasattr(enum_member, '_value_'):
            if member_type is object or not cls._use_args_:
                enum_member._value_ = value
            else:
                enum_member._value_ = member_type(*args)
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(cls._member_names_)
        for canonical in cls._member_map_.values():
            if canonical._value_ == value:
                enum_member = canonical
                break
        else:
            if Flag is None or not issubclass(cls, Flag) or _is_single_bit(value):
                cls._member_names_.append(name)
        descriptor = None
        for base in cls.__mro__[1:]:
            if name in base.__dict__:
                descriptor = base.__dict__[name]
                break
        if not isinstance(descriptor, property):
            type.__setattr__(cls, name, enum_member)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = _sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                module = '__main__'
        classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return _mappingproxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError('<enum %r> cannot extend %r' % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        if not bases or Enum is None:
            return object, None
        mcls._check_for_existing_members_(class_name, bases)
        member_type = mcls._find_data_type_(class_name, bases) or object
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        return member_type, first_enum

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        data_types = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                elif isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        if base._member_type_ not in data_types:
                            data_types.append(base._member_type_)
                        break
                elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                    found = candidate or base
                    if found not in data_types:
                        data_types.append(found)
                    break
                else:
                    candidate = candidate or base
        if len(data_types) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, data_types))
        if data_types:
            return data_types[0]
        return None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        new = classdict.get('__new__', None)
        save_new = first_enum is not None and new is not None
        if new is None:
            for method in ('__new_member__', '__new__'):
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if target not in (None, None.__new__, object.__new__,
                                      Enum.__new__ if Enum is not None else None):
                        new = target
                        break
                if new is not None:
                    break
            else:
                new = object.__new__
        use_args = new is not object.__new__
        return new, save_new, use_args


EnumMeta = EnumType
Enum = None
ReprEnum = None
Flag = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and isinstance(result, int):
            return result
        ve_exc = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve_exc
        if exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve_exc
        raise exc

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        return _generate_next_value_default(name, start, count, last_values)

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        m = str.__new__(cls, value)
        m._value_ = value
        return m

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _is_single_bit(num):
    if not isinstance(num, int) or num <= 0:
        return False
    return num & (num - 1) == 0


def _bits(num):
    # The single bits of num, lowest first.
    out = []
    while num:
        b = num & (-num)
        out.append(b)
        num ^= b
    return out


class Flag(Enum):
    """Support for flags: members combine with | & ^ ~."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for v in last_values:
            if isinstance(v, int) and v > 0:
                high = max(high, v.bit_length())
        return 2 ** high

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mask = cls._flag_mask_
        if value < 0:
            value = value & mask if cls._member_type_ is object else value
        if cls._member_type_ is object and value & ~mask:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_flag_members(value)]
        extra = value & ~mask
        if names or not extra:
            pseudo._name_ = '|'.join(names) if names else None
        else:
            pseudo._name_ = None
        pseudo._extra_ = extra
        if extra and cls._member_type_ is not object:
            pseudo._name_ = '|'.join(names + [str(extra)]) if names else None
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_flag_members(cls, value):
        for bit in _bits(value):
            m = cls._value2member_map_.get(bit)
            if m is not None and m._name_ in cls._member_names_:
                yield m

    def __iter__(self):
        return iter(list(self.__class__._iter_flag_members(self._value_)))

    def __len__(self):
        return len(_bits(self._value_))

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def __or__(self, other):
        v = self._get_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._get_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._get_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ v)

    def __invert__(self):
        if self._member_type_ is object:
            return self.__class__(self._flag_mask_ & ~self._value_)
        return self.__class__(self._flag_mask_ & ~self._value_ if self._value_ >= 0 else ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags"""

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, int.__repr__(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, int.__repr__(self._value_))

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        pseudo = int.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_flag_members(value)]
        extra = value & ~cls._flag_mask_ if value >= 0 else 0
        if extra:
            names.append(str(extra))
        pseudo._name_ = '|'.join(names) if names else None
        return cls._value2member_map_.setdefault(value, pseudo)


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration

)PY";
    return kSource;
}

}  // namespace corio::py
