# What gather gives for cancelled children: with return_exceptions a new
# CancelledError with a future's cancel message or '' (a task's message
# stays in the error it raised, for the first to ask); cancelled itself,
# the error of the child that finished last.
import asyncio

async def on_sleep():
    await asyncio.sleep(10)


async def show(label, gathering):
    try:
        print(label, await gathering)
    except asyncio.CancelledError as e:
        print(label, repr(e))

async def on_get(q):
    await q.get()

async def on_fut(f):
    await f

async def on_event(e):
    await e.wait()

async def main1():
    q = asyncio.Queue()
    f = asyncio.get_running_loop().create_future()
    e = asyncio.Event()
    ts = [asyncio.create_task(on_sleep()), asyncio.create_task(on_get(q)),
          asyncio.create_task(on_fut(f)), asyncio.create_task(on_event(e))]
    await asyncio.sleep(0)
    for t in ts:
        t.cancel()
    print(await asyncio.gather(*ts, return_exceptions=True))
    ts = [asyncio.create_task(on_sleep()), asyncio.create_task(on_get(q))]
    await asyncio.sleep(0)
    for t in ts:
        t.cancel()
    await asyncio.sleep(0)
    for t in ts:
        try:
            t.result()
        except asyncio.CancelledError as e:
            print(repr(e), e.args)
    ts = [asyncio.create_task(on_sleep()), asyncio.create_task(on_get(q))]
    await asyncio.sleep(0)
    for t in ts:
        t.cancel("bye")
    print(await asyncio.gather(*ts, return_exceptions=True))

asyncio.run(main1())

async def main2():
    t = asyncio.create_task(on_sleep())
    await asyncio.sleep(0)
    t.cancel("bye")
    await asyncio.sleep(0)
    try:
        t.result()
    except asyncio.CancelledError as e:
        print(repr(e))
    f = asyncio.get_running_loop().create_future()
    f.cancel("fut msg")
    print(await asyncio.gather(f, return_exceptions=True))
    g = asyncio.gather(on_sleep(), on_sleep())
    await asyncio.sleep(0)
    g.cancel("stop")
    await show("gather", g)
    g = asyncio.gather(on_sleep(), on_sleep(), return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel("stop2")
    await show("gather2", g)

asyncio.run(main2())

async def main3():
    a = asyncio.create_task(on_sleep())
    g = asyncio.gather(a, return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel("stop2")
    await show("gather2", g)
    print(a.cancelled(), a)
    try:
        a.result()
    except asyncio.CancelledError as e:
        print(repr(e))

asyncio.run(main3())

async def main4():
    for how in ("pos", "kw"):
        a = asyncio.create_task(on_sleep())
        await asyncio.sleep(0)
        if how == "pos":
            a.cancel("m")
        else:
            a.cancel(msg="m")
        await asyncio.sleep(0)
        for _ in range(2):
            try:
                a.result()
            except asyncio.CancelledError as e:
                print(how, repr(e))
    a = asyncio.create_task(on_sleep())
    g = asyncio.gather(a)
    await asyncio.sleep(0)
    a.cancel("direct")
    await show("g", g)

asyncio.run(main4())
