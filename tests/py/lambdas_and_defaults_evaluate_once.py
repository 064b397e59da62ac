def f(x, acc=[]):
    acc.append(x)
    return acc


print(f(1), f(2))
sq = lambda v: v * v
print(sq(7), sorted([3, 1, 2], key=lambda v: -v))
