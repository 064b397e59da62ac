#!/usr/bin/env python3
"""run.py -- the interpreter benchmarks: each program run by corio and by
CPython 3.11 (this python3) in the same run, as a table.

    python3 bench/py/run.py --corio build/native/engine/cli/corio [--repeat 3]

Each row times a whole process (`corio run FILE` vs `python3 FILE`), best of
--repeat runs, wall clock; both must print the same output. The ratio is
corio / CPython (lower is better). Targets (issue 3): every row <= 1.5, and
corio faster than CPython (ratio < 1) on at least two rows.
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = [
    ("sum(i*i for i in range(3M))", "sum_squares.py"),
    ("for loop, 3M iterations", "for_loop.py"),
    ("recursive fib(27)", "fib.py"),
    ("1M method calls", "methods.py"),
    ("dict and string building", "dict_strings.py"),
]


def best_time(cmd, repeat):
    best, out = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - t0
        out = done.stdout
        best = elapsed if best is None else min(best, elapsed)
    return best, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corio", required=True, help="path to the corio executable")
    ap.add_argument("--repeat", type=int, default=3)
    opts = ap.parse_args()

    print("corio interpreter vs CPython %d.%d.%d (best of %d; ratio = corio / CPython)"
          % (*sys.version_info[:3], opts.repeat))
    print(f"{'row':30} {'corio':>8} {'CPython':>8} {'ratio':>6}  target")
    faster = 0
    ok = True
    for label, program in ROWS:
        path = os.path.join(HERE, program)
        t_corio, out_corio = best_time([opts.corio, "run", path], opts.repeat)
        t_py, out_py = best_time([sys.executable, path], opts.repeat)
        if out_corio != out_py:
            print(f"{label}: outputs differ: corio {out_corio!r} vs CPython {out_py!r}")
            ok = False
        ratio = t_corio / t_py
        faster += ratio < 1
        verdict = "PASS" if ratio <= 1.5 else "FAIL"
        ok &= ratio <= 1.5
        print(f"{label:30} {t_corio:7.3f}s {t_py:7.3f}s {ratio:6.2f}  <= 1.5  {verdict}")
    print(f"faster than CPython on {faster} of {len(ROWS)} rows (target: at least 2): "
          f"{'PASS' if faster >= 2 else 'FAIL'}")
    return 0 if ok and faster >= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
