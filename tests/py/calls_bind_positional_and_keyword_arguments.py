def f(a, b, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))


print(f(1, 2, d=4))
print(f(1, 2, 30, 40, 50, d=4, z=9))
print(f(b=2, a=1, d=0, e=1, y=2))
print(f(*[1, 2, 3, 4], **{"d": 7, "q": 8}))


def pos_only(a, b, /, c):
    return a + b + c


print(pos_only(1, 2, c=3), pos_only(1, 2, 3))
