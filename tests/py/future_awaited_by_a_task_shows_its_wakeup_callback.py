# A future or task that a task awaits lists that task's wake-up among its
# done callbacks (cb=[Task.task_wakeup()]), beside the callbacks the
# program added; CPython's shutdown logs a task left waiting on a future.
import asyncio
import functools


def on_done(fut):
    pass


class Watcher:
    def seen(self, fut):
        pass


async def on_future(fut):
    await fut


async def sleeper():
    await asyncio.sleep(3600)


async def on_task(t):
    await t


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    a = asyncio.create_task(on_future(fut))
    s = asyncio.create_task(sleeper())
    b = asyncio.create_task(on_task(s))
    await asyncio.sleep(0)
    print(a)
    print(fut)
    print(s)
    print(b)
    fut.add_done_callback(on_done)
    print(fut)
    fut.add_done_callback(Watcher().seen)
    print(fut)
    fut.add_done_callback(functools.partial(on_done))
    fut.add_done_callback(lambda f: None)
    print(fut)
    fut.remove_done_callback(on_done)
    print(fut)
    lone = loop.create_future()
    lone.add_done_callback(functools.partial(print, "a long argument that reprlib shortens", 12345))
    print(lone)
    for t in (a, s, b):
        t.cancel()
    await asyncio.sleep(0)
    print(a, s, b, sep="\n")


asyncio.run(main())

# Left waiting when the program ends.
loop = asyncio.new_event_loop()
held = loop.create_future()
waiting = loop.create_task(on_future(held))
loop.run_until_complete(asyncio.sleep(0.1))
print("done")
