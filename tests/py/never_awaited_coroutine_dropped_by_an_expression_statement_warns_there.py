# A coroutine that never started warns "coroutine ... was never awaited" on
# stderr where an expression statement drops it: at the module's top level,
# in a function, as a method, in a coroutine run by asyncio.run. A loop that
# drops one on the same line three times warns once (the "default" warnings
# action: once per location).
import asyncio


async def job():
    return 1


class Worker:
    async def run(self):
        return 2


print("top level")
job()


def helper():
    job()


print("in a function")
helper()
print("a method")
Worker().run()

print("a loop")
for i in range(3):
    job()
print("the same line again, still once")
for i in range(2):
    helper()

print("a statement over two lines")
job(
)


async def main():
    print("in main")
    asyncio.sleep(1)
    job()

    def inner():
        async def nested():
            pass
        nested()

    inner()
    print("main's loop")
    for _ in range(3):
        Worker().run()
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
print("end")
