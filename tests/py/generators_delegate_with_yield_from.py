def inner():
    x = yield "a"
    print("inner got", x)
    yield "b"
    return "inner result"


def outer():
    r = yield from inner()
    print("outer got", r)
    yield from range(2)
    return "done"


g = outer()
print(next(g), g.send("sent"), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)


def chain(*its):
    for it in its:
        yield from it


print(list(chain([1, 2], "ab", (x * x for x in range(3)))))
