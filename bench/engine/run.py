#!/usr/bin/env python3
"""run.py -- corio's engine benchmarks beside CPython's asyncio, as a table.

    python3 bench/engine/run.py --build DIR [--repeat 3] [--no-build] [--no-wasm]

DIR is a native CMake build of the tree, configured Release (the runner
builds the corio-bench-* targets in it with -j1 unless --no-build). Each row
runs a C++ program written against corio's C++ API (bench/engine/NAME.cpp)
and its asyncio twin (NAME.py) with this python3, best of --repeat runs each.
Both print one line, `NAME ops=N ns=T check=C`, timed inside the program
around the same work (from the first task created to the last result), so
interpreter start-up and module imports are not counted. The checksums of
the two sides must agree.

Rows (targets: every row at least 20x faster than CPython; the switch row at
most 30 ns per switch natively, 60 ns in node):

  switch   100 tasks each looping N times over `await sleep(0)`; one op is
           one switch (a task step). ns/op = total / (100 * N).
  spawn    100,000 tasks created and completed under one gather.
  queue    1,000,000 items through a Queue(maxsize=100), one producer task,
           one consumer task: the bounded queue a CPython producer/consumer
           uses for back-pressure, the same maxsize on both sides.
  timers   100,000 tasks under one gather, each sleeping a distinct delay of
           1..100,000 ns in a scrambled order.
  switch (wasm)  the switch program compiled with em++ -O3 and run in node,
           on the virtual host (the native host is not built for wasm).

The timers row and the clock. Both sides run on the real clock (corio's
native host, CPython's stock asyncio) with the same delays, all below
0.1 ms: creating the 100,000 tasks takes longer than that, so neither side
ever waits, and both fire the due timers in batches, doing the same work
(a timer per sleep, a heap push and pop, the future, the wake-up). The
virtual clock would instead make one loop iteration per distinct deadline
on the corio side (about 3 iterations per timer), which CPython on the real
clock does not do; vclock.py was not used for CPython either: its timer
handles compare (when, seq) in Python code on every heap comparison, which
would slow CPython down and flatter corio. `corio-bench-timers
--host=virtual` runs the virtual-clock variant.
"""

import argparse
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

RATIO_TARGET = 20.0
LINE = re.compile(r"^(\w+) ops=(\d+) ns=(\d+) check=(-?\d+)$", re.M)


class Row:
    def __init__(self, name, program, args=(), ns_target=None, wasm=False):
        self.name = name
        self.program = program  # NAME of NAME.cpp / NAME.py
        self.args = list(args)
        self.ns_target = ns_target  # max ns per op, or None
        self.wasm = wasm


ROWS = [
    Row("switch (100 tasks x sleep(0))", "switch", ns_target=30),
    Row("spawn 100k tasks + gather", "spawn"),
    Row("queue 1M items, maxsize 100", "queue_pipe"),
    Row("timers 100k distinct delays", "timers"),
    Row("switch, wasm in node", "switch", ns_target=60, wasm=True),
]


def run_once(cmd, env=None):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    m = LINE.search(out)
    if not m:
        raise RuntimeError(f"{' '.join(cmd)}: no result line in {out!r}")
    return int(m.group(2)), int(m.group(3)), int(m.group(4))


def best_of(cmd, repeat, env=None):
    """(ops, best ns, check) over `repeat` runs; checks must not vary."""
    results = [run_once(cmd, env) for _ in range(repeat)]
    checks = {(ops, check) for ops, _, check in results}
    if len(checks) != 1:
        raise RuntimeError(f"{' '.join(cmd)}: results vary between runs: {checks}")
    ops, check = checks.pop()
    return ops, min(ns for _, ns, _ in results), check


