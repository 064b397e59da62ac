# Lock: a free lock is taken without suspending; waiters get it in FIFO
# order, and a newcomer queues behind a woken waiter that has not run yet
# (tests/core/locks_test.cpp).
import asyncio


async def user(name, lock, hold):
    print(f"{name} wants the lock (locked={lock.locked()})")
    await lock.acquire()
    print(f"{name} acquired")
    await asyncio.sleep(hold)
    print(f"{name} releasing")
    lock.release()


async def other():
    print("other task runs")


async def main():
    lock = asyncio.Lock()
    t = asyncio.create_task(other())
    await lock.acquire()
    print("main acquired without suspending:", lock.locked())
    a = asyncio.create_task(user("A", lock, 1))
    b = asyncio.create_task(user("B", lock, 0.5))
    c = asyncio.create_task(user("C", lock, 0))
    await asyncio.sleep(0)
    print("main releasing")
    lock.release()
    print("locked after release:", lock.locked())
    d = asyncio.create_task(user("D", lock, 0))
    await lock.acquire()
    print("main acquired again, last in line")
    lock.release()
    for task in (t, a, b, c, d):
        await task
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
