# asyncio.timeout turns the deadline's cancellation into TimeoutError; a
# block that ends in time is untouched (tests/core/combinators_test.cpp).
import asyncio

async def work(delay):
    await asyncio.sleep(delay)
    print("work", delay, "done")
    return delay

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            await work(3)
    except TimeoutError:
        print("timed out at", loop.time(), "cancelling", asyncio.current_task().cancelling())
    async with asyncio.timeout(2):
        print("value", await work(0.5))
    print("end at", loop.time())

asyncio.run(main())
