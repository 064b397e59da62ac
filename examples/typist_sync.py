# The typist again ("AsyncIO In Depth", expLog), the far more boring
# synchronous version: time.sleep blocks, there is no event loop at all.
# Not seeded (nor is the original): only the pauses differ between runs.
import random
import time

def sync_hello_world():
    for ch in "Hello, world!":
        x = max(0, random.gauss(.08, .03))
        time.sleep(x)
        print(ch, end="", flush=True)
    print()

sync_hello_world()
