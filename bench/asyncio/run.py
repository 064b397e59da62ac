#!/usr/bin/env python3
"""run.py — corio's asyncio (the interpreter on the engine) beside CPython 3.11
on the same Python programs, in one run, with the ratio printed.

    python3 bench/asyncio/run.py [--corio build/native/engine/cli/corio] [--repeat 3]

Rows: task switches (bench/engine/switch.py), the queue pipe
(queue_pipe.py), spawning tasks (spawn.py), each timed inside the program
(best of N runs); 100,000 tasks sleeping random delays under the virtual
clock (sleepers.py: corio run --clock=virtual beside CPython under
shared/conformance/vclock.py, the reference for the virtual clock; timed
from outside, a run with N = 0 subtracted, since the clock inside is
virtual); and memory (suspended.py): the memory of a suspended task, the
process's peak RSS once 100,000 tasks are suspended on an Event (read from
/proc while the program holds there) minus the same with none, per task;
and, for information, the peak RSS of the whole run, which adds gather's
bookkeeping as the tasks finish. Targets (issue 4): switches and queue >= 3x
CPython, spawn >= 2x, <= 600 B a suspended task (the other rows have none).
"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ROWS = [
    ("switch", os.path.join(ROOT, "bench/engine/switch.py"), "5000", 3.0),
    ("queue", os.path.join(ROOT, "bench/engine/queue_pipe.py"), "300000", 3.0),
    ("spawn", os.path.join(ROOT, "bench/engine/spawn.py"), "100000", 2.0),
]
RESULT = re.compile(r"ops=(\d+) ns=(\d+) check=(\d+)")
VCLOCK = os.path.join(os.path.dirname(ROOT), "shared", "conformance", "vclock.py")
SLEEPERS = (os.path.join(HERE, "sleepers.py"), 100_000)


def run(cmd):
    """Runs cmd; returns (ops, ns, check) as the program printed them."""
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    m = RESULT.search(out)
    if not m:
        sys.exit(f"no result from {cmd}: {out!r}")
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def peak_rss_kib(cmd):
    """Peak RSS of one run of cmd, measured by a fresh python3 parent
    (RUSAGE_CHILDREN's ru_maxrss is the largest child so far)."""
    probe = ("import resource,subprocess,sys;"
             "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL);"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def held_rss_kib(cmd):
    """Peak RSS (VmHWM) of cmd once it prints its first line; then kills it."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        if not proc.stdout.readline():
            sys.exit(f"{cmd} ended without holding")
        with open(f"/proc/{proc.pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    finally:
        proc.kill()
        proc.wait()


def wall_ns(cmd, repeat):
    """Best wall time of `repeat` runs of cmd, and what the last printed."""
    times, out = [], ""
    for _ in range(repeat):
        t0 = time.perf_counter_ns()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        times.append(time.perf_counter_ns() - t0)
    return min(times), out


def sleepers_ns(cmd, repeat):
    """ns per sleeper (N = 0 subtracted) and the program's output."""
    prog, n = SLEEPERS
    full, out = wall_ns(cmd + [prog, str(n)], repeat)
    empty, _ = wall_ns(cmd + [prog, "0"], repeat)
    return (full - empty) / n, out


def best(cmd, repeat):
    results = [run(cmd) for _ in range(repeat)]
    checks = {r[2] for r in results}
    if len(checks) != 1:
        sys.exit(f"checksums differ across runs of {cmd}: {checks}")
    return min(results, key=lambda r: r[1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corio", default=os.path.join(ROOT, "build/native/engine/cli/corio"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corio = [args.corio, "run"]
    py = [sys.executable]
    print(f"| row | corio | CPython {sys.version.split()[0]} | CPython / corio | target |")
    print("|---|---|---|---|---|")
    for name, prog, n, target in ROWS:
        c = best(corio + [prog, n], args.repeat)
        p = best(py + [prog, n], args.repeat)
        if c[2] != p[2]:
            sys.exit(f"{name}: corio's checksum {c[2]} differs from CPython's {p[2]}")
        ratio = p[1] / c[1]
        print(f"| {name} ({c[0]} ops) | {c[1] / c[0]:.1f} ns/op | {p[1] / p[0]:.1f} ns/op | "
              f"{ratio:.2f}x | >= {target:g}x {'ok' if ratio >= target else 'MISSED'} |")
    c_ns, c_out = sleepers_ns([args.corio, "run", "--clock=virtual"], args.repeat)
    p_ns, p_out = sleepers_ns(py + [VCLOCK], args.repeat)
    if c_out != p_out:
        sys.exit(f"sleepers: corio printed {c_out!r}, CPython {p_out!r}")
    print(f"| sleepers, virtual clock ({SLEEPERS[1]} tasks) | {c_ns:.1f} ns/op | {p_ns:.1f} ns/op | "
          f"{p_ns / c_ns:.2f}x | - |")
    prog = os.path.join(HERE, "suspended.py")
    n = 100_000
    held, peak = {}, {}
    for label, cmd in (("corio", corio), ("cpython", py)):
        grown = held_rss_kib(cmd + [prog, str(n), "--hold"]) - held_rss_kib(cmd + [prog, "0", "--hold"])
        held[label] = grown * 1024 / n
        grown = peak_rss_kib(cmd + [prog, str(n)]) - peak_rss_kib(cmd + [prog, "0"])
        peak[label] = grown * 1024 / n
    print(f"| suspended task (memory, {n} tasks) | {held['corio']:.0f} B | {held['cpython']:.0f} B | "
          f"{held['cpython'] / held['corio']:.2f}x | <= 600 B "
          f"{'ok' if held['corio'] <= 600 else 'MISSED'} |")
    print(f"| peak of the run with gather (memory) | {peak['corio']:.0f} B | {peak['cpython']:.0f} B | "
          f"{peak['cpython'] / peak['corio']:.2f}x | - |")


if __name__ == "__main__":
    main()
