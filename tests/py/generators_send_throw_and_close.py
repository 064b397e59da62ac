def gen():
    try:
        x = yield 1
        print("got", x)
        y = yield x * 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("cleanup")


g = gen()
print(next(g))
print(g.send(10))
print(g.throw(ValueError("boom")))
g.close()
g = gen()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("exhausted")
