# asyncio.Lock: three deposits read the balance, talk to the bank (an
# await, where other tasks run), then write the balance back. Without the
# lock they overwrite each other's update; with it they take turns.
import asyncio

balance = 0


async def deposit(who, amount):
    global balance
    current = balance           # read
    await asyncio.sleep(0.1)    # talk to the bank: other tasks run now
    balance = current + amount  # write back
    print(f"{who} deposited {amount}, balance is {balance}")


async def locked_deposit(lock, who, amount):
    async with lock:
        await deposit(who, amount)


async def main():
    global balance
    print("Without a lock:")
    await asyncio.gather(*(deposit(f"task {i}", 100) for i in range(3)))
    print(f"final balance: {balance} (expected 300)")

    balance = 0
    lock = asyncio.Lock()
    print("With a lock:")
    await asyncio.gather(*(locked_deposit(lock, f"task {i}", 100)
                           for i in range(3)))
    print(f"final balance: {balance} (expected 300)")


asyncio.run(main())
