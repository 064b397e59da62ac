def f(a, b=2, *, c=3):
    "Docstring."
    return a


print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__module__)
f.attr = 5
print(f.attr, f.__dict__)


class K:
    def m(self):
        pass

    def nested(self):
        def inner():
            pass
        return inner


print(K.m.__qualname__, K().nested().__qualname__, (lambda: 0).__name__)
k = K()
bm = k.m
print(bm.__self__ is k, bm.__func__ is K.m, bm == k.m)


def ann(x: int) -> str:
    pass


print(ann.__annotations__)
