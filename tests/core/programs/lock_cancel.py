# Lock: a waiter cancelled while waiting leaves the line; one woken by
# release() but cancelled before it ran hands the lock to the next waiter;
# a free lock whose waiters are all cancelled is taken at once
# (tests/core/locks_test.cpp).
import asyncio


async def user(name, lock):
    print(f"{name} waits")
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(f"{name} cancelled while waiting (locked={lock.locked()})")
        raise
    print(f"{name} acquired")
    await asyncio.sleep(0.1)
    lock.release()
    print(f"{name} released")


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(user("A", lock))
    b = asyncio.create_task(user("B", lock))
    c = asyncio.create_task(user("C", lock))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    print("A cancelled:", a.cancelled())
    lock.release()
    b.cancel()
    for task in (b, c):
        try:
            await task
        except asyncio.CancelledError:
            print("main: a task was cancelled")
    print("B cancelled:", b.cancelled(), "locked:", lock.locked())

    await lock.acquire()
    d = asyncio.create_task(user("D", lock))
    await asyncio.sleep(0)
    d.cancel()
    lock.release()
    await lock.acquire()
    print("main re-acquired at once:", lock.locked())
    try:
        await d
    except asyncio.CancelledError:
        print("D cancelled:", d.cancelled())
    lock.release()
    print("locked:", lock.locked())


asyncio.run(main())
