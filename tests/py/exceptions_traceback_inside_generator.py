def gen():
    yield 1
    raise ValueError("from the generator")


for v in gen():
    print(v)
