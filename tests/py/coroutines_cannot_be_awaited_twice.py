async def f():
    return 1


c = f()
try:
    c.send(None)
except StopIteration as e:
    print("first", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)


async def g():
    x = f()
    return await x
w = g().__await__()
print(type(w).__name__)
w.close()
try:
    g().send(None)
except StopIteration as e:
    print(e.value)
