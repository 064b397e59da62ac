class C:
    a = 1
    b = a + 1
    items = [i for i in range(3)]
    try:
        hidden = [a for _ in range(1)]
    except NameError as e:
        hidden = str(e)

    def m(self):
        return C.b


print(C.a, C.b, C.items, C().m())


def make():
    v = "enclosed"

    class Inner:
        w = v

        def get(self):
            return v
    return Inner


I = make()
print(I.w, I().get(), I.__qualname__)
