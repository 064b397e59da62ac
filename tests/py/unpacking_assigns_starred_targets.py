a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
h, *mid, t = range(5)
print(first, rest, init, last, h, mid, t)
(x, y), z = (1, 2), 3
print(x, y, z)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2}, (*[1], 2))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
for i, (k, v) in enumerate({"x": 1}.items()):
    print(i, k, v)
