def describe(x):
    match x:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case [a, b]:
            return f"pair {a} {b}"
        case [a, *rest]:
            return f"list starting {a} rest {rest}"
        case {"kind": "pt", "x": px, **others}:
            return f"point x={px} others={others}"
        case str() | bytes():
            return "text"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(xx, yy):
            return f"point {xx},{yy}"
        case _:
            return "other"


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


for v in [0, -5, [1, 2], [1, 2, 3], {"kind": "pt", "x": 1, "z": 2}, "s", Point(0, 3), Point(1, 2), 3.5]:
    print(describe(v))
