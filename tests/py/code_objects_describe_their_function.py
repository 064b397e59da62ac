# A function's __code__ names it and its parameters (co_name, co_varnames,
# co_argcount, ...), as asyncio.iscoroutinefunction reads co_flags; corio's
# code objects had no attributes, so iscoroutinefunction raised.
import asyncio


async def main():
    pass


def f(a, b=1, /, c=2, *args, d, **kw):
    x = 1

    def inner():
        return x

    return inner


class K:
    def method(self):
        return lambda: self


print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(f))
print(asyncio.iscoroutinefunction(K().method), asyncio.iscoroutinefunction(print))
for code in (f.__code__, f(0, d=1).__code__, K.method.__code__, K().method().__code__, main.__code__):
    print(code.co_name, code.co_qualname, code.co_firstlineno)
    print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_nlocals)
    print(code.co_varnames, code.co_cellvars, code.co_freevars, code.co_names)
    print(code.co_filename == __file__, bool(code.co_flags & 0x80), bool(code.co_flags & 0x04), bool(code.co_flags & 0x08))
c = f.__code__
print(repr(c).startswith("<code object f at 0x"), repr(c).endswith(f'file "{__file__}", line 11>'))
print(None in main.__code__.co_consts)
