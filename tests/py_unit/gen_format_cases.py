#!/usr/bin/env python3
"""Expectations for format_spec_test.cpp, computed by CPython 3.11.

Run from the repository root: python3 tests/py_unit/gen_format_cases.py
It rewrites the block between the GENERATED markers in format_spec_test.cpp.
"""
import math
import random
import struct

rng = random.Random(2718281828)
PATH = "tests/py_unit/format_spec_test.cpp"


def bits(x):
    return "0x%016xull" % struct.unpack("<Q", struct.pack("<d", x))[0]


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


def hx(n):
    """Ints travel as hex: decimal text of 10**5000 would hit the digit limit."""
    return format(n, "x") if n >= 0 else "-" + format(-n, "x")


def outcome(f):
    """(expected text, or None) and (error 'Kind: message', or None)."""
    try:
        text = f()
        text.encode("utf-8")  # a lone surrogate from %c has no UTF-8: UnicodeEncodeError, skipped
        if "\0" in text:
            raise UnicodeError("NUL does not fit a C string")
        return c_str(text), "nullptr"
    except UnicodeError:
        raise
    except (ValueError, OverflowError, TypeError) as e:
        return "nullptr", c_str(type(e).__name__ + ": " + str(e))


def random_spec(types):
    parts = []
    r = rng.random()
    if r < 0.25:
        parts.append(rng.choice(["*", "0", "é", " ", "x", "_"]) + rng.choice("<>=^"))
    elif r < 0.45:
        parts.append(rng.choice("<>=^"))
    if rng.random() < 0.35:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.08:
        parts.append("z")
    if rng.random() < 0.25:
        parts.append("#")
    if rng.random() < 0.25:
        parts.append("0")
    if rng.random() < 0.6:
        parts.append(str(rng.choice([1, 5, 8, 10, 12, 20, 25, 40])))
    if rng.random() < 0.3:
        parts.append(rng.choice([",", "_", ",", "_", ",_"]))
    if rng.random() < 0.3:
        parts.append("." + str(rng.choice([0, 1, 2, 3, 6, 10, 17, 25])))
    if rng.random() < 0.9:
        parts.append(rng.choice(types))
    return "".join(parts)


def random_int():
    r = rng.random()
    if r < 0.5:
        v = rng.randrange(0, 10 ** rng.randrange(1, 19))
    elif r < 0.6:
        v = rng.choice([0, 1, 65, 0x10FFFF, 0x110000, 2**63 - 1])
    else:
        v = rng.getrandbits(rng.randrange(60, 300))
    return -v if rng.random() < 0.4 else v


def int_rows():
    fixed = [(1234, "010,"), (1234, "08,"), (-1234, "010,"), (255, "#x"), (255, "#X"), (255, "#010x"),
             (-255, "#010b"), (10**5, "_x"), (10**5, "_b"), (10**5, "_o"), (10**5, "_d"), (1, ",x"),
             (65, "c"), (0x1F600, "c"), (65, "+c"), (65, "#c"), (-1, "c"), (0x110000, "c"), (1, ".2d"),
             (1, "z"), (1, "abc"), (1, ",_"), (1, "_,"), (1234567, "n"), (1234567, ",n"), (1, "s"),
             (5, "=^10"), (5, "é^9"), (12345, ".2e"), (12345, "%"), (10**400, "e"), (10**400, "x"),
             (10**5000, "d"), (10**5000, "x"), (-(2**63), "d"), (42, "0"), (42, "00"), (42, ""),
             (123456789, "_"), (-5, " 05"), (5, "<05"), (5, "^05"), (1, "9999999999999999999999"),
             (1, "\u00e9"), (1, "\x01"), (7, "#o"), (7, "#b"), (0, "#x"), (1, "."), (1, "=10")]
    cases = fixed + [(random_int(), random_spec("bcdoxXn" * 3 + "eEfFgG%" + "sq")) for _ in range(1400)]
    out = []
    for v, spec in cases:
        try:
            text, err = outcome(lambda: format(v, spec))
        except UnicodeError:
            continue
        out.append("    {%s, %s, %s, %s}," % (c_str(hx(v)), c_str(spec), text, err))
    return out


def random_float():
    r = rng.random()
    if r < 0.4:
        return rng.uniform(-1e6, 1e6)
    if r < 0.6:
        return float("%de%d" % (rng.randrange(1, 10 ** rng.randrange(1, 17)), rng.randrange(-25, 25)))
    if r < 0.7:
        return rng.choice([0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1e16, 1e-5, -0.001, 0.5])
    while True:
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(x) and abs(x) < 1e30:
            return x


