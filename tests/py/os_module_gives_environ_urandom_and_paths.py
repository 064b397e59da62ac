# os: urandom, getpid, environ/getenv and the os.path string functions.
import os
import os.path
from os import path as p

data = os.urandom(16)
print(type(data).__name__, len(data), len(os.urandom(0)), os.urandom(8) != os.urandom(8))
try:
    os.urandom(-1)
except ValueError as e:
    print("ValueError:", e)
print(type(os.getpid()).__name__, os.getpid() > 0)

print(os.getenv("CORIO_TEST_SURELY_UNSET"), os.getenv("CORIO_TEST_SURELY_UNSET", "fallback"))
os.environ["CORIO_TEST_VAR"] = "set here"
print(os.getenv("CORIO_TEST_VAR"), os.environ["CORIO_TEST_VAR"], "CORIO_TEST_VAR" in os.environ)
print(os.environ.get("CORIO_TEST_SURELY_UNSET", "no"))
try:
    os.environ["CORIO_TEST_SURELY_UNSET"]
except KeyError as e:
    print("KeyError:", e)
del os.environ["CORIO_TEST_VAR"]
print(os.getenv("CORIO_TEST_VAR"))

print(os.sep, os.linesep == "\n", os.name, p is os.path)
for name in ["/usr/lib/python3.11/os.py", "a/b/", "file.tar.gz", "/", "", "noslash", "//x//y"]:
    print(repr(name), repr(os.path.basename(name)), repr(os.path.dirname(name)), os.path.split(name))
for name in ["archive.tar.gz", ".bashrc", "a.b/c", "x.", "..", "dir/.hidden.txt"]:
    print(repr(name), os.path.splitext(name))
print(os.path.join("a", "b", "c.txt"), os.path.join("a/", "b"), os.path.join("a", "/abs", "c"), os.path.join("", "x"))
print(os.path.normpath("a//b/./c/../d"), os.path.normpath("/../x"), os.path.normpath(""), os.path.normpath("//a"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.commonprefix(["/usr/lib", "/usr/local"]))
print(os.path.exists("/surely/not/here/at/all"), os.path.isfile("/surely/not/here"), os.path.isdir("/surely/not/here"))
