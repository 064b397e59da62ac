def a(x):
    def b(y):
        def c(z):
            return x + y + z
        return c
    return b


print(a(1)(2)(3))


def make(x):
    x += 1
    return lambda: x


print(make(10)())


def unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1


unbound()
