g = 0


def setg():
    global g
    g = 10


setg()
print(g)


def outer():
    x = 1

    def mid():
        def inner():
            nonlocal x
            x += 100
        inner()
    mid()
    return x


print(outer())
try:
    def f():
        print(unknown_global)
    f()
except NameError as e:
    print(e)


def local_before():
    try:
        print(y)
    except UnboundLocalError as e:
        print(e)
    y = 1


local_before()
