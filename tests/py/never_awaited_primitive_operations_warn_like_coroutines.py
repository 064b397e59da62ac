import asyncio


async def main():
    q = asyncio.Queue()
    q.put(1)  # forgot await: nothing is put
    print(q.qsize())
    event = asyncio.Event()
    event.wait()
    lock = asyncio.Lock()
    for _ in range(3):
        lock.acquire()
    print(lock.locked())
    closed = q.get()
    closed.close()
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
