// frozen_os.cpp — the Python parts of `os` and `os.path` (posixpath), run
// by make_os_module (mod_os.cpp) and load_frozen_module. A corio program
// has no file system, no environment and no process: os.environ starts
// empty, getpid() is 1, and the path functions that would ask the file
// system (exists, isfile, isdir) answer False; the pure string functions
// (basename, dirname, join, split, splitext, normpath, ...) are CPython's.
#include <string_view>

namespace corio::py {

std::string_view os_source() {
    static constexpr std::string_view kSource = R"PY(
import sys as _sys
import posixpath as path

_sys.modules['os.path'] = path

name = 'posix'
sep = path.sep
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class _Environ(dict):
    # os.environ: a mapping of str to str, printed as environ({...}).
    def __repr__(self):
        return 'environ(' + dict.__repr__(self) + ')'

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f'str expected, not {type(key).__name__}')
        if not isinstance(value, str):
            raise TypeError(f'str expected, not {type(value).__name__}')
        dict.__setitem__(self, key, value)

    def copy(self):
        return dict(self)


environ = _Environ()


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


def getpid():
    """Return the current process id."""
    return 1


def getppid():
    return 0


def cpu_count():
    return 1


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError('expected str, bytes or os.PathLike object, not ' + path_type.__name__) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError('expected {}.__fspath__() to return str or bytes, not {}'.format(
        path_type.__name__, type(path_repr).__name__))


class PathLike:
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError


del _sys
)PY";
    return kSource;
}

std::string_view posixpath_source() {
    static constexpr std::string_view kSource = R"PY(
sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
altsep = None
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    import os
    return os.fspath(p)


def _sep(p):
    return b'/' if isinstance(p, bytes) else '/'


def isabs(s):
    """Test whether a path is absolute"""
    s = _fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed."""
    a = _fspath(a)
    sep = _sep(a)
    path = a
    for b in map(_fspath, p):
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    """Split a pathname into (head, tail): tail is everything after the final slash."""
    p = _fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """Split the extension from a pathname: (root, ext), ext may be empty."""
    p = _fspath(p)
    if isinstance(p, bytes):
        sep, dot = b'/', b'.'
    else:
        sep, dot = '/', '.'
    sep_index = p.rfind(sep)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    """Returns the final component of a pathname"""
    p = _fspath(p)
    i = p.rfind(_sep(p)) + 1
    return p[i:]


def dirname(p):
    """Returns the directory component of a pathname"""
    p = _fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = _fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b'/', b'', b'.', b'..'
    else:
        sep, empty, dot, dotdot = '/', '', '.', '..'
    if path == empty:
        return dot
    initial_slashes = 1 if path.startswith(sep) else 0
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in (empty, dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps)
                or (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or dot


def commonprefix(m):
    """Given a list of pathnames, returns the longest common leading component"""
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def expanduser(path):
    return _fspath(path)


def expandvars(path):
    return _fspath(path)


def exists(path):
    """Test whether a path exists (corio has no file system: never)."""
    return False


def lexists(path):
    return False


def isfile(path):
    return False


def isdir(s):
    return False


def islink(path):
    return False
)PY";
    return kSource;
}

}  // namespace corio::py
