# shield: cancelling the waiter does not cancel the shielded task
# (tests/core/combinators_test.cpp).
import asyncio

async def inner():
    await asyncio.sleep(2)
    print("inner finished")
    return 5

async def waiter(t):
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise

async def main():
    t = asyncio.create_task(inner())
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(1)
    w.cancel()
    await asyncio.sleep(0)
    print("waiter cancelled?", w.cancelled(), "inner done?", t.done())
    print("inner result", await t)

asyncio.run(main())
