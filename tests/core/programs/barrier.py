# Barrier(3): three tasks over two rounds, then abort (BrokenBarrierError
# for the waiters and for later callers), reset, and a waiter cancelled
# while the barrier fills (tests/core/locks_test.cpp).
import asyncio


async def party(name, barrier, delays):
    for rnd, delay in enumerate(delays):
        await asyncio.sleep(delay)
        print(f"{name} arrives for round {rnd} (n_waiting={barrier.n_waiting})")
        index = await barrier.wait()
        print(f"{name} passes round {rnd} with index {index}")


async def try_wait(name, barrier):
    print(f"{name} waits (n_waiting={barrier.n_waiting})")
    try:
        index = await barrier.wait()
        print(f"{name} passes with index {index}")
    except asyncio.BrokenBarrierError as e:
        print(f"{name} BrokenBarrierError: {e}")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def finish(tasks):
    for task in tasks:
        try:
            await task
        except asyncio.CancelledError:
            print("main: a task was cancelled")


async def main():
    barrier = asyncio.Barrier(3)
    print("parties:", barrier.parties, "broken:", barrier.broken)
    await finish([asyncio.create_task(party("A", barrier, [0.1, 0.3])),
                  asyncio.create_task(party("B", barrier, [0.2, 0.1])),
                  asyncio.create_task(party("C", barrier, [0.3, 0.2]))])
    print("n_waiting:", barrier.n_waiting)

    ts = [asyncio.create_task(try_wait(n, barrier)) for n in "DE"]
    await asyncio.sleep(0)
    print("n_waiting:", barrier.n_waiting)
    await barrier.abort()
    print("broken:", barrier.broken)
    await finish(ts)
    await try_wait("F", barrier)

    await barrier.reset()
    print("after reset, broken:", barrier.broken)
    ts = [asyncio.create_task(try_wait(n, barrier)) for n in "GH"]
    await asyncio.sleep(0)
    await barrier.reset()
    await finish(ts)
    print("n_waiting:", barrier.n_waiting)

    ts = [asyncio.create_task(try_wait(n, barrier)) for n in "IJ"]
    await asyncio.sleep(0)
    ts[0].cancel()
    await asyncio.sleep(0)
    print("n_waiting after cancel:", barrier.n_waiting)
    ts += [asyncio.create_task(try_wait(n, barrier)) for n in "KL"]
    await finish(ts)
    print("n_waiting:", barrier.n_waiting, "broken:", barrier.broken)


asyncio.run(main())
