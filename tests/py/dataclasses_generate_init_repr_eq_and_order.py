# dataclasses: generated __init__/__repr__/__eq__, order, frozen,
# field(default=, default_factory=), inheritance, __post_init__, helpers.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, InitVar, FrozenInstanceError
import dataclasses
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


print(Point(1), Point(1, 2), Point(y=5, x=3), Point(1) == Point(1, 0), Point(1) == Point(2), Point(1) != Point(1))
print(Point.__init__.__qualname__, Point.__match_args__, Point.__hash__)
print(Point(1) == (1, 0), Point.__eq__(Point(1), (1, 0)))
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=3), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    price: float = field(default=1.5, repr=False)
    count: int = field(default=0, compare=False)
    tag: ClassVar[str] = "inventory"


a = Inventory("a")
b = Inventory("a")
a.items.append("apple")
print(a, b, a.items is b.items, Inventory.tag, Inventory("a", count=3) == Inventory("a"))
print([f.name for f in fields(Inventory)], fields(a)[2].default, fields(a)[1].default_factory)
print("price" in Inventory.__dict__, "items" in Inventory.__dict__)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = ""


versions = [Version(1, 2), Version(0, 9), Version(1, 2, "rc"), Version(1)]
print(sorted(versions))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), max(versions))
print(hash(Version(1, 2)) == hash((1, 2, "")), {Version(1), Version(1), Version(2)} == {Version(1), Version(2)})
try:
    Version(1).major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del Version(1).minor
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Version(1) < (1,)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Point3(Point):
    z: int = 0

    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


p3 = Point3(1, -2, 3)
print(p3, p3.norm1(), isinstance(p3, Point), Point3.__match_args__)


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list = field(default_factory=list, repr=False)
    bonus: InitVar[int] = 0

    def __post_init__(self, bonus):
        self.balance += bonus
        self.history.append(("open", self.balance))


acct = Account("ann", 10.0, bonus=5)
print(acct, acct.history, [f.name for f in fields(acct)])
print(asdict(acct), astuple(Point(3, 4)))
print(replace(Point(1, 2), y=9), replace(Version(1, 2), label="final"))
print(is_dataclass(Point), is_dataclass(Point(1)), is_dataclass(int), is_dataclass(5))
print(Point.__dataclass_params__)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: str = field(default="x", hash=False)


print(hash(Key(1)) == hash((1,)), len({Key(1), Key(1, "y")}))


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int = 1


print(Options(level=3))
try:
    Options(True)
except TypeError as e:
    print("TypeError:", e)


@dataclass(eq=False)
class Ident:
    v: int


print(Ident(1) == Ident(1), Ident.__hash__ is object.__hash__)


@dataclass
class Recursive:
    name: str
    other: "Recursive" = None


r = Recursive("r")
r.other = r
print(r)

for text in ["class A:\n    a: int = 1\n    b: int\n",
             "class B:\n    a: list = []\n",
             "class C:\n    a: int\n    def __lt__(self, o): return True\n"]:
    ns = {}
    exec(text, {"dataclass": dataclass}, ns)
    cls = list(ns.values())[0]
    try:
        dataclass(order=True)(cls)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

Pair = dataclasses.make_dataclass("Pair", [("left", int), ("right", int, field(default=0))])
print(Pair(1), Pair(1, 2) == Pair(1, 2))
try:
    fields(42)
except TypeError as e:
    print("TypeError:", e)
try:
    asdict(Point)
except TypeError as e:
    print("TypeError:", e)
match Point(0, 7):
    case Point(0, y):
        print("on the y axis at", y)
