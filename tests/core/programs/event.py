# Event: set() wakes every waiter (in the order they waited), a cancelled
# waiter is left out, clear() after set() does not take the wake-up back,
# and wait() on a set event does not suspend (tests/core/locks_test.cpp).
import asyncio


async def waiter(name, ev):
    print(f"{name} waiting")
    try:
        r = await ev.wait()
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} woke: {r}")


async def setter(ev, delay):
    await asyncio.sleep(delay)
    print("setter sets")
    ev.set()


async def other():
    print("other task runs")


async def main():
    ev = asyncio.Event()
    a = asyncio.create_task(waiter("A", ev))
    b = asyncio.create_task(waiter("B", ev))
    c = asyncio.create_task(waiter("C", ev))
    await asyncio.sleep(0)
    b.cancel()
    await asyncio.sleep(0)
    print("setting")
    ev.set()
    print("is_set:", ev.is_set())
    ev.clear()
    print("cleared, is_set:", ev.is_set())
    for task in (a, c):
        await task
    print("B cancelled:", b.cancelled())

    d = asyncio.create_task(waiter("D", ev))
    s = asyncio.create_task(setter(ev, 0.5))
    await d
    await s
    t = asyncio.create_task(other())
    r = await ev.wait()
    print("main waited on a set event:", r)
    await t


asyncio.run(main())
