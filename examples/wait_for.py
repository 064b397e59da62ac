# asyncio.wait_for (Python docs): wait at most one second for a coroutine
# that would sleep for an hour. On timeout the coroutine is cancelled and
# wait_for raises TimeoutError.
import asyncio
import time


async def eternity():
    # Sleep for one hour
    await asyncio.sleep(3600)
    print('yay!')


async def main():
    start = time.perf_counter()
    # Wait for at most 1 second
    try:
        await asyncio.wait_for(eternity(), timeout=1.0)
    except TimeoutError:
        print('timeout!')
    print(f'gave up after {time.perf_counter() - start:.1f} seconds')


asyncio.run(main())
