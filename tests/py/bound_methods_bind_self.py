class C:
    def __init__(self, v):
        self.v = v

    def get(self, plus=0):
        return self.v + plus


c = C(5)
m = c.get
print(m(), m(1), C.get(c, 2), list(map(C(1).get, [10, 20])))
c.get = lambda: "instance attr"
print(c.get())
