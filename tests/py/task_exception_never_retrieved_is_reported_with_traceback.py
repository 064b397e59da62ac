# A task that failed and whose exception nobody retrieved is reported on
# stderr with its traceback ("Task exception was never retrieved"); corio
# reports it when asyncio.run ends, CPython when the task is collected.
import asyncio


async def fail():
    await asyncio.sleep(0)
    raise ValueError("lost")


async def main():
    task = asyncio.create_task(fail())
    await asyncio.sleep(0.1)
    print("main done", task.done())


asyncio.run(main())
print("after")
