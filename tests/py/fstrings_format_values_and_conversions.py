name = "corio"
n = 42
pi = 3.14159
print(f"{name!r} {name:>8} {n:05d} {pi:.2f} {n=} {n:#x} {n!s:>4}")
print(f"{'a' + 'b'} {[1, 2]} {{braces}} {n * 2:,}")
width = 7
print(f"[{name:^{width}}]")


class R:
    def __format__(self, spec):
        return "R:" + spec

    def __repr__(self):
        return "R()"


print(f"{R():abc} {R()!r} {R()}")
