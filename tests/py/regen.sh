#!/usr/bin/env bash
# regen.sh — runs each language test (tests/py/NAME.py) under CPython 3.11
# with the virtual clock (shared/conformance/vclock.py, as run_one.sh runs
# corio with --clock=virtual) from this folder and writes NAME.out (stdout), NAME.err (stderr, when not empty) and NAME.code
# (the exit status, when not 0); in NAME.out and NAME.err this folder's absolute path
# reads DIR/. The expectations come from CPython, never
# from corio.
#   tests/py/regen.sh [NAME.py...]
set -uo pipefail
cd "$(dirname "$0")"
vclock=$(cd ../../.. && pwd)/shared/conformance/vclock.py
[ $# -eq 0 ] && set -- *.py
for py in "$@"; do
    b=$(basename "${py%.py}")
    python3 "$vclock" "$b.py" >"$b.out" 2>"$b.err" </dev/null
    code=$?
    # python names the script by its absolute path (tracebacks, reprs): keep
    # it as DIR/.
    sed -i "s|$PWD/|DIR/|g" "$b.out" "$b.err"
    [ -s "$b.err" ] || rm -f "$b.err"
    if [ $code -ne 0 ]; then echo $code >"$b.code"; else rm -f "$b.code"; fi
    echo "wrote $b ($code)"
done
