# gather: cancelling the outer future cancels the children; a failing child
# fails the gather unless return_exceptions (tests/core/combinators_test.cpp).
import asyncio

async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def failing(delay):
    await asyncio.sleep(delay)
    print("failing raises")
    raise ValueError("bad")

async def main():
    outer = asyncio.gather(sleeper("a", 1), sleeper("b", 2))
    await asyncio.sleep(0.5)
    print("cancel ->", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    try:
        await asyncio.gather(sleeper("c", 1), failing(0.5))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(1)
    results = await asyncio.gather(sleeper("d", 0.1), failing(0.2), return_exceptions=True)
    print("results", results[0], type(results[1]).__name__, results[1])

asyncio.run(main())
