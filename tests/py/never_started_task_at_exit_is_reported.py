# A task created on a loop that never runs: at the end CPython logs the
# pending task, then its coroutine that was never awaited.
import asyncio


async def f():
    print("never runs")


loop = asyncio.new_event_loop()
task = loop.create_task(f())
print(task)
print("end")
