#!/usr/bin/env python3
"""Expectations for float_format_test.cpp, computed by CPython 3.11.

Run from the repository root: python3 tests/py_unit/gen_float_cases.py
It rewrites the block between the GENERATED markers in float_format_test.cpp.
"""
import math
import random
import struct

rng = random.Random(31415926)
PATH = "tests/py_unit/float_format_test.cpp"


def bits(x):
    return "0x%016xull" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def c_str(s):
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append('\\x%02x""' % b)
    return '"' + "".join(out) + '"'


def random_double():
    kind = rng.random()
    if kind < 0.3:
        while True:
            x = from_bits(rng.getrandbits(64))
            if math.isfinite(x):
                return x
    if kind < 0.6:  # short decimals: the common case for repr
        digits = rng.randrange(1, 18)
        mant = rng.randrange(10 ** (digits - 1), 10 ** digits)
        return float("%de%d" % (mant, rng.randrange(-30, 30))) * rng.choice([1, -1])
    if kind < 0.75:
        return math.ldexp(1.0, rng.randrange(-1074, 1024)) * rng.choice([1, -1])
    if kind < 0.9:
        return rng.uniform(-1e6, 1e6)
    return float("%de%d" % (rng.randrange(1, 10 ** 17), rng.choice([-324, -320, -310, 290, 300, 308])))


def repr_rows():
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2 + 0.1, 1e16, 1e-5, 1e-4, 0.0001, 123.0, 1.5e300, 5e-324,
            1.7976931348623157e308, 2.2250738585072014e-308, 1e15, 1e17, 9999999999999998.0,
            123456789012345678.0, 2.0 ** 63, 1 / 3, 2 / 3, 100.0, 1e22, 1e23, 4.35, 0.3, 2.675,
            float("inf"), float("-inf"), float("nan"), 9.007199254740993e15, 5e-310]
    while len(vals) < 3000:
        x = random_double()
        if x not in vals:
            vals.append(x)
    return ["    {%s, %s}," % (bits(v), c_str(repr(v))) for v in vals]


def layout_rows():
    out = []
    specials = [(1234.5, 'g', 2, False, False, True, False), (100.0, 'g', 3, False, False, True, False),
                (0.0001, 'g', 6, True, False, False, False), (-0.0, 'f', 1, False, False, False, True),
                (-0.001, 'f', 2, False, False, False, True), (1e300, 'f', 2, False, False, False, False),
                (5e-324, 'e', 30, False, False, False, False), (0.5, 'f', 0, False, False, False, False),
                (2.5, 'f', 0, True, False, False, False), (float('inf'), 'F', 2, False, True, False, False),
                (float('nan'), 'G', 2, False, True, False, False), (1.0, 'e', 0, True, False, False, False),
                (123.456, 'f', 30, False, False, False, False), (0.1, 'e', 60, False, False, False, False)]
    cases = list(specials)
    while len(cases) < 900:
        x = random_double()
        code = rng.choice("eEfFgG")
        if code in "fF" and abs(x) > 1e25 and rng.random() < 0.8:
            x = rng.uniform(-1e5, 1e5)
        prec = rng.choice([0, 1, 2, 3, 5, 6, 10, 15, 16, 17, 20, rng.randrange(0, 40)])
        dot0 = code == 'g' and rng.random() < 0.3
        cases.append((x, code, prec, rng.random() < 0.2, rng.random() < 0.2, dot0, rng.random() < 0.15))
    for x, code, prec, alt, sign, dot0, z in cases:
        spec = ("+" if sign else "") + ("z" if z else "") + ("#" if alt else "") + ".%d" % prec + ("" if dot0 else code)
        expected = format(x, spec)
        out.append("    {%s, '%s', %d, %s, %s, %s, %s, %s}," % (
            bits(x), code, prec, str(alt).lower(), str(sign).lower(), str(dot0).lower(), str(z).lower(),
            c_str(expected)))
    return out


def round_rows():
    cases = [(2.675, 2), (0.5, 0), (1.5, 0), (2.5, 0), (-0.5, 0), (1234.5, -2), (1250.0, -2), (1350.0, -2),
             (-0.001, 2), (5e-324, 323), (5e-324, 324), (1.7976931348623157e308, -308),
             (1.7976931348623157e308, -307), (1e300, -301), (0.0, 3), (-0.0, 3), (123.456, 400),
             (123.456, -400), (-123.456, -400), (0.125, 2), (0.375, 2), (1e-320, 322), (5000.0, -4),
             (15000.0, -4), (float("inf"), 2), (float("-inf"), -2), (2.0 ** 60 + 2 ** 8, -2)]
    while len(cases) < 600:
        x = random_double()
        nd = rng.choice([rng.randrange(-5, 20), rng.randrange(-320, 330)])
        cases.append((x, nd))
    out = []
    for x, nd in cases:
        try:
            out.append("    {%s, %d, %s, false}," % (bits(x), nd, bits(round(x, nd))))
        except OverflowError as e:
            assert str(e) == "rounded value too large to represent"
            out.append("    {%s, %d, 0, true}," % (bits(x), nd))
    return out


def parse_rows():
    texts = ["0", "-0", "1.5", " 1.5 ", "\t-2.5e10\n", "1_0.5", "1._5", "1_.5", "1e1_0", "1e_10", "1e10_",
             ".5", "5.", ".", "-.5e-3", "inf", "-Infinity", "+iNf", "nan", "-NaN", "nan(1)", "infinit",
             "0x1p3", "1e500", "-1e500", "1e-400", "2.4703282292062328e-324", "1,5", "", " ", "x", "1 2",
             "--1", "+-1", "1e", "1e+", "e5", "_1", "1_", "1__0", "\u00a01.25\u3000", "0.1", "1" * 400,
             "4.9406564584124654e-324", "1.7976931348623157e308", "1.7976931348623159e308",
             "0_0.0_0e0_0", "00012", "1.e5", "12345678901234567890123", "'", "x" * 300]
    out = []
    for t in texts:
        try:
            v = float(t)
            out.append("    {%s, %s, nullptr}," % (c_str(t), bits(v)))
        except ValueError as e:
            out.append("    {%s, 0, %s}," % (c_str(t), c_str(str(e))))
    return out


def table(name, rows):
    return ["constexpr %s[] = {" % name] + rows + ["};", ""]


def main():
    lines = ["// BEGIN GENERATED by gen_float_cases.py -- do not edit by hand"]
    lines += table("ReprCase kReprs", repr_rows())
    lines += table("LayoutCase kLayouts", layout_rows())
    lines += table("RoundCase kRounds", round_rows())
    lines += table("ParseCase kParses", parse_rows())
    lines.append("// END GENERATED")
    src = open(PATH).read()
    head, rest = src.split("// BEGIN GENERATED", 1)
    _, tail = rest.split("// END GENERATED\n", 1)
    open(PATH, "w").write(head + "\n".join(lines) + "\n" + tail)


main()
