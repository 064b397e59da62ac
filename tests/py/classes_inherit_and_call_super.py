class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return super().speak() + " (woof)"


class Puppy(Dog):
    kind = "puppy"

    def speak(self):
        return "small " + super().speak()


p = Puppy("Rex", "lab")
print(p.speak(), p, p.kind, Dog.kind, p.breed)
print(isinstance(p, Animal), issubclass(Puppy, Dog), Puppy.__mro__)
print(Puppy.__name__, Puppy.__qualname__, Dog.speak.__qualname__)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + super().who()


class C(A):
    def who(self):
        return "C" + super().who()


class D(B, C):
    def who(self):
        return "D" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])
