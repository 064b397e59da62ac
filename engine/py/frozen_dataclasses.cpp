// frozen_dataclasses.cpp — the `dataclasses` module in Python
// (frozen_modules.hpp), as CPython 3.11 behaves: @dataclass with init,
// repr, eq, order, unsafe_hash, frozen, match_args, kw_only and slots;
// field(), Field, fields(), asdict(), astuple(), replace(), is_dataclass(),
// InitVar, KW_ONLY, FrozenInstanceError, make_dataclass().
//
// __init__ is generated as source text and exec'd, as CPython does, so that
// its signature (and every binding error: "P.__init__() missing 1 required
// positional argument: 'x'") is the real one. The other methods are
// closures over the field names.
#include <string_view>

namespace corio::py {

std::string_view dataclasses_source() {
    static constexpr std::string_view kSource = R"PY(
import sys as _sys

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class _EmptyMapping:
    def __repr__(self):
        return 'mappingproxy({})'

    def __getitem__(self, key):
        raise KeyError(key)

    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())


_EMPTY_METADATA = _EmptyMapping()


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a_type):
    typing = _sys.modules.get('typing')
    if typing is None:
        return False
    return (a_type is typing.ClassVar
            or (isinstance(a_type, typing._GenericAlias) and a_type.__origin__ is typing.ClassVar))


def _is_string_kind(annotation, names):
    # A string annotation naming ClassVar / InitVar ("ClassVar[int]").
    head = annotation.strip().split('[', 1)[0].strip()
    return head in names


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if type(default).__name__ == 'member_descriptor':
            default = MISSING
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if isinstance(a_type, str):
        if _is_string_kind(a_type, ('ClassVar', 'typing.ClassVar')):
            f._field_type = _FIELD_CLASSVAR
        elif _is_string_kind(a_type, ('InitVar', 'dataclasses.InitVar')):
            f._field_type = _FIELD_INITVAR
    elif _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif a_type is InitVar or type(a_type) is InitVar:
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    if f._field_type is _FIELD and f.default is not MISSING and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field {f.name} is not allowed: use default_factory')
    return f


def _set_qualname(cls, value):
    if type(value).__name__ == 'function':
        value.__qualname__ = f'{cls.__qualname__}.{value.__name__}'
    return value


def _set_new_attribute(cls, name, value):
    # False if the class already defines `name` itself.
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _field_init_line(f, frozen, locals_, self_name):
    default_name = f'__dataclass_dflt_{f.name}__'
    if f.default_factory is not MISSING:
        locals_[f'__dataclass_factory_{f.name}__'] = f.default_factory
        if f.init:
            value = (f'__dataclass_factory_{f.name}__() '
                     f'if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}')
        else:
            value = f'__dataclass_factory_{f.name}__()'
    elif f.init:
        if f.default is not MISSING:
            locals_[default_name] = f.default
        value = f.name
    else:
        if f.default is MISSING:
            return None
        locals_[default_name] = f.default
        value = default_name
    if f._field_type is _FIELD_INITVAR:
        return None
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name},{f.name!r},{value})'
    return f'{self_name}.{f.name}={value}'


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        return f.name
    if f.default is not MISSING:
        return f'{f.name}=__dataclass_dflt_{f.name}__'
    return f'{f.name}=__dataclass_HAS_DEFAULT_FACTORY__'


def _make_init(cls, fields, std_fields, kw_only_fields, frozen, has_post_init, self_name, globals_):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    locals_ = {'__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
               '__dataclass_builtins_object__': object}
    body = []
    for f in fields:
        line = _field_init_line(f, frozen, locals_, self_name)
        if line:
            body.append(line)
    if has_post_init:
        params = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.{_POST_INIT_NAME}({params})')
    if not body:
        body = ['pass']
    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ['*'] + [_init_param(f) for f in kw_only_fields]
    names = ', '.join(locals_)
    text = (f'def __create_fn__({names}):\n'
            f' def __init__({", ".join(params)}):\n'
            + ''.join(f'  {line}\n' for line in body)
            + ' return __init__\n')
    ns = {}
    exec(text, globals_, ns)
    fn = ns['__create_fn__'](**locals_)
    fn.__qualname__ = f'{cls.__qualname__}.__init__'
    return fn


def _make_repr(cls, fields):
    names = [f.name for f in fields]
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            parts = ', '.join(f'{name}={getattr(self, name)!r}' for name in names)
            return f'{self.__class__.__qualname__}({parts})'
        finally:
            running.discard(key)
    return __repr__


