def inner():
    yield 1
    raise StopIteration("leaked")


for v in inner():
    print(v)
