# `await asyncio.sleep(0)` yields once (other tasks run), then evaluates to
# None whatever is sent back; thrown exceptions surface at the await; the
# task can be cancelled there. (corio runs this await without making a
# coroutine: every case must match CPython.)
import asyncio


async def yields_once():
    x = await asyncio.sleep(0)
    y = await asyncio.sleep(0.0)
    z = await asyncio.sleep(-1)
    w = await asyncio.sleep(0, 'kept')
    return x, y, z, w


def drive_by_hand():
    c = yields_once()
    print('first send yields', c.send(None))
    print('second send yields', c.send(5))
    print('third send yields', c.send('ignored'))
    try:
        c.send(7)
    except StopIteration as e:
        print('returned', e.value)


async def catches():
    try:
        await asyncio.sleep(0)
    except ValueError as e:
        print('caught at the await:', e)
        return 'handled'


def throw_by_hand():
    c = catches()
    c.send(None)
    try:
        c.throw(ValueError('boom'))
    except StopIteration as e:
        print('returned', e.value)


async def ticker(name, n, log):
    for i in range(n):
        log.append(f'{name}{i}')
        await asyncio.sleep(0)


async def sleeper_forever():
    while True:
        await asyncio.sleep(0)


async def main():
    log = []
    await asyncio.gather(ticker('a', 3, log), ticker('b', 3, log))
    print(' '.join(log))
    print(await yields_once())
    t = asyncio.create_task(sleeper_forever())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled at the await:', t.cancelled())
    c = yields_once()
    print(type(c).__name__)
    c.close()


drive_by_hand()
throw_by_hand()
asyncio.run(main())
