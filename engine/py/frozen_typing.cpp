// frozen_typing.cpp — the `typing` module in Python (frozen_modules.hpp).
// Annotations are only stored, never checked, so what matters is that the
// names import, subscript and print as CPython 3.11's do (typing.List[int],
// typing.Optional[str], ~T), that Generic[T] and NamedTuple work as bases,
// and that the unsubscripted aliases answer isinstance(). The abstract
// collections (Iterable, Awaitable, ...) are checked by duck typing: corio
// has no collections.abc.
#include <string_view>

namespace corio::py {

std::string_view typing_source() {
    static constexpr std::string_view kSource = R"PY(
import collections as _collections
import sys as _sys

TYPE_CHECKING = False
_NoneType = type(None)
_UnionType = type(int | str)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _type_check(arg, msg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _caller_module(depth=2):
    try:
        return _sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return '__main__'


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class _Final:
    __slots__ = ()


class _Typeform(_Final):
    # What every typing object shares: `X | Y` and hashing by identity.
    __slots__ = ()

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')


class _SpecialForm(_Typeform):
    __slots__ = ('_name', '_getitem', '__doc__')

    def __init__(self, getitem, name=None):
        self._getitem = getitem
        self._name = name or getitem.__name__

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')


def _not_subscriptable(self, parameters):
    raise TypeError(f'{self} is not subscriptable')


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""


NoReturn = _SpecialForm(_not_subscriptable, 'NoReturn')
Never = _SpecialForm(_not_subscriptable, 'Never')
Self = _SpecialForm(_not_subscriptable, 'Self')
LiteralString = _SpecialForm(_not_subscriptable, 'LiteralString')
TypeAlias = _SpecialForm(_not_subscriptable, 'TypeAlias')


def _one_parameter(self, parameters):
    if isinstance(parameters, tuple):
        if len(parameters) != 1:
            raise TypeError(f'{self} accepts only single type.')
        parameters = parameters[0]
    return _GenericAlias(self, (_type_check(parameters, ''),))


ClassVar = _SpecialForm(_one_parameter, 'ClassVar')
Final = _SpecialForm(_one_parameter, 'Final')
TypeGuard = _SpecialForm(_one_parameter, 'TypeGuard')
Required = _SpecialForm(_one_parameter, 'Required')
NotRequired = _SpecialForm(_one_parameter, 'NotRequired')


def _flatten_union(parameters):
    params = []
    for p in parameters:
        if isinstance(p, _UnionGenericAlias):
            params.extend(p.__args__)
        elif isinstance(p, _UnionType):
            params.extend(p.__args__)
        else:
            params.append(p)
    unique = []
    for p in params:
        if p not in unique:
            unique.append(p)
    return tuple(unique)


def _union(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = tuple(_type_check(p, '') for p in parameters)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and _NoneType in parameters:
        return _UnionGenericAlias(self, parameters, name='Optional')
    return _UnionGenericAlias(self, parameters)


def _optional(self, parameters):
    arg = _type_check(parameters, '')
    return Union[arg, type(None)]


Union = _SpecialForm(_union, 'Union')
Optional = _SpecialForm(_optional, 'Optional')


def _literal(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    unique = []
    for p in parameters:
        if p not in unique:
            unique.append(p)
    return _LiteralGenericAlias(self, tuple(unique))


Literal = _SpecialForm(_literal, 'Literal')


def _concatenate(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters)


Concatenate = _SpecialForm(_concatenate, 'Concatenate')


class _BaseGenericAlias(_Typeform):
    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
            return (Generic,)
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ('__origin__', '__args__'):
            raise AttributeError(attr)
        if '__origin__' in self.__dict__ and not (attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


class _GenericAlias(_BaseGenericAlias):
    # A subscripted form: List[int], ClassVar[str], Box[T].
    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = tuple(a for a in args if isinstance(a, TypeVar))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if not isinstance(args, tuple):
            args = (args,)
        subst = dict(zip(self.__parameters__, args))
        new_args = tuple(subst.get(a, a) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return _GenericAlias(self.__origin__, args, name=self._name, inst=self._inst)

    def _origin_repr(self):
        if self._name:
            return 'typing.' + self._name
        return _type_repr(self.__origin__)

    def __repr__(self):
        if len(self.__args__) == 0:
            args = '()'
        else:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        return f'{self._origin_repr()}[{args}]'


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is _NoneType:
                return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(self):
        return 'typing.Literal[' + ', '.join(repr(a) for a in self.__args__) + ']'


class _TypingEllipsis:
    pass


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        params = ', '.join(_type_repr(a) for a in args[:-1])
        return f'typing.Callable[[{params}], {_type_repr(args[-1])}]'

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _SpecialGenericAlias(_BaseGenericAlias):
    # An unsubscripted alias: List, Dict, Iterable ... `check` answers
    # isinstance for origins corio does not have as classes.
    def __init__(self, origin, nparams, *, inst=True, name=None, check=None):
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self._check = check

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, '') for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            many = 'many' if len(params) > self._nparams else 'few'
            raise TypeError(f'Too {many} arguments for {self}; actual {len(params)}, expected {self._nparams}')
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __instancecheck__(self, obj):
        if self._check is not None:
            return self._check(type(obj))
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if self._check is not None:
            return self._check(cls)
        return issubclass(cls, self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if args is ...:
            flat = (..., _type_check(result, ''))
        elif isinstance(args, list):
            flat = tuple(_type_check(a, '') for a in args) + (_type_check(result, ''),)
        else:
            raise TypeError(f'Callable[args, result]: args must be a list. Got {args}')
        return _CallableGenericAlias(self.__origin__, flat, name=self._name, inst=self._inst)


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            return _GenericAlias(tuple, tuple(_type_check(p, '') for p in params[:-1]) + (_TypingEllipsis,), name='Tuple')
        return _GenericAlias(tuple, tuple(_type_check(p, '') for p in params), name='Tuple')


def _has(*names):
    def check(cls):
        for name in names:
            for base in cls.__mro__:
                if name in base.__dict__:
                    if base.__dict__[name] is None:
                        return False
                    break
            else:
                return False
        return True
    return check


class _AbcMeta(type):
    # The collections.abc classes (corio has no such module): isinstance
    # and issubclass look for the methods, as their __subclasshook__ does.
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        return cls in sub.__mro__ or cls._check(sub)


def _abc_class(name, check, mixins, bases):
    ns = dict(mixins)
    ns['__module__'] = 'collections.abc'
    ns['__slots__'] = ()
    ns['_check'] = staticmethod(check)
    return _AbcMeta(name, tuple(b.__origin__ for b in bases), ns)


def _return_self(self):
    return self


_ABC_MIXINS = {
    'Iterator': {'__iter__': _return_self},
    'AsyncIterator': {'__aiter__': _return_self},
}


def _abc(name, nparams, *names, alias=None, cls=_SpecialGenericAlias, bases=()):
    check = _has(*names)
    origin = _abc_class(name, check, _ABC_MIXINS.get(name, {}), bases)
    return cls(origin, nparams, name=alias or name, check=check, inst=False)


Hashable = _abc('Hashable', 0, '__hash__')
Sized = _abc('Sized', 0, '__len__')
Container = _abc('Container', 1, '__contains__')
Iterable = _abc('Iterable', 1, '__iter__')
Awaitable = _abc('Awaitable', 1, '__await__')
Coroutine = _abc('Coroutine', 3, '__await__', 'send', 'throw', 'close', bases=(Awaitable,))
AsyncIterable = _abc('AsyncIterable', 1, '__aiter__')
AsyncIterator = _abc('AsyncIterator', 1, '__aiter__', '__anext__', bases=(AsyncIterable,))
AsyncGenerator = _abc('AsyncGenerator', 2, '__aiter__', '__anext__', 'asend', 'athrow', bases=(AsyncIterator,))
Iterator = _abc('Iterator', 1, '__iter__', '__next__', bases=(Iterable,))
Generator = _abc('Generator', 3, '__iter__', '__next__', 'send', 'throw', 'close', bases=(Iterator,))
Reversible = _abc('Reversible', 1, '__reversed__', '__iter__', bases=(Iterable,))
Collection = _abc('Collection', 1, '__len__', '__iter__', '__contains__', bases=(Sized, Iterable, Container))
Callable = _abc('Callable', 2, '__call__', cls=_CallableType)
AbstractSet = _abc('Set', 1, '__len__', '__iter__', '__contains__', alias='AbstractSet', bases=(Collection,))
MutableSet = _abc('MutableSet', 1, '__len__', '__iter__', '__contains__', 'add', 'discard', bases=(AbstractSet,))
Mapping = _abc('Mapping', 2, '__getitem__', '__len__', '__iter__', 'keys', 'items', bases=(Collection,))
MutableMapping = _abc('MutableMapping', 2, '__getitem__', '__setitem__', '__delitem__', 'keys', bases=(Mapping,))
Sequence = _abc('Sequence', 1, '__getitem__', '__len__', '__iter__', 'index', 'count', bases=(Reversible, Collection))
MutableSequence = _abc('MutableSequence', 1, '__getitem__', '__setitem__', '__delitem__', 'insert', bases=(Sequence,))
ByteString = _abc('ByteString', 0, '__getitem__', '__len__', bases=(Sequence,))
MappingView = _abc('MappingView', 1, '__len__', bases=(Sized,))
KeysView = _abc('KeysView', 1, '__len__', '__iter__', bases=(MappingView, AbstractSet))
ItemsView = _abc('ItemsView', 1, '__len__', '__iter__', bases=(MappingView, AbstractSet))
ValuesView = _abc('ValuesView', 1, '__len__', '__iter__', bases=(MappingView, Collection))
ContextManager = _abc('AbstractContextManager', 1, '__enter__', '__exit__', alias='ContextManager')
AsyncContextManager = _abc('AbstractAsyncContextManager', 1, '__aenter__', '__aexit__', alias='AsyncContextManager')

List = _SpecialGenericAlias(list, 1, inst=False, name='List')
Dict = _SpecialGenericAlias(dict, 2, inst=False, name='Dict')
Set = _SpecialGenericAlias(set, 1, inst=False, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name='FrozenSet')
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
Type = _SpecialGenericAlias(type, 1, name='Type')
Deque = _SpecialGenericAlias(_collections.deque, 1, name='Deque')
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, 2, name='OrderedDict')
Counter = _SpecialGenericAlias(_collections.Counter, 1, name='Counter')
Text = str


class TypeVar(_Typeform):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__constraints__ = tuple(_type_check(t, '') for t in constraints)
        self.__bound__ = _type_check(bound, '') if bound is not None else None
        self.__module__ = _caller_module()

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass an instance of TypeVar')


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec(_Typeform):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.args = _ParamSpecPart(self, 'args')
        self.kwargs = _ParamSpecPart(self, 'kwargs')

    def __repr__(self):
        return '~' + self.__name__


class _ParamSpecPart(_Final):
    def __init__(self, origin, kind):
        self.__origin__ = origin
        self._kind = kind

    def __repr__(self):
        return f'{self.__origin__.__name__}.{self._kind}'


class TypeVarTuple(_Typeform):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


class Generic:
    """Abstract base class for generic types: class C(Generic[T]): ..."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not params and cls is not Tuple:
            raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
        if cls in (Generic, Protocol):
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                    raise TypeError(f'Parameters to {cls.__name__}[...] must all be type variables or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        params = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            for p in getattr(base, '__parameters__', ()):
                if p not in params:
                    params.append(p)
        cls.__parameters__ = tuple(params)


class Protocol(Generic):
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {value}')


def reveal_type(obj, /):
    print(f'Runtime type is {type(obj).__name__!r}', file=_sys.stderr)
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            'You should not call an overloaded function. '
            'A series of @typing.overload-decorated functions '
            'outside a stub module should always be followed '
            'by an implementation that is not @typing.overload-ed.')
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = kwargs
        return cls_or_fn
    return decorator


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = _caller_module()

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        return 'typing.Annotated[{}, {}]'.format(_type_repr(self.__origin__), ', '.join(repr(a) for a in self.__metadata__))


class Annotated:
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments (a type and an annotation).')
        return _AnnotatedAlias(_type_check(params[0], ''), tuple(params[1:]))


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _BaseGenericAlias) or type(tp).__name__ == 'GenericAlias':
        return tp.__origin__
    if isinstance(tp, _UnionType):
        return _UnionType
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if args and args[0] is not ...:
            return (list(args[:-1]), args[-1])
        return args
    if isinstance(tp, _GenericAlias) or isinstance(tp, _UnionType) or type(tp).__name__ == 'GenericAlias':
        return tp.__args__
    return ()


def _eval_hint(value, globalns, localns):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        return eval(value, globalns, localns)
    if isinstance(value, ForwardRef):
        return eval(value.__forward_arg__, globalns, localns)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            module = _sys.modules.get(base.__module__)
            base_globals = globalns if globalns is not None else getattr(module, '__dict__', {})
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, localns)
        return hints
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    if globalns is None:
        globalns = getattr(obj, '__globals__', {})
    for name, value in ann.items():
        hints[name] = _eval_hint(value, globalns, localns)
    return hints


class NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        types = ns.get('__annotations__', {})
        fields = list(types)
        defaults = []
        for name in fields:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                s = 's' if len(defaults) > 1 else ''
                raise TypeError(f"Non-default namedtuple field {name} cannot follow default field{s} {', '.join(fields[:fields.index(name)][-len(defaults):])}")
        nm_tpl = _collections.namedtuple(typename, fields, defaults=defaults, module=ns.get('__module__', '__main__'))
        nm_tpl.__annotations__ = dict(types)
        for key, value in ns.items():
            if key in ('__module__', '__qualname__', '__annotations__', '__orig_bases__'):
                continue
            if key in fields:
                continue
            if key in ('_make', '_replace', '_asdict', '_fields', '_field_defaults', '__new__', '__init__', '__slots__', '__getnewargs__'):
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            setattr(nm_tpl, key, value)
        nm_tpl.__qualname__ = ns.get('__qualname__', typename)
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    fields = list(fields)
    nm_tpl = _collections.namedtuple(typename, [n for n, t in fields], module=_caller_module())
    nm_tpl.__annotations__ = {n: t for n, t in fields}
    return nm_tpl


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        tp_dict.__annotations__ = annotations
        tp_dict.__total__ = total
        tp_dict.__required_keys__ = frozenset(annotations) if total else frozenset()
        tp_dict.__optional_keys__ = frozenset() if total else frozenset(annotations)
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError('TypedDict does not support instance and class checks')

    __subclasscheck__ = __instancecheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': _caller_module()}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries

)PY";
    return kSource;
}

}  // namespace corio::py
