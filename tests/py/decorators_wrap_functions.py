def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper


def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco


@trace
def add(a, b=0):
    return a + b


@repeat(3)
def hi(x):
    return "hi " + x


print(add(1, b=2), hi("there"))
