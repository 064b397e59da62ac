# No "was never awaited" warning for a coroutine that was awaited, closed,
# started by send or throw, or wrapped in a task (even one cancelled before
# it ran), nor for an expression statement that only reads a variable
# holding one (it is still referenced).
import asyncio


async def job(n):
    return n


async def main():
    print(await job(1))
    c = job(2)
    c.close()
    print("closed")
    c = job(3)
    try:
        c.send(None)
    except StopIteration as e:
        print("sent, returned", e.value)
    c = job(4)
    try:
        c.throw(ValueError("boom"))
    except ValueError as e:
        print("thrown", e)
    t = asyncio.create_task(job(5))
    print(await t)
    t = asyncio.create_task(job(6))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before it ran")
    print(await asyncio.gather(job(7), job(8)))
    held = job(9)
    held
    print(await held)
    box = [job(10)]
    box[0]
    print(await box[0])
    await asyncio.wait_for(job(11), 1)
    print("done")


asyncio.run(main())
