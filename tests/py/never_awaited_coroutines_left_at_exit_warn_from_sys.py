# Coroutines never started that are still referenced when the program ends
# are reported at shutdown, with no frame: "sys:1: RuntimeWarning: ...",
# without the source line or the tracemalloc hint, once per name.
async def fetch():
    pass


async def store():
    pass


first = fetch()
second = store()
third = fetch()
pending = [fetch(), store()]
print("program ends")
