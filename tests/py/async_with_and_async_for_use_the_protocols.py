class Res:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("aenter", self.name)
        return self

    async def __aexit__(self, *exc):
        print("aexit", self.name, exc[0].__name__ if exc[0] else None)
        return False


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def main():
    async with Res("r") as r:
        print("inside", r.name)
    async for v in Counter(3):
        print("got", v)
    try:
        async with Res("bad"):
            raise ValueError("oops")
    except ValueError as e:
        print("escaped", e)
    return "done"


c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
