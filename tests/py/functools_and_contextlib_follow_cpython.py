# functools and contextlib: the parts teaching programs use, against CPython.
import functools
from contextlib import contextmanager, asynccontextmanager, suppress, closing

def deco(f):
    @functools.wraps(f)
    def inner(*a, **k):
        return f(*a, **k) * 2
    return inner

@deco
def double(x):
    """Doubles."""
    return x

print(double(4), double.__name__, double.__doc__)
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a + b, [], 10))
p = functools.partial(pow, 2)
print(p(10), functools.partial(int, base=2)("101"))

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())

@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v

print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))

@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")

with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with suppress(KeyError):
    {}["x"]
print("suppressed")

class Res:
    def close(self): print("closed")

with closing(Res()):
    pass

@asynccontextmanager
async def actx():
    print("enter")
    yield 5
    print("exit")

async def main():
    async with actx() as v:
        print("got", v)

c = main()
try:
    c.send(None)
except StopIteration:
    print("done")
