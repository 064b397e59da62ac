def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally in generator")


it = g()
print(next(it))
it.close()
print("closed")


def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2


x = ignore()
next(x)
try:
    x.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1


c = counter()
print(next(c), c.send(None), c.send(None), c.send("reset"), c.send(None))
