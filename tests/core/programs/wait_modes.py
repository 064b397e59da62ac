# asyncio.wait with each return_when and a timeout (tests/core/combinators_test.cpp).
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    print("job", name, "ends")
    if fail:
        raise ValueError(name)
    return name

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    ts = [asyncio.create_task(job("a", 3)), asyncio.create_task(job("b", 1)), asyncio.create_task(job("c", 2))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", len(done), len(pending), loop.time() - start)
    done, pending = await asyncio.wait(ts, timeout=0.5)
    print("timeout:", len(done), len(pending), loop.time() - start)
    done, pending = await asyncio.wait(ts)
    print("all:", len(done), len(pending), loop.time() - start)
    ts = [asyncio.create_task(job("d", 1, fail=True)), asyncio.create_task(job("e", 2))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", len(done), len(pending), loop.time() - start)
    await asyncio.wait(pending)
    print("d failed:", ts[0].exception())

asyncio.run(main())