def build_native(build_dir):
    cache = os.path.join(build_dir, "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as f:
            m = re.search(r"^CMAKE_BUILD_TYPE:\w+=(\w*)$", f.read(), re.M)
        if m and m.group(1) != "Release":
            print(f"warning: {build_dir} is a {m.group(1) or 'default'} build, not Release",
                  file=sys.stderr)
    targets = sorted({f"corio-bench-{r.program}" for r in ROWS if not r.wasm})
    subprocess.run(["cmake", "--build", build_dir, "-j1", "--target", *targets], check=True,
                   stdout=subprocess.DEVNULL)


def wasm_sources(program):
    core = [p for p in sorted(glob.glob(os.path.join(ROOT, "engine/core/*.cpp")))
            if not p.endswith(("native_host.cpp", "curl_fetch.cpp"))]
    return core + [os.path.join(ROOT, "engine/trace/event.cpp"),
                   os.path.join(HERE, f"{program}.cpp")]


def build_wasm(build_dir, program):
    """Builds PROGRAM with em++ (the top-level CMakeLists leaves bench/ out of
    the wasm build); rebuilds only if a source or header is newer."""
    out = os.path.join(build_dir, "bench", "engine", "wasm", f"{program}.js")
    inputs = wasm_sources(program) + glob.glob(os.path.join(ROOT, "engine/*/*.hpp")) + \
        [os.path.join(HERE, "bench_util.hpp")]
    if os.path.exists(out) and os.path.getmtime(out) > max(map(os.path.getmtime, inputs)):
        return out
    os.makedirs(os.path.dirname(out), exist_ok=True)
    print(f"building {out} with em++ (takes a minute or two)...", file=sys.stderr)
    env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
    subprocess.run(["em++", "-std=c++20", "-O3", "-fwasm-exceptions", "-DNDEBUG",
                    "-DCORIO_BENCH_NO_NATIVE", "-Wno-deprecated-experimental-coroutine",
                    "-I" + os.path.join(ROOT, "engine"),
                    *wasm_sources(program), "-sENVIRONMENT=node", "-sSINGLE_FILE=1",
                    "-sALLOW_MEMORY_GROWTH=1", "-o", out], check=True, env=env)
    return out


def fmt_s(ns):
    return f"{ns / 1e9:.3f} s" if ns >= 1e8 else f"{ns / 1e6:.1f} ms"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True, help="native Release build directory")
    ap.add_argument("--repeat", type=int, default=3, help="runs per program (best is kept)")
    ap.add_argument("--no-build", action="store_true", help="do not build the benchmarks")
    ap.add_argument("--no-wasm", action="store_true", help="skip the wasm row")
    opts = ap.parse_args()
    build_dir = os.path.abspath(opts.build)
    if not opts.no_build:
        build_native(build_dir)

    python = {}  # CPython result per program, shared by the native and wasm rows
    table = []
    for row in ROWS:
        if row.wasm and opts.no_wasm:
            continue
        if row.wasm:
            js = build_wasm(build_dir, row.program)
            cmd = ["node", js, *row.args]
        else:
            cmd = [os.path.join(build_dir, "bench", "engine", f"corio-bench-{row.program}"),
                   *row.args]
        ops, c_ns, c_check = best_of(cmd, opts.repeat)
        if row.program not in python:
            python[row.program] = best_of(
                [sys.executable, os.path.join(HERE, f"{row.program}.py"), *row.args],
                opts.repeat)
        p_ops, p_ns, p_check = python[row.program]
        if (p_ops, p_check) != (ops, c_check):
            raise RuntimeError(f"{row.name}: corio and CPython disagree: "
                               f"ops/check {ops}/{c_check} vs {p_ops}/{p_check}")
        per_op = c_ns / ops
        ratio = (p_ns / p_ops) / per_op
        targets = [f">= {RATIO_TARGET:.0f}x"]
        ok = ratio >= RATIO_TARGET
        if row.ns_target is not None:
            targets.append(f"<= {row.ns_target} ns")
            ok = ok and per_op <= row.ns_target
        table.append([row.name, fmt_s(c_ns), fmt_s(p_ns), f"{ratio:.1f}x",
                      f"{per_op:.1f}", ", ".join(targets), "PASS" if ok else "FAIL"])

    header = ["row", "corio", "CPython", "ratio", "ns/op", "target", ""]
    widths = [max(len(str(r[i])) for r in table + [header]) for i in range(len(header))]
    print(f"corio engine vs CPython {sys.version.split()[0]} asyncio "
          f"(best of {opts.repeat}; ratio = CPython / corio per op)")
    for r in [header] + table:
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths))).rstrip())
    return 0 if all(r[-1] == "PASS" for r in table) else 1


if __name__ == "__main__":
    sys.exit(main())
