# The reprs asyncio gives a gathering future (its class name), a Timeout
# (state and deadline), a TaskGroup (tasks, errors, state), and the Task-N
# numbers: asyncio.create_task and TaskGroup.create_task use one up even
# for a named task, loop.create_task does not.
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n


class MyFuture(asyncio.Future):
    pass


async def main():
    g = asyncio.gather(work(0.1), work(0.2))
    print(g)
    print(await g)
    print(g)
    loop = asyncio.get_running_loop()
    print(MyFuture())
    t = asyncio.create_task(work(0.1), name="w")
    print(t)
    await t
    print(asyncio.create_task(work(0)))
    print(loop.create_task(work(0), name="from the loop"))
    print(loop.create_task(work(0)))
    await asyncio.sleep(0)
    try:
        async with asyncio.timeout(0.05) as cm:
            print(cm)
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout", cm)
    async with asyncio.timeout(None) as cm:
        print(cm)
    print(cm)
    try:
        async with asyncio.TaskGroup() as tg:
            print(tg)
            tg.create_task(work(0.1), name="in the group")
            print(tg.create_task(work(0.1)))
            print(tg)
            raise ValueError("x")
    except* ValueError as eg:
        print(repr(eg))
    print(tg)


asyncio.run(main())
