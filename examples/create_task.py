# create_task (Real Python): schedule a coroutine as a Task. The event loop
# runs it; awaiting the task waits for it to finish.
import asyncio


async def coro(seq) -> list:
    """'IO' wait time is proportional to the max element."""
    await asyncio.sleep(max(seq))
    return list(reversed(seq))


async def main():
    # This is a bit redundant in the case of one task
    # We could use `await coro([3, 2, 1])` on its own
    t = asyncio.create_task(coro([3, 2, 1]))
    await t
    print(f't: type {type(t)}')
    print(f't done: {t.done()}')
    print(f't result: {t.result()}')


asyncio.run(main())
