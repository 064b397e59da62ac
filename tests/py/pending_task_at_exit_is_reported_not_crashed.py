# A task still waiting when the program ends (a loop driven by
# run_until_complete, which cancels nothing): CPython's shutdown logs it
# as destroyed while pending. corio crashed here: freeing the task freed
# the sleep it waited on, whose callback pointed back at the task.
import asyncio


async def forever():
    await asyncio.sleep(3600)


async def main():
    asyncio.get_running_loop().create_task(forever())
    await asyncio.sleep(0.1)


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("done")
