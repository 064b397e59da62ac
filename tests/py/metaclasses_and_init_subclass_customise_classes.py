class Registry(type):
    classes = []

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls


class Base(metaclass=Registry):
    subclasses = []

    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subclasses.append((cls.__name__, tag))


class A(Base, tag="a"):
    pass


class B(A):
    pass


print(Registry.classes, Base.subclasses, type(A).__name__)


class WithClassCell:
    def who(self):
        return __class__.__name__


print(WithClassCell().who())
