# enum: Enum, IntEnum, StrEnum, Flag, auto, unique, lookups and their errors.
import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

    def describe(self):
        return f"{self.name} has value {self.value}"

    @classmethod
    def favourite(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), str(Color.GREEN), f"{Color.BLUE}", format(Color.RED, ">12") + "|")
print(Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED, Color.CRIMSON)
print(list(Color), len(Color), list(reversed(Color)))
print([m.name for m in Color], Color.__members__.keys(), list(Color.__members__))
print(Color(2), Color["BLUE"], Color(1) is Color.RED, Color.GREEN.describe(), Color.favourite())
print(type(Color.RED), type(Color), isinstance(Color.RED, Color), Color.RED in Color)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, Color.RED is not Color.GREEN)
print({Color.RED: "r", Color.GREEN: "g"}[Color.CRIMSON], hash(Color.RED) == hash("RED"))
print(sorted(Color, key=lambda c: c.value, reverse=True))
print(Color, Color.__name__, Color.RED.__class__.__name__)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color("red")
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Color.RED
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError:", e)
try:
    class MoreColors(Color):
        PINK = 4
except TypeError as e:
    print("TypeError:", e)
try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError:", e)
try:
    @unique
    class Dup(Enum):
        ONE = 1
        UNO = 1
except ValueError as e:
    print("ValueError:", e)


class Weekday(Enum):
    MONDAY = auto()
    TUESDAY = auto()
    WEDNESDAY = auto()


print(list(Weekday), Weekday.TUESDAY.value)


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(Priority.HIGH, repr(Priority.HIGH), f"{Priority.LOW}", Priority.LOW + 1, Priority.HIGH > Priority.MEDIUM)
print(Priority.MEDIUM == 5, Priority(10), sorted([Priority.HIGH, Priority.LOW, 3]), int(Priority.MEDIUM))
print(isinstance(Priority.LOW, int), [p.name for p in Priority], Priority["LOW"] * 3)


class Mode(StrEnum):
    READ = auto()
    WRITE = "w"


print(Mode.READ, repr(Mode.READ), Mode.WRITE.upper(), Mode("w"), Mode.READ == "read", "-".join(Mode))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH, Planet.EARTH.value, round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY.mass)


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(Perm), bool(Perm(0)), repr(Perm(0)))
print(repr(~Perm.R), rw & Perm.W, list(rw), Perm(7))


class Status(IntFlag):
    ON = 1
    READY = 2


print(Status.ON | Status.READY, repr(Status.ON | Status.READY), Status.ON | 8, Status.READY == 2)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal.__module__)
Shape = Enum("Shape", [("SQUARE", 4), ("TRIANGLE", 3)])
print(Shape(3), Shape.SQUARE.value)


class Lenient(Enum):
    YES = "y"
    NO = "n"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls(value.lower()[0])
        return None


print(Lenient("YES"), Lenient("No"))
try:
    Lenient(3)
except ValueError as e:
    print("ValueError:", e)

match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green")
print(enum.Enum, enum.IntEnum, type(Color).__name__, enum.EnumMeta is enum.EnumType)
