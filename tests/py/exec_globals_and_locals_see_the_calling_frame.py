x = 10


def f(a, b=2):
    c = a + b
    return sorted(locals().items())


print(f(1))
print(globals()["x"], "f" in globals())
ns = {}
exec("y = x * 2 if 'x' in dir() else 5\nz = y + 1", ns)
print(ns["y"], ns["z"])
exec("w = 3")
print(w)
