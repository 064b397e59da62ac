class Money:
    def __init__(self, cents):
        self._cents = cents

    @property
    def dollars(self):
        return self._cents / 100

    @dollars.setter
    def dollars(self, v):
        self._cents = round(v * 100)

    def __add__(self, o):
        return Money(self._cents + o._cents)

    def __lt__(self, o):
        return self._cents < o._cents

    def __eq__(self, o):
        return self._cents == o._cents

    def __repr__(self):
        return f"Money({self._cents})"

    def __len__(self):
        return self._cents

    def __contains__(self, x):
        return x == 1

    def __getitem__(self, i):
        return i * 2

    def __call__(self, *a):
        return a


m = Money(150)
m.dollars = 2.5
print(m.dollars, m + Money(5), sorted([Money(3), Money(1)]), Money(1) == Money(1))
print(len(m), 1 in m, m[21], m(1, 2), Money(1) != Money(2), max(Money(5), Money(9)))


class Slots:
    @staticmethod
    def s(x):
        return x + 1

    @classmethod
    def c(cls):
        return cls.__name__


print(Slots.s(1), Slots().s(2), Slots.c(), Slots().c())
