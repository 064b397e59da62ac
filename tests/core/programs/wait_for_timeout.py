# wait_for: the result in time, TimeoutError after cancelling the inner task
# otherwise, and a zero timeout (tests/core/combinators_test.cpp).
import asyncio

async def work(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(work("quick", 1), timeout=2), loop.time())
    try:
        await asyncio.wait_for(work("slow", 5), timeout=1.5)
    except asyncio.TimeoutError:
        print("timeout at", loop.time())
    t = asyncio.create_task(work("zero", 1))
    try:
        await asyncio.wait_for(t, timeout=0)
    except asyncio.TimeoutError:
        print("zero timeout", t.cancelled(), loop.time())

asyncio.run(main())
