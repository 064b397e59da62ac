def show(*args, **kwargs):
    return args, sorted(kwargs.items())


t = (1, 2)
d = {"a": 1}
print(show(*t, 3, *[4], **d, b=2))
print(show(*range(3)))
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print(e)
try:
    show(*5)
except TypeError as e:
    print(e)
try:
    show(**[1])
except TypeError as e:
    print(e)
