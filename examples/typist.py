# The typist ("AsyncIO In Depth", expLog): our favourite program, tweaked to
# simulate a reasonably proficient typist -- a random pause before each
# keystroke. The original is not seeded, and need not be: the pauses differ
# from run to run, but the text printed is always the same.
import asyncio
import random

async def hello_world():
    for ch in "Hello, world!":
        x = max(0, random.gauss(.08, .03))
        await asyncio.sleep(x)
        print(ch, end="", flush=True)
    print()

asyncio.run(hello_world())
