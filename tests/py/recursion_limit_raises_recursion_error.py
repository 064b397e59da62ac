def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(900))


class Loop:
    def __repr__(self):
        return repr(self)


try:
    repr(Loop())
except RecursionError as e:
    print("caught nested", type(e).__name__)
print("still alive")
