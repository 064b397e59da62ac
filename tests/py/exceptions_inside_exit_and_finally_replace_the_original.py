class Bad:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise KeyError("from exit")


try:
    with Bad():
        raise ValueError("body")
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))


def f():
    try:
        raise ValueError("first")
    finally:
        return "finally wins"


print(f())
try:
    try:
        raise ValueError("a")
    finally:
        print("cleanup runs")
except ValueError as e:
    print("still", e)
