# The three count() coroutines of countasync.py, gathered (tests/core/basics_test.cpp).
import asyncio

async def count():
    print("One")
    await asyncio.sleep(1)
    print("Two")

async def main():
    await asyncio.gather(count(), count(), count())

asyncio.run(main())
