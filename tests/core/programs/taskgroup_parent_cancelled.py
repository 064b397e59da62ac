# A task cancelled while its TaskGroup waits for the children on exit: the
# children are cancelled and the CancelledError propagates
# (tests/core/combinators_test.cpp).
import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def body():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("x", 5))
        tg.create_task(child("y", 0.5))
    print("not reached")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(body())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("body cancelled", t.cancelled(), loop.time())

asyncio.run(main())
