async def agen(n):
    for i in range(n):
        yield i * 10


async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    print(out)
    print([x async for x in agen(4)])
    return "ok"


try:
    main().send(None)
except StopIteration as e:
    print(e.value)