def _tuple_of(fields):
    names = [f.name for f in fields]

    def values(obj):
        return tuple([getattr(obj, name) for name in names])
    return values


def _make_eq(fields):
    values = _tuple_of(fields)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented
    return __eq__


def _make_order(name, op, fields):
    values = _tuple_of(fields)

    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(values(self), values(other))
        return NotImplemented
    compare.__name__ = name
    return compare


def _make_hash(fields):
    values = _tuple_of(fields)

    def __hash__(self):
        return hash(values(self))
    return __hash__


def _frozen_methods(cls, fields):
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _type_text(t):
    # How inspect.signature prints an annotation.
    if isinstance(t, type) and type(t).__name__ != 'GenericAlias':
        if t.__module__ == 'builtins':
            return t.__qualname__
        return f'{t.__module__}.{t.__qualname__}'
    return repr(t).replace('typing.', '')


def _signature_text(cls, std_fields, kw_only_fields):
    def one(f):
        text = f'{f.name}: {_type_text(f.type)}'
        if f.default is not MISSING:
            text += f' = {f.default!r}'
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        return text
    parts = [one(f) for f in std_fields]
    if kw_only_fields:
        parts += ['*'] + [one(f) for f in kw_only_fields]
    return f'{cls.__name__}({", ".join(parts)})'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    has_dataclass_bases = False
    any_frozen_base = False
    all_frozen_bases = None
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            current_frozen = b.__dict__[_PARAMS].frozen
            all_frozen_bases = all_frozen_bases and current_frozen
            any_frozen_base = any_frozen_base or current_frozen

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_now = kw_only
    for name, a_type in cls_annotations.items():
        if a_type is KW_ONLY or (isinstance(a_type, str) and a_type.strip() in ('KW_ONLY', 'dataclasses.KW_ONLY')):
            kw_only_now = True
            continue
        cls_fields.append(_get_field(cls, name, a_type, kw_only_now))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.init and f.kw_only]

    module = _sys.modules.get(cls.__module__)
    globals_ = module.__dict__ if module is not None else {}

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, all_init_fields, std_init_fields, kw_only_init_fields,
                                      frozen, has_post_init, self_name, globals_))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(cls, [f for f in field_list if f.repr]))

    if eq:
        _set_new_attribute(cls, '__eq__', _make_eq([f for f in field_list if f.compare]))

    if order:
        cmp_fields = [f for f in field_list if f.compare]
        for name, op in (('__lt__', _lt), ('__le__', _le), ('__gt__', _gt), ('__ge__', _ge)):
            if _set_new_attribute(cls, name, _make_order(name, op, cmp_fields)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')

    if frozen:
        setter, deleter = _frozen_methods(cls, field_list)
        for name, fn in (('__setattr__', setter), ('__delattr__', deleter)):
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')

    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _set_qualname(cls, _make_hash(hash_fields))
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _set_qualname(cls, _make_hash(hash_fields))
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = _signature_text(cls, std_init_fields, kw_only_init_fields)
        except Exception:
            cls.__doc__ = ''

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))

    if slots:
        cls = _add_slots(cls, frozen)
    return cls


def _add_slots(cls, is_frozen):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    cls_dict['__slots__'] = field_names
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _copy_value(obj, dict_factory, inner):
    if _is_dataclass_instance(obj):
        return inner(obj, dict_factory)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_copy_value(v, dict_factory, inner) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_copy_value(v, dict_factory, inner) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_copy_value(k, dict_factory, inner), _copy_value(v, dict_factory, inner))
                         for k, v in obj.items())
    copier = getattr(obj, '__deepcopy__', None)
    if copier is not None:
        return copier({})
    return obj


def _asdict_inner(obj, dict_factory):
    result = []
    for f in fields(obj):
        result.append((f.name, _copy_value(getattr(obj, f.name), dict_factory, _asdict_inner)))
    return dict_factory(result)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj, tuple_factory):
    return tuple_factory([_copy_value(getattr(obj, f.name), tuple_factory, _astuple_inner)
                          for f in fields(obj)])


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True,
                   order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
                   slots=False, module=None):
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp
    ns = dict(namespace)
    ns.update(defaults)
    ns['__annotations__'] = annotations
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    ns['__module__'] = module
    cls = type(cls_name, bases, ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots)
)PY";
    return kSource;
}

}  // namespace corio::py