def float_rows():
    fixed = [(1e16, ""), (1.0, ""), (1234.5, ","), (1234.5, ".2"), (100.0, ".3"), (-0.0, "z.1f"),
             (-0.0001, "z.2f"), (1.5, "d"), (1.0, "#"), (1.0, "n,"), (float("inf"), "010"),
             (float("nan"), "+"), (-1234.5678, "=+15,.2f"), (0.25, "%"), (0.25, ".0%"), (1e100, ",f"),
             (12345.678, "_.1f"), (1.0, "_g"), (1.0, "c"), (1.0, ".1000f"), (123.0, "g"), (123.0, "#g"),
             (1e-7, ""), (1e-7, ".3"), (3.0, "x"), (2.5, "^+11.3e"), (-1.0, "0=12,.1f")]
    cases = fixed + [(random_float(), random_spec("eEfFgGn%" * 2 + "   " + "dxs")) for _ in range(1400)]
    out = []
    for v, spec in cases:
        text, err = outcome(lambda: format(v, spec))
        out.append("    {%s, %s, %s, %s}," % (bits(v), c_str(spec), text, err))
    return out


def str_rows():
    fixed = [("abc", "+"), ("abc", " "), ("abc", "z"), ("abc", "#"), ("abc", "="), ("abc", "=5"),
             ("abc", ",s"), ("abc", "05"), ("abc", ">05"), ("héllo", "*^11.3"), ("héllo", ".2"),
             ("ab", "d"), ("ab", ""), ("ab", "s"), ("ab", "10"), ("ab", ">10"), ("ab", "^9"),
             ("ab", "é<6"), ("", ".0"), ("abc", ".0")]
    cases = list(fixed)
    for _ in range(200):
        s = rng.choice(["", "a", "hello", "héllo wörld", "日本語", "x" * 30])
        cases.append((s, random_spec("s" * 8 + "d")))
    out = []
    for v, spec in cases:
        text, err = outcome(lambda: format(v, spec))
        out.append("    {%s, %s, %s, %s}," % (c_str(v), c_str(spec), text, err))
    return out


def random_percent():
    flags = "".join(rng.choice("-+ #0") for _ in range(rng.choice([0, 0, 1, 1, 2, 3])))
    width = str(rng.choice([1, 4, 8, 12, 20])) if rng.random() < 0.5 else ""
    prec = "." + str(rng.choice([0, 1, 2, 3, 6, 12])) if rng.random() < 0.4 else ""
    if rng.random() < 0.05:
        prec = "."
    return "%" + flags + width + prec + rng.choice("diuoxXeEfFgGcsra")


def percent_rows():
    fixed = [("%5.2f", 3.14159), ("%d", 3.7), ("%x", 3.5), ("%c", 65), ("%#o", 8), ("%#x", 255),
             ("%+.3e", 1), ("%s", 1.5), ("%r", 1.5), ("%05d", -3), ("%-5d", 3), ("% d", 3), ("%.3d", 3),
             ("%#.3g", 1), ("%#x", -255), ("%#06x", 255), ("%-+05d", 3), ("%c", 1.5), ("%c", 0x110000),
             ("%d", float("inf")), ("%d", float("nan")), ("%e", 10**400), ("%d", 10**5000), ("%x", 10**50),
             ("%.2s", 12345), ("%10.3s", -1.5), ("%hd", 5), ("%ld", 5), ("%.0f", 0.5), ("%.0f", 1.5),
             ("%#.0f", 1.0), ("%#.0e", 1.0), ("%g", 1e-5), ("%g", 123456789.0), ("%.f", 2.5),
             ("%08.3f", -3.14159), ("%+08.3f", 3.14159), ("% 08.3f", 3.14159), ("%X", 3054),
             ("%#X", 3054), ("%o", -8), ("%i", True), ("%u", -7), ("%010.4e", -12345.678),
             ("%-10x|", 255), ("%F", float("inf")), ("%f", float("-inf")), ("%010f", float("nan")),
             ("%e", 2**63 + 1), ("%d", 2**63), ("%y", 5), ("%5", 5)]
    cases = list(fixed)
    for _ in range(500):
        v = rng.choice([random_int(), random_int(), random_float()])
        if isinstance(v, float) and math.isnan(v):
            v = 1.25
        cases.append((random_percent(), v))
    out = []
    for spec, v in cases:
        try:
            text, err = outcome(lambda: spec % (v,))
        except UnicodeError:
            continue
        if isinstance(v, float):
            kind, value = "'f'", c_str("%016x" % struct.unpack("<Q", struct.pack("<d", v))[0])
        else:
            kind, value = "'i'", c_str(hx(int(v)))
        out.append("    {%s, %s, %s, %s, %s}," % (c_str(spec), kind, value, text, err))
    return out


def table(name, rows):
    return ["constexpr %s[] = {" % name] + rows + ["};", ""]


def main():
    lines = ["// BEGIN GENERATED by gen_format_cases.py -- do not edit by hand"]
    lines += table("IntCase kInts", int_rows())
    lines += table("FloatCase kFloats", float_rows())
    lines += table("StrCase kStrs", str_rows())
    lines += table("PercentCase kPercents", percent_rows())
    lines.append("// END GENERATED")
    src = open(PATH).read()
    head, rest = src.split("// BEGIN GENERATED", 1)
    _, tail = rest.split("// END GENERATED\n", 1)
    open(PATH, "w").write(head + "\n".join(lines) + "\n" + tail)


main()
