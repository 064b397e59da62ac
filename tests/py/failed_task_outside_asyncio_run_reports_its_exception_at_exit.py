# A task that failed on a loop driven by run_until_complete, its exception
# never retrieved: asyncio.run would report it as it closes; here CPython's
# shutdown does, as it frees the task.
import asyncio


async def bad():
    raise ValueError("lost")


loop = asyncio.new_event_loop()
t = loop.create_task(bad())
loop.run_until_complete(asyncio.sleep(0.1))
print("done")
