class A:
    def __init__(self, x, y=2):
        self.x = x + y
print(A(1).x, A(1, y=5).x)
class B(A):
    pass
print(B(3).x)
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print(e)
try:
    A()
except TypeError as e:
    print(e)
class L(list):
    def __init__(self, *a):
        super().__init__(a)
print(L(1, 2))
class N:  # a __new__ of its own
    def __new__(cls, *a):
        o = super().__new__(cls)
        o.made = True
        return o
    def __init__(self, v):
        self.v = v
n = N(4); print(n.made, n.v)
class E(Exception):
    def __init__(self, m):
        super().__init__("E:" + m)
print(E("x"))
class G:
    def __init__(self):
        yield 1
try:
    G()
except TypeError as e:
    print(e)
