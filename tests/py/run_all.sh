#!/usr/bin/env bash
# run_all.sh CORIO OPTION... — every language test through run_one.sh with
# the given run options (the browser's ways of driving a program: preempted,
# single-stepped); fails if any output differs from CPython's.
set -uo pipefail
corio=$1
shift
cd "$(dirname "$0")"
failed=0
total=0
for py in *.py; do
    total=$((total + 1))
    if ! out=$(./run_one.sh "$corio" "${py%.py}" "$@"); then
        echo "FAIL ${py%.py}"; echo "$out"; failed=$((failed + 1))
    fi
done
echo "$((total - failed)) passed, $failed failed"
[ $failed = 0 ]
