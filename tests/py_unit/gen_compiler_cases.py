#!/usr/bin/env python3
"""Generates the compile-time SyntaxError expectations of
tests/py_unit/compiler_test.cpp from CPython 3.11:
compile(SRC, "<test>", "exec") and the error's msg and position.
Run with python3.11 and paste the output between the markers."""

CASES = [
    ("return outside function", "x = 1\nreturn x\n"),
    ("return in a class body", "class C:\n    return 1\n"),
    ("yield outside function", "yield 1\n"),
    ("yield in a class body", "class C:\n    x = yield\n"),
    ("yield from outside function", "yield from g\n"),
    ("await at module level", "await x\n"),
    ("await in a plain function", "def f():\n    await x\n"),
    ("await in a lambda inside an async function", "async def f():\n    return lambda: await x\n"),
    ("await in a comprehension in a plain function", "def f():\n    return [await x for x in y]\n"),
    ("async comprehension outside an async function", "def f():\n    return [x async for x in y]\n"),
    ("async for outside an async function", "def f():\n    async for x in y:\n        pass\n"),
    ("async with outside an async function", "def f():\n    async with x:\n        pass\n"),
    ("break outside loop", "break\n"),
    ("break in a function outside a loop", "def f():\n    if x:\n        break\n"),
    ("continue outside loop", "def f():\n    continue\n"),
    ("break in a loop's function body does not count", "for x in y:\n    def f():\n        break\n"),
    ("break in a finally outside a loop", "try:\n    pass\nfinally:\n    break\n"),
    ("nonlocal without a binding", "def f():\n    def g():\n        nonlocal x\n"),
    ("nonlocal at module level", "x = 1\nnonlocal x\n"),
    ("nonlocal of a module global", "x = 1\ndef f():\n    nonlocal x\n"),
    ("parameter and global", "def f(x):\n    global x\n"),
    ("parameter and nonlocal", "def f():\n    x = 1\n    def g(x):\n        nonlocal x\n"),
    ("assigned before global", "def f():\n    x = 1\n    global x\n"),
    ("used before global", "def f():\n    print(x)\n    global x\n"),
    ("used before nonlocal", "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n"),
    ("annotated global", "def f():\n    global x\n    x: int = 1\n"),
    ("duplicate argument", "def f(a, b, a):\n    pass\n"),
    ("duplicate argument in a lambda", "lambda x, *x: 0\n"),
    ("duplicate keyword-only argument", "def f(a, *, a=1):\n    pass\n"),
    ("return with value in async generator", "async def f():\n    yield 1\n    return 2\n"),
    ("yield from in an async function", "async def f():\n    yield from g()\n"),
    ("yield inside a list comprehension", "def f():\n    return [(yield x) for x in y]\n"),
    ("yield inside a generator expression", "def f():\n    return ((yield x) for x in y)\n"),
    ("import star in a function", "def f():\n    from os import *\n"),
    ("walrus rebinding a comprehension variable", "[x := 1 for x in y]\n"),
    ("walrus in a comprehension iterable", "[x for x in (y := z)]\n"),
    ("walrus in a comprehension in a class body", "class C:\n    [(y := x) for x in z]\n"),
    ("keyword argument repeated", "f(a=1, b=2, a=3)\n"),
    ("default except not last", "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n"),
    ("break in except star", "for x in y:\n    try:\n        pass\n    except* E:\n        break\n"),
    ("return in except star", "def f():\n    try:\n        pass\n    except* E:\n        return 1\n"),
    ("assign to __debug__", "__debug__ = 1\n"),
    ("multiple starred expressions in assignment", "a, *b, *c = d\n"),
    ("starred assignment target alone", "*a = b\n"),
    ("starred expression used as a value", "x = *a\n"),
    ("irrefutable pattern not last", "match x:\n    case y:\n        pass\n    case 1:\n        pass\n"),
    ("wildcard not last", "match x:\n    case _:\n        pass\n    case 1:\n        pass\n"),
    ("name bound twice in a pattern", "match x:\n    case [a, a]:\n        pass\n"),
    ("alternatives binding different names", "match x:\n    case [a] | [b]:\n        pass\n"),
    ("duplicate mapping key in a pattern", "match x:\n    case {'k': 1, 'k': 2}:\n        pass\n"),
    ("repeated attribute in a class pattern", "match x:\n    case C(a=1, a=2):\n        pass\n"),
    ("misplaced future import", "import os\nfrom __future__ import annotations\n"),
    ("unknown future feature", "from __future__ import nope\n"),
    ("future braces", "from __future__ import braces\n"),
    ("symtable errors come before compiler errors", "return 1\ndef f():\n    nonlocal q\n"),
    ("compiler error columns count bytes", "\"\u00e9\"; break\n"),
    ("symbol table error columns count bytes", "def f():\n    \"\u00e9\"; nonlocal q\n"),
]


def cpp_string(s):
    return 'R"py(' + s + ')py"'


def main():
    for title, src in CASES:
        try:
            compile(src, "<test>", "exec")
            expected = "no error"
        except SyntaxError as e:
            end_offset = 0 if e.end_offset is None else e.end_offset  # corio's 0 stands for None
            expected = "%s: %s @ %s:%s-%s:%s" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, end_offset)
        print('TEST_CASE("compile error: %s", "[compiler][syntax-error]") {' % title)
        print("  CHECK(compile_error(%s) ==" % cpp_string(src))
        print("        %s);" % cpp_string(expected))
        print("}")
        print()


if __name__ == "__main__":
    main()
