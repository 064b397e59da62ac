# asyncio.Event: runners wait at the line until the starter fires;
# event.set() wakes every waiter at once.
import asyncio


async def runner(name, gun):
    print(f"{name} is waiting for the starting gun")
    await gun.wait()
    print(f"{name} is off!")


async def starter(gun):
    await asyncio.sleep(1)
    print("Bang!")
    gun.set()


async def main():
    gun = asyncio.Event()
    runners = [asyncio.create_task(runner(name, gun))
               for name in ("Ann", "Bob", "Cid")]
    await starter(gun)
    await asyncio.gather(*runners)
    print(f"gun.is_set(): {gun.is_set()}")


asyncio.run(main())
