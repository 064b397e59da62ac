#!/usr/bin/env python3
"""Expectations for bigint_test.cpp, computed by CPython 3.11 (the oracle).

Run from the repository root: python3 tests/py_unit/gen_bigint_cases.py
It rewrites the block between the GENERATED markers in bigint_test.cpp.
"""
import math
import random
import struct
import sys

sys.set_int_max_str_digits(0)
rng = random.Random(20240611)
PATH = "tests/py_unit/bigint_test.cpp"


def rand_int(max_bits):
    bits = int(2 ** rng.uniform(0, math.log2(max_bits)))
    n = rng.getrandbits(bits)
    if rng.random() < 0.2:  # runs of ones and zeros stress carries and borrows
        n = (1 << bits) - 1 - (rng.getrandbits(bits) if rng.random() < 0.3 else 0)
    return -n if rng.random() < 0.5 else n


def hx(n):
    return '"%s"' % (format(n, 'x') if n >= 0 else '-' + format(-n, 'x'))


def dbits(x):
    return "0x%016xull" % struct.unpack("<Q", struct.pack("<d", x))[0]


def arithmetic_rows():
    pairs = [(0, 1), (1, -1), (-1, 1), (7, -2), (-7, 2), (-7, -2), (2**64, 2**32),
             (-(2**63), -1), (2**96 - 1, 2**32 + 1), (-(2**200), 3), (10**30, 7)]
    while len(pairs) < 260:
        a, b = rand_int(1200), rand_int(900)
        if rng.random() < 0.15:
            b = rand_int(64)  # single- and double-limb divisors
        pairs.append((a, b))
    pairs += [(rand_int(4000) | 1 << 3999, rand_int(3000) | 1 << 2999) for _ in range(4)]
    out = []
    for a, b in pairs:
        if b == 0:
            b = 1
        cmp = (a > b) - (a < b)
        out.append("    {%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %d, %d}," % (
            hx(a), hx(b), hx(a + b), hx(a - b), hx(a * b), hx(a // b), hx(a % b),
            hx(a & b), hx(a | b), hx(a ^ b), cmp, a.bit_length()))
    return out


def shift_rows():
    out = []
    for _ in range(120):
        a = rand_int(600)
        n = rng.choice([0, 1, 31, 32, 33, 63, 64, 65, rng.randrange(0, 700)])
        out.append("    {%s, %d, %s, %s, %s}," % (hx(a), n, hx(a << n), hx(a >> n), hx(~a)))
    return out


def decimal_rows():
    vals = [0, 1, -1, 9, 10, 999999999, 1000000000, -(10**18), 2**63, -(2**63), 2**64 - 1, 10**100]
    vals += [rand_int(3000) for _ in range(80)]
    out = []
    for v in vals:
        out.append("    {%s, \"%d\", \"%s\", \"%s\", \"%s\"}," % (
            hx(v), v, format(v, 'o').replace('o', ''), format(v, 'b'), base36(v)))
    return out


def base36(v):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s, n = "", abs(v)
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if n == 0:
            break
    assert int(s, 36) == abs(v)
    return ("-" if v < 0 else "") + s


def to_double_rows():
    vals = [2**53, 2**53 + 1, 2**53 + 2, 2**53 + 3, 2**54 + 2, 2**54 + 6, (2**53 + 1) << 100,
            ((2**53 + 1) << 100) + 1, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1023, -(2**64 - 1),
            2**64 - 1, 2**64 + 2**11, 2**64 + 2**11 + 1, 2**1024 - 2**971, 2**1024]
    for _ in range(150):
        bits = rng.randrange(50, 1030)
        v = rng.getrandbits(bits)
        if rng.random() < 0.4:  # exact ties and near-ties
            keep = 54
            v = (v >> (bits - keep)) << (bits - keep) | (1 << (bits - keep - 1) if bits > keep else 0)
            v += rng.choice([-1, 0, 0, 1])
        vals.append(-v if rng.random() < 0.5 else v)
    out = []
    for v in vals:
        try:
            out.append("    {%s, %s, false}," % (hx(v), dbits(float(v))))
        except OverflowError:
            out.append("    {%s, 0, true}," % hx(v))
    return out


def true_divide_rows():
    pairs = [(10**30, 7), (1, 3), (2, 3), (-1, 3), (0, -5), (10**400, 10**399), (1, 10**400),
             (2**1100, 2**80), (2**1023 * 3, 2), (2**1100 + 1, 2**76), (1, 2**1074), (1, 2**1075),
             (3, 2**1076), (2**1024, 2), (-(10**500), 3 * 10**180), (2**60 + 1, 2**60 - 1)]
    for _ in range(150):
        a, b = rand_int(2500), rand_int(2200)
        if b == 0:
            b = 3
        pairs.append((a, b))
    out = []
    for a, b in pairs:
        try:
            out.append("    {%s, %s, %s, false}," % (hx(a), hx(b), dbits(a / b)))
        except OverflowError:
            out.append("    {%s, %s, 0, true}," % (hx(a), hx(b)))
    return out


def hash_rows():
    vals = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), -(2**61), 2**64, -(2**64 - 1)]
    vals += [rand_int(3000) for _ in range(80)]
    return ["    {%s, %dll}," % (hx(v), hash(v)) for v in vals]


def hash_double_rows():
    vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.0**61, 2.0**-61, 1e308, 5e-324, -5e-324, 0.1,
            float('inf'), float('-inf'), 3.14159, 2.0**60 * 3, -2.0**1000]
    for _ in range(150):
        bits = rng.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if math.isnan(x):
            continue
        vals.append(x)
    return ["    {%s, %dll}," % (dbits(v), hash(v)) for v in vals]


