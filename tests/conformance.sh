#!/usr/bin/env bash
# conformance.sh CORIO [OPTION...] — runs the shared conformance corpus
# (every program in shared/conformance/cases, beside this repository)
# through `CORIO run --clock=virtual OPTION...` and fails unless every case
# passes. The options drive the program as the browser does (preempted,
# single-stepped): the output must not change.
set -u
corio=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
check="$here/../../shared/conformance/check.sh"
if [ ! -x "$check" ] && [ ! -f "$check" ]; then
    echo "conformance.sh: $check not found (shared/ must sit beside the repository)" >&2
    exit 1
fi
out=$(bash "$check" "$corio run --clock=virtual $*")
echo "$out"
echo "$out" | tail -n 1 | grep -qE '^[0-9]+ passed, 0 failed$'
