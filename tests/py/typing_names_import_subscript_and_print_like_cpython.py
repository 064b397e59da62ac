# typing: the names import, subscript and print as in CPython 3.11;
# annotations are accepted everywhere; Generic, NamedTuple, TypedDict work.
import asyncio
import typing
from typing import (Any, Optional, List, Dict, Tuple, Set, FrozenSet, Callable, Awaitable, Coroutine,
                    Iterable, Iterator, AsyncIterator, AsyncGenerator, Generator, Union, TypeVar, Generic,
                    NamedTuple, TypedDict, Literal, ClassVar, Final, Sequence, Mapping, Type, Deque,
                    DefaultDict, Protocol, cast, overload, get_type_hints, get_origin, get_args, NewType,
                    TYPE_CHECKING, Annotated, NoReturn)

print(Any, Optional[int], Union[int, str], Union[int, None, str], Union[int], Optional[None])
print(List, List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], Tuple[int, str], Set[int], FrozenSet[str])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None], Awaitable[int])
print(Coroutine[Any, Any, int], Iterable[str], Iterator[int], AsyncIterator[bytes], AsyncGenerator[int, None])
print(Generator[int, None, None], Literal["a", 1], ClassVar[int], Final, Type[int], Sequence[float], Mapping[str, int])
print(Deque[int], DefaultDict[str, int], Annotated[int, "meta"], NoReturn, TYPE_CHECKING)
print(Optional[List[int]], List[int] | None, Union[int, str] | None, int | List[str])
print(List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[None, int])
print(get_origin(List[int]), get_origin(Union[int, str]), get_args(Dict[str, int]), get_args(int | str))
print(isinstance([], List), isinstance([], Iterable), isinstance(5, Iterable), isinstance({}, Mapping))
try:
    isinstance([], List[int])
except TypeError as e:
    print("TypeError:", e)
try:
    List[int, str]
except TypeError as e:
    print("TypeError:", e)

T = TypeVar("T")
K = TypeVar("K", bound=str)
V_co = TypeVar("V_co", covariant=True)
print(T, K, V_co, T.__name__)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), Stack[int], Stack.__mro__, Generic[T])


class Point(NamedTuple):
    x: int
    y: int = 0

    def dist(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5


p = Point(3, 4)
print(p, p.dist(), p._fields, Point(1), p._asdict(), p._replace(y=0), type(p).__mro__)
Pair = NamedTuple("Pair", [("a", int), ("b", str)])
print(Pair(1, "x"))


class Movie(TypedDict):
    title: str
    year: int


m = Movie(title="Alien", year=1979)
print(m, type(m).__name__)


def greet(name: str, times: int = 1, *, loud: Optional[bool] = None) -> List[str]:
    return [name.upper() if loud else name] * times


print(greet("hi", 2), greet.__annotations__)
print(get_type_hints(greet))


async def fetch(delay: float) -> Dict[str, Any]:
    await asyncio.sleep(delay)
    return {"delay": delay}


async def main() -> None:
    results: List[Dict[str, Any]] = await asyncio.gather(fetch(0.1), fetch(0.2))
    print(results)


asyncio.run(main())

UserId = NewType("UserId", int)
print(UserId(5), UserId, cast(str, 3), cast(List[int], "x"))


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(2), double("ab"))


class Closable(Protocol):
    def close(self) -> None: ...


class Resource:
    def close(self) -> None:
        print("closed")


def shut(r: Closable) -> None:
    r.close()


shut(Resource())
counter: int = 0
handlers: Dict[str, Callable[[int], int]] = {"inc": lambda v: v + 1}
print(handlers["inc"](counter), __annotations__)
