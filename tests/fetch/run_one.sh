#!/usr/bin/env bash
# run_one.sh CORIO NAME [corio run options...] — runs tests/fetch/NAME.py
# under `corio run` against a fresh server.py (its port and a refused port
# are the program's argv[1] and argv[2]), and compares stdout with NAME.out,
# written by hand from aiohttp's documented behaviour (each program says
# where every expectation comes from). The program's stderr is shown (the
# measured times go there). Exit status: 0 when the output matches and the
# program exited with 0.
set -u
corio=$1
name=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

python3 "$here/server.py" >"$tmp/ports" 2>"$tmp/server.err" &
server_pid=$!
for _ in $(seq 200); do
    [ "$(wc -l <"$tmp/ports")" -ge 2 ] && break
    sleep 0.05
done
port=$(sed -n 1p "$tmp/ports")
refused=$(sed -n 2p "$tmp/ports")
if [ -z "$port" ] || [ -z "$refused" ]; then
    echo "run_one.sh: the server did not start" >&2
    cat "$tmp/server.err" >&2
    exit 1
fi

"$corio" run "$@" "$here/$name.py" "$port" "$refused" >"$tmp/out" 2>"$tmp/err"
code=$?
cat "$tmp/err"
status=0
if [ $code -ne 0 ]; then
    echo "run_one.sh: $name exited with $code" >&2
    status=1
fi
if ! diff -u "$here/$name.out" "$tmp/out"; then
    echo "run_one.sh: $name: stdout differs from $name.out" >&2
    status=1
fi
if [ -s "$tmp/server.err" ]; then
    echo "run_one.sh: the server wrote to stderr:" >&2
    cat "$tmp/server.err" >&2
fi
exit $status
