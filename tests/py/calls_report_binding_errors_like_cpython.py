def f(x, y):
    return x + y


def g(a, *, k):
    return a


def h(a, b=1, /, c=2):
    return a


def one():
    return 1


cases = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, z=2),
    lambda: f(1, x=2),
    lambda: g(1),
    lambda: g(1, 2),
    lambda: one(1),
    lambda: h(a=1),
    lambda: h(),
    lambda: g(),
    lambda: f(1, 2, **{"x": 3}),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
