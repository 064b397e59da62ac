# TaskGroup: a failing child cancels its siblings and the body; the errors
# come out as an ExceptionGroup (tests/core/combinators_test.cpp).
import asyncio

async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        print(name, "fails")
        raise ValueError(name)
    print(name, "done")

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 1))
            tg.create_task(child("b", 2, fail=True))
            tg.create_task(child("c", 3))
            await asyncio.sleep(10)
            print("not reached")
    except* ValueError as eg:
        print("errors:", len(eg.exceptions), loop.time())
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("d", 1))
        tg.create_task(child("e", 0.5))
    print("all done", loop.time(), asyncio.current_task().cancelling())

asyncio.run(main())
