#!/usr/bin/env python3
"""flush_reaches_a_pipe_at_once.py — `corio run` holds stdout in a buffer
when it is a pipe, as python does, but a flush (print(flush=True),
sys.stdout.flush()) must write it out at once: a reader of the pipe sees
the flushed line while the program is still running: it then blocks in
time.sleep for two minutes, and the reader gives up after 20 seconds.

    flush_reaches_a_pipe_at_once.py CORIO
"""
import select
import subprocess
import sys
import tempfile

PROGRAM = """
import sys, time
print("first", flush=True)
time.sleep(120)
print("never read")
"""
PROGRAM_SYS_FLUSH = PROGRAM.replace('print("first", flush=True)',
                                    'sys.stdout.write("first\\n"); sys.stdout.flush()')


def check(corio, source, label):
    with tempfile.NamedTemporaryFile("w", suffix=".py") as f:
        f.write(source)
        f.flush()
        proc = subprocess.Popen([corio, "run", f.name], stdout=subprocess.PIPE, text=True)
        try:
            ready, _, _ = select.select([proc.stdout], [], [], 20)
            line = proc.stdout.readline() if ready else None
        finally:
            proc.kill()
            proc.wait()
    if line is None:
        sys.exit(f"{label}: the flushed line did not reach the pipe while the program ran")
    if line != "first\n":
        sys.exit(f"{label}: read {line!r}, expected 'first\\n'")
    print(f"{label}: ok")


def main():
    corio = sys.argv[1]
    check(corio, PROGRAM, "print(flush=True)")
    check(corio, PROGRAM_SYS_FLUSH, "sys.stdout.flush()")


if __name__ == "__main__":
    main()
