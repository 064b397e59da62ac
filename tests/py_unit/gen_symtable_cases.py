#!/usr/bin/env python3
"""Generates the expectations of tests/py_unit/symtable_test.cpp from
CPython 3.11's own symbol table (the `symtable` module).

Each block is dumped in pre-order as "<type> <name> <lineno>[ nested]", then
one line per symbol, sorted by name: "  <name> <flags> <scope>" with
CPython's DEF_* flag bits and scope number. Run with python3.11 and paste
the output between the markers in symtable_test.cpp.
"""
import symtable

CASES = [
    ("module names are implicit globals in functions", "x = 1\ndef f():\n    return x\n"),
    ("a function's assignments are locals", "def f(a, *args, b=1, **kw):\n    c = a\n    return c\n"),
    ("a captured local becomes a cell and the inner use free", "def f():\n    x = 1\n    def g():\n        return x\n    return g\n"),
    ("a captured parameter becomes a cell", "def f(x):\n    return lambda: x\n"),
    ("nonlocal binds to the enclosing function", "def f():\n    x = 0\n    def g():\n        nonlocal x\n        x += 1\n    return g\n"),
    ("global declares an explicit global", "def f():\n    global y\n    y = 2\n"),
    ("class scopes are not visible from methods", "x = 1\nclass C:\n    x = 2\n    def m(self):\n        return x\n"),
    ("super gives a method the __class__ cell", "class C(B):\n    def m(self):\n        return super().m()\n"),
    ("__class__ in a method is free and the class needs the closure", "class C:\n    def m(self):\n        return __class__\n"),
    ("free variables pass through a class", "def f():\n    x = 1\n    class C:\n        def m(self):\n            return x\n    return C\n"),
    ("a class local also free in a method is marked free-class", "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n"),
    ("a list comprehension is its own function scope", "def f(y):\n    return [x * y for x in y]\n"),
    ("nested comprehensions", "r = [[i + j for j in range(i)] for i in range(3)]\n"),
    ("a generator expression receives the outermost iterator", "g = (a for a in b if a)\n"),
    ("dict and set comprehensions", "d = {k: v for k, v in items}\ns = {e for e in items}\n"),
    ("walrus in a comprehension binds in the enclosing function", "def f(data):\n    if any((y := v) > 1 for v in data):\n        return y\n"),
    ("walrus in a module-level comprehension binds a global", "[last := n for n in range(3)]\n"),
    ("walrus in a comprehension respects an enclosing global", "def f():\n    global g\n    [g := n for n in range(3)]\n"),
    ("lambda scopes", "f = lambda a, b=2: a + b + c\n"),
    ("imports bind the first name component", "import os.path\nimport collections.abc as cabc\nfrom sys import argv as av, path\n"),
    ("exception names are locals", "def f():\n    try:\n        pass\n    except E as err:\n        return err\n"),
    ("match captures are locals", "def f(p):\n    match p:\n        case [a, *rest]:\n            return a\n        case {'k': v, **kw}:\n            return v\n        case Point(x=px) as whole:\n            return px\n"),
    ("annotations mark names annotated", "x: int = 1\ndef f(a: int) -> str:\n    y: list\n    return a\n"),
    ("private names are mangled in classes", "class C:\n    __x = 1\n    def m(self, __y):\n        return self.__x + __y\n"),
    ("deeply nested closures through lambdas", "def outer():\n    a = 1\n    def mid():\n        return lambda: a\n    return mid\n"),
    ("an async function with await and async comprehension", "async def f(src):\n    x = [i async for i in src]\n    await g(x)\n    return x\n"),
    ("default values are evaluated in the enclosing scope", "def f():\n    d = 1\n    def g(a=d):\n        return a\n    return g\n"),
    ("decorators and bases are evaluated in the enclosing scope", "def f(dec, base):\n    @dec\n    class C(base):\n        pass\n    return C\n"),
    ("global in a class", "class C:\n    global G\n    G = 1\n"),
    ("a name used before nonlocal in a nested scope of a class method", "def f():\n    v = 1\n    class C:\n        def m(self):\n            nonlocal v\n            v = 2\n    return C\n"),
    ("delete marks a name as assigned", "def f():\n    x = 1\n    del x\n"),
    ("star imports bind nothing", "from os import *\n"),
]

TYPES = {"module": "module", "class": "class", "function": "function"}


def dump(table, out):
    t = table._table
    line = "%s %s %d" % (table.get_type(), table.get_name(), table.get_lineno())
    if t.nested:
        line += " nested"
    out.append(line)
    for name in sorted(t.symbols):
        flags = t.symbols[name]
        out.append("  %s %d %d" % (name, flags & ((1 << 11) - 1), (flags >> 11) & 7))
    for child in table.get_children():
        dump(child, out)


def cpp_string(s):
    return 'R"py(' + s + ')py"'


def main():
    for title, src in CASES:
        out = []
        dump(symtable.symtable(src, "<test>", "exec"), out)
        print('TEST_CASE("symtable: %s", "[symtable]") {' % title)
        print("  CHECK(symtable_dump(%s) ==" % cpp_string(src))
        print("        %s);" % cpp_string("\n".join(out) + "\n"))
        print("}")
        print()


if __name__ == "__main__":
    main()
