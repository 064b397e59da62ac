# Cancellation in every state: before the first step, while sleeping (with a
# message), a cancel that is caught and ignored, and uncancel counts
# (tests/core/cancel_test.cpp).
import asyncio

async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "got CancelledError", e.args)
        raise

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
    await asyncio.sleep(1)
    return "survived"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(sleeper("early"))
    print("cancel before start:", t.cancel(), t.cancelling())
    await asyncio.sleep(0)
    print("early cancelled:", t.cancelled())
    t = asyncio.create_task(sleeper("sleeping"))
    await asyncio.sleep(1)
    t.cancel("stop now")
    t.cancel("again")
    print("cancelling:", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter sees", e.args)
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    s.cancel()
    print(await s, s.cancelling(), s.uncancel(), loop.time())
    print("cancel done task:", s.cancel())

asyncio.run(main())