def from_double_rows():
    vals = [0.0, -0.0, 0.9, -0.9, 1.5, -1.5, 2.0**63, -(2.0**63), 2.0**64, 1e300, -1e300,
            1.7976931348623157e308, 123456789.987, 9007199254740993.0]
    for _ in range(60):
        bits = rng.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if math.isfinite(x):
            vals.append(x)
    return ["    {%s, %s}," % (dbits(v), hx(int(v))) for v in vals]


def pow_rows():
    out = []
    for _ in range(40):
        a, e = rand_int(200), rng.randrange(0, 40)
        out.append("    {%s, %d, %s}," % (hx(a), e, hx(a ** e)))
    return out


def pow_mod_rows():
    out = []
    cases = [(2, 10, 1000), (-2, 3, 7), (2, 3, -7), (3, -1, 7), (3, -2, -7), (0, 0, 1), (5, 0, -3),
             (-3, 5, 10**20 + 39)]
    for _ in range(60):
        m = rand_int(500) or 7
        cases.append((rand_int(600), abs(rand_int(300)) if rng.random() < 0.8 else -rng.randrange(1, 4), m))
    for a, e, m in cases:
        try:
            out.append("    {%s, %s, %s, %s}," % (hx(a), hx(e), hx(m), hx(pow(a, e, m))))
        except ValueError:
            out.append("    {%s, %s, %s, nullptr}," % (hx(a), hx(e), hx(m)))
    return out


def c_string(s):
    return '"' + s.encode("utf-8").decode("latin-1").encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


def c_str_utf8(s):
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c == '"' or c == '\\':
            out.append('\\' + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append('\\x%02x""' % b)  # split the literal so hex escapes end
    return '"' + "".join(out) + '"'


def from_string_rows():
    texts = [("0", 10), ("-0", 10), ("  42  ", 10), ("\t+17\n", 10), ("1_000_000", 10), ("0x_1f", 0),
             ("0x_1f", 16), ("0X1F", 0), ("0o17", 0), ("0b101", 0), ("0b101", 2), ("0b1", 16),
             ("ZZ", 36), ("zz", 36), ("10", 2), ("777", 8), ("00", 0), ("0_0", 0), ("010", 0),
             ("010", 10), ("_1", 10), ("1_", 10), ("1__0", 10), ("", 10), ("   ", 10), ("+", 10),
             ("- 1", 10), ("1 2", 10), ("abc", 10), ("12", 37), ("12", 1), ("0x", 16), ("0x", 0),
             ("0b2", 0), ("9", 8), ("'", 10), ("it's \"x\"\n", 10), ("\u00a012\u3000", 10),
             ("\u00e9", 10), ("a" * 300, 10), ("-123456789012345678901234567890", 10),
             ("1" * 4300, 10), ("1" * 4301, 10), ("1_" * 4400 + "1", 10), ("1" * 5000 + "x", 10),
             ("1" * 5000 + "_", 10), ("1" * 5000, 7), ("1" * 5000, 16), ("0x" + "f" * 5000, 0),
             ("0" * 5000, 10), ("+0_7", 10), ("0o_7", 8)]
    out = []
    sys.set_int_max_str_digits(4300)  # CPython's default, which BigInt also defaults to
    for text, base in texts:
        try:
            v = int(text, base)
            out.append("    {%s, %d, %s, nullptr}," % (c_str_utf8(text), base, hx(v)))
        except ValueError as e:
            out.append("    {%s, %d, nullptr, %s}," % (c_str_utf8(text), base, c_str_utf8(str(e))))
    sys.set_int_max_str_digits(0)
    return out


def perf_rows():
    big = 2**100000 * 3**60000
    return ["constexpr int64_t kHashOfProduct = %dll;  // hash(2**100000 * 3**60000)" % hash(big),
            "constexpr int64_t kHashOf7Pow20000 = %dll;  // hash(7**20000)" % hash(7**20000),
            "constexpr const char* kDecimalOf3Pow9000Head = \"%s\";" % str(3**9000)[:30],
            "constexpr const char* kDecimalOf3Pow9000Tail = \"%s\";" % str(3**9000)[-30:],
            "constexpr size_t kDecimalOf3Pow9000Size = %d;" % len(str(3**9000))]


def table(name, rows):
    return ["constexpr %s[] = {" % name] + rows + ["};", ""]


def main():
    lines = ["// BEGIN GENERATED by gen_bigint_cases.py -- do not edit by hand"]
    lines += table("ArithmeticCase kArithmetic", arithmetic_rows())
    lines += table("ShiftCase kShifts", shift_rows())
    lines += table("TextCase kText", decimal_rows())
    lines += table("ToDoubleCase kToDouble", to_double_rows())
    lines += table("TrueDivideCase kTrueDivide", true_divide_rows())
    lines += table("HashCase kHashes", hash_rows())
    lines += table("HashDoubleCase kHashDoubles", hash_double_rows())
    lines += table("FromDoubleCase kFromDoubles", from_double_rows())
    lines += table("PowCase kPows", pow_rows())
    lines += table("PowModCase kPowMods", pow_mod_rows())
    lines += table("FromStringCase kFromStrings", from_string_rows())
    lines += perf_rows()
    lines.append("// END GENERATED")
    src = open(PATH).read()
    head, rest = src.split("// BEGIN GENERATED", 1)
    _, tail = rest.split("// END GENERATED\n", 1)
    open(PATH, "w").write(head + "\n".join(lines) + "\n" + tail)


main()
