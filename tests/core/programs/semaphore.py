# Semaphore(2) shared by five workers: FIFO hand-over, a cancelled waiter
# left out, a woken-then-cancelled waiter handing its unit on, and the
# errors of Semaphore and BoundedSemaphore (tests/core/locks_test.cpp).
import asyncio


async def worker(name, sem, hold):
    print(f"{name} wants (locked={sem.locked()})")
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} got it")
    await asyncio.sleep(hold)
    sem.release()
    print(f"{name} released")


async def finish(tasks):
    for task in tasks:
        try:
            await task
        except asyncio.CancelledError:
            print("main: a task was cancelled")


async def main():
    sem = asyncio.Semaphore(2)
    tasks = [asyncio.create_task(worker(n, sem, h))
             for n, h in [("A", 1), ("B", 2), ("C", 1), ("D", 1), ("E", 1)]]
    await asyncio.sleep(0)
    tasks[3].cancel()
    await finish(tasks)
    print("locked:", sem.locked())

    sem = asyncio.Semaphore(1)
    await sem.acquire()
    x = asyncio.create_task(worker("X", sem, 0))
    y = asyncio.create_task(worker("Y", sem, 0))
    await asyncio.sleep(0)
    sem.release()
    print("locked after release:", sem.locked())
    x.cancel()
    await finish([x, y])
    print("locked:", sem.locked())

    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
