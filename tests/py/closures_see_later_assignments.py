def outer():
    def get():
        return x
    x = 1
    first = get()
    x = 2
    return first, get()


print(outer())


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n
    return inc


c = counter()
c()
c()
print(c(), c.__closure__[0].cell_contents)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
