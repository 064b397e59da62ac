# list[int], dict[str, int] (types.GenericAlias) and int | None
# (types.UnionType): what annotations evaluate to, their reprs, equality,
# isinstance with a union, and a parameterized generic as a base class.
from collections import defaultdict, deque


def summarize(values: list[int], labels: dict[str, list[float]] | None = None) -> tuple[int, ...]:
    return tuple(values)


print(summarize.__annotations__)
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], set[str], frozenset[bytes], type[int])
print(int | None, int | str | None, None | int, list[int] | None, int | int, (int | str) | (str | float))
print(type(list[int]), type(int | None), list[int].__origin__, dict[str, int].__args__, (int | None).__args__)
print(list[int] == list[int], list[int] == list[str], list[int] == list, (int | str) == (str | int))
print(list[int]("ab"), dict[str, int](a=1), list[int].__name__, tuple[int, str]((1, "x")))
print(isinstance(3, int | str), isinstance("x", int | None), isinstance(None, int | None), issubclass(bool, int | str))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], int | list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)


class IntList(list[int]):
    pass


print(IntList.__mro__, IntList([1, 2]), IntList.__orig_bases__)
print(defaultdict[str, int], deque[int])
x: dict[str, int] = {}
print(__annotations__)
