class Ready:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        got = yield ("waiting", self.v)
        return got * 2


async def leaf(v):
    return await Ready(v)


async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b


c = middle()
print(type(c).__name__)
print(c.send(None))
print(c.send(10))
try:
    c.send(100)
except StopIteration as e:
    print("result", e.value)


async def fails():
    await Ready(0)
    raise ValueError("inside")

c = fails()
c.send(None)
try:
    c.throw(KeyError("thrown"))
except KeyError as e:
    print("thrown out", repr(e))
c = fails()
c.send(None)
try:
    c.send(1)
except ValueError as e:
    print(e)
