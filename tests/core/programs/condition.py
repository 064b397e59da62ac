# Condition: notify(1), notify(2), notify_all, wait_for, a waiter cancelled
# while waiting (it re-acquires the lock before CancelledError leaves wait),
# one cancelled while re-acquiring, and the un-acquired lock errors
# (tests/core/locks_test.cpp).
import asyncio


async def waiter(name, cond):
    await cond.acquire()
    try:
        print(f"{name} waiting")
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print(f"{name} cancelled, holds the lock: {cond.locked()}")
            raise
        print(f"{name} notified")
    finally:
        cond.release()


async def until_two(cond, items):
    await cond.acquire()
    try:
        def enough():
            print(f"F checks {items}")
            return len(items) >= 2
        r = await cond.wait_for(enough)
        print(f"F done waiting: {r}")
    finally:
        cond.release()


async def notify(cond, n):
    await cond.acquire()
    print(f"notify({n})")
    cond.notify(n)
    cond.release()
    await asyncio.sleep(0)


async def finish(tasks):
    for task in tasks:
        try:
            await task
        except asyncio.CancelledError:
            print("main: a task was cancelled")


async def main():
    cond = asyncio.Condition()
    ws = [asyncio.create_task(waiter(n, cond)) for n in "ABCD"]
    await asyncio.sleep(0)
    await notify(cond, 1)
    await notify(cond, 2)
    await cond.acquire()
    ws[3].cancel()
    await asyncio.sleep(0)
    print("main releases the lock")
    cond.release()
    await finish(ws)

    e = asyncio.create_task(waiter("E", cond))
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    e.cancel()
    await asyncio.sleep(0)
    print("main releases the lock")
    cond.release()
    await finish([e])

    items = []
    f = asyncio.create_task(until_two(cond, items))
    g = asyncio.create_task(waiter("G", cond))
    await asyncio.sleep(0)
    for item in ("x", "y"):
        await cond.acquire()
        items.append(item)
        print("notify_all")
        cond.notify_all()
        cond.release()
        await asyncio.sleep(0)
    await finish([f, g])

    try:
        await cond.wait()
    except RuntimeError as err:
        print("RuntimeError:", err)
    try:
        cond.notify()
    except RuntimeError as err:
        print("RuntimeError:", err)
    print("locked:", cond.locked())


asyncio.run(main())
