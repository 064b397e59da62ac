# The builtins aiter() and anext(), with and without a default.
async def agen():
    yield 1
    yield 2

async def main():
    g = agen()
    print(await anext(g), await anext(g), await anext(g, "done"))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    it = aiter(agen())
    print([x async for x in it])
    try:
        anext(1)
    except TypeError as e:
        print(e)

coro = main()
try:
    coro.send(None)
except StopIteration:
    print("finished")
