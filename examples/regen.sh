#!/usr/bin/env bash
# regen.sh — writes examples/NAME.out, the expected stdout of each example,
# by running examples/NAME.py under CPython 3.11 with the virtual clock
# (shared/conformance/vclock.py, as tests/examples/run_example.sh runs corio
# with --clock=virtual) from this folder. Expected files come from CPython,
# never from corio. Each program runs twice: an example must print the same
# bytes every time, exit 0 and write nothing on stderr, else it is reported
# and this script fails.
#   examples/regen.sh [NAME.py...]
set -uo pipefail
cd "$(dirname "$0")"
vclock=$(cd ../.. && pwd)/shared/conformance/vclock.py
[ $# -eq 0 ] && set -- *.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for py in "$@"; do
    b=$(basename "${py%.py}")
    python3 "$vclock" "$b.py" >"$b.out" 2>"$tmp/err" </dev/null
    code=$?
    python3 "$vclock" "$b.py" >"$tmp/again" 2>/dev/null </dev/null
    problem=
    [ $code -ne 0 ] && problem="exit status $code"
    [ -s "$tmp/err" ] && problem="${problem:+$problem, }writes to stderr"
    cmp -s "$b.out" "$tmp/again" || problem="${problem:+$problem, }output differs between runs"
    if [ -n "$problem" ]; then
        echo "PROBLEM $b: $problem" >&2
        head -5 "$tmp/err" >&2
        status=1
    else
        echo "wrote $b.out"
    fi
done
exit $status
