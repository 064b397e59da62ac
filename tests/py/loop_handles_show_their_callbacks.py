# The handles call_soon, call_later and call_at return: asyncio.Handle and
# asyncio.TimerHandle, shown with their callback and its arguments (a
# partial's too, and where a function is defined) until cancelled. (The
# virtual clock's loop makes its own TimerHandle subclass: its name is
# cut off.)
import asyncio
import functools


def tick(n, *, label=None):
    print("tick", n, label)


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(print, "y")
    print(h, isinstance(h, asyncio.Handle), type(h).__name__)
    h2 = loop.call_soon(tick, 1)
    print(h2)
    h3 = loop.call_soon(functools.partial(tick, 2, label="p"))
    print(h3)
    h3.cancel()
    print(h3)
    t = loop.call_later(0.5, tick, 3)
    print(repr(t).split(" ", 1)[1], isinstance(t, asyncio.Handle), isinstance(t, asyncio.TimerHandle))
    t.cancel()
    print(repr(t).split(" ", 1)[1])
    await asyncio.sleep(0)
    print(h)


asyncio.run(main())
