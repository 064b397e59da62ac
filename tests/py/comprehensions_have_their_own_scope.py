x = "outer"
print([x for x in range(3)], x)
print({k: v for k, v in zip("ab", (1, 2))})
print({n % 3 for n in range(10)})
print(list(x * y for x in range(3) for y in range(3) if x != y))
print([[i * j for j in range(3)] for i in range(3)])


def f():
    k = 10
    return [k + i for i in range(3)]


print(f())
g = (i for i in range(3))
print(next(g), list(g))
