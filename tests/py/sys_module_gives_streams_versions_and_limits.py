# sys: argv, stdout/stderr with write and flush, version_info, platform,
# the recursion limit, modules, maxsize, exc_info, exit.
import os
import sys

print(os.path.basename(sys.argv[0]), len(sys.argv))
n = sys.stdout.write("written with sys.stdout.write\n")
print("write returned", n)
sys.stdout.flush()
sys.stderr.write("to stderr\n")
sys.stderr.flush()
print("to stderr with print", file=sys.stderr)
sys.stdout.writelines(["one\n", "two\n"])

print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version_info >= (3, 8), sys.version_info < (4,), sys.version_info.releaselevel)
print(type(sys.version).__name__, sys.version.startswith("3.11"))
# natively "linux" (CPython here), "emscripten" in the WebAssembly build
print(sys.platform in ("linux", "emscripten"), sys.maxsize, sys.maxsize == 2**63 - 1)

print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)

print("sys" in sys.modules, sys.modules["sys"] is sys, "os" in sys.modules)
import json
print(sys.modules["json"] is json)

print(sys.exc_info())
try:
    {}["missing"]
except KeyError:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, repr(value), tb.tb_lineno)
print(sys.exc_info() == (None, None, None))


def caller_name():
    return sys._getframe(1).f_globals["__name__"]


print(caller_name())

try:
    sys.exit("bye")
except SystemExit as e:
    print("SystemExit", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code)
print("exiting with 4")
sys.exit(4)
