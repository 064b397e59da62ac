#!/usr/bin/env bash
# regen_expected.sh — runs every reference program of the tests
# (tests/*/programs/*.py, examples/*.py) under CPython 3.11 with the virtual
# clock and writes its stdout beside it as NAME.out. The expectations of the
# tests come from here, never from corio.
#   tests/regen_expected.sh [FILE.py...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
vclock="$root/../shared/conformance/vclock.py"
[ -f "$vclock" ] || vclock="$root/tests/vclock.py"
if [ $# -eq 0 ]; then
    set -- "$root"/tests/*/programs/*.py
fi
for py in "$@"; do
    out="${py%.py}.out"
    python3 "$vclock" "$py" >"$out"
    echo "wrote ${out#$root/}"
done
