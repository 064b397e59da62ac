class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.swallow


with CM("a") as x:
    print("inside", x)
with CM("b", swallow=True):
    raise ValueError("swallowed")
try:
    with CM("c"), CM("d"):
        raise KeyError("k")
except KeyError as e:
    print("escaped", repr(e))


def ret():
    with CM("r"):
        return "value"


print(ret())
