# A Queue subclass whose storage fails: qsize(), empty() and get() raise
# what its `_queue` raises (corio aborted here when the error escaped a
# noexcept size check); full() with no maxsize never looks.
import asyncio


class Broken(asyncio.Queue):
    def _init(self, maxsize):
        self._items = []

    def _put(self, item):
        self._items.append(item)

    def _get(self):
        return self._items.pop(0)

    @property
    def _queue(self):
        raise RuntimeError("no storage here")


async def main():
    q = Broken()
    for what, op in [("qsize", q.qsize), ("empty", q.empty), ("full", q.full)]:
        try:
            print(what, op())
        except RuntimeError as e:
            print(what, "raised", e)
    try:
        q.put_nowait(1)
    except RuntimeError as e:
        print("put_nowait raised", e)
    try:
        await q.put(2)
    except RuntimeError as e:
        print("put raised", e)
    try:
        await asyncio.wait_for(q.get(), 0.1)
    except RuntimeError as e:
        print("get raised", e)


asyncio.run(main())
