#!/usr/bin/env bash
# run_example.sh CORIO NAME — runs examples/NAME.py with
# `CORIO run --clock=virtual` from the examples folder and compares it with
# what CPython printed for it (examples/NAME.out, written by
# examples/regen.sh): stdout exactly, stderr empty, exit status 0. Prints a
# diff on failure.
set -uo pipefail
corio=$1
name=$2
cd "$(dirname "$0")/../../examples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$corio" run --clock=virtual "$PWD/$name.py" >"$tmp/out" 2>"$tmp/err" </dev/null
code=$?
ok=1
if ! cmp -s "$tmp/out" "$name.out"; then
    echo "stdout differs:"; diff "$name.out" "$tmp/out" | head -40; ok=0
fi
if [ -s "$tmp/err" ]; then
    echo "stderr not empty:"; head -40 "$tmp/err"; ok=0
fi
if [ "$code" != 0 ]; then
    echo "exit status $code, expected 0"; ok=0
fi
[ $ok = 1 ]
