#!/usr/bin/env bash
# run_one.sh CORIO NAME [OPTION...] — runs tests/py/NAME.py with `CORIO run
# --clock=virtual OPTION...` from this
# folder and compares with CPython's NAME.out (stdout, exact), NAME.err
# (stderr, exact; must be empty if absent; in both this folder's path is
# written DIR/)
# and NAME.code (exit status; 0 if absent). Prints a diff on failure.
set -uo pipefail
corio=$1
name=$2
shift 2
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$corio" run --clock=virtual "$@" "$PWD/$name.py" >"$tmp/out" 2>"$tmp/err" </dev/null
code=$?
sed -i "s|$PWD/|DIR/|g" "$tmp/out" "$tmp/err"
want_code=0
[ -f "$name.code" ] && want_code=$(cat "$name.code")
[ -f "$name.err" ] && cp "$name.err" "$tmp/want_err" || : >"$tmp/want_err"
ok=1
if ! cmp -s "$tmp/out" "$name.out"; then
    echo "stdout differs:"; diff "$name.out" "$tmp/out" | head -40; ok=0
fi
if ! cmp -s "$tmp/err" "$tmp/want_err"; then
    echo "stderr differs:"; diff "$tmp/want_err" "$tmp/err" | head -40; ok=0
fi
if [ "$code" != "$want_code" ]; then
    echo "exit status $code, expected $want_code"; ok=0
fi
[ $ok = 1 ]
