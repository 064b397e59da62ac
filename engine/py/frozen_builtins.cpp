// frozen_builtins.cpp — builtins written in Python (frozen_modules.hpp):
// aiter and anext, as CPython 3.11 defines them (the default of anext is
// applied by an awaitable that turns StopAsyncIteration into the default).
#include <string_view>

namespace corio::py {

std::string_view python_builtins_source() {
    static constexpr std::string_view kSource = R"PY(
def _define():
    missing = object()

    def aiter(async_iterable, /):
        """Return an AsyncIterator for an AsyncIterable object."""
        try:
            method = type(async_iterable).__aiter__
        except AttributeError:
            raise TypeError(f"'{type(async_iterable).__name__}' object is not an async iterable") from None
        return method(async_iterable)

    async def anext_default(awaitable, default):
        try:
            return await awaitable
        except StopAsyncIteration:
            return default

    def anext(aiterator, default=missing, /):
        """Return the next item from the async iterator, or default at its end."""
        try:
            method = type(aiterator).__anext__
        except AttributeError:
            raise TypeError(f"'{type(aiterator).__name__}' object is not an async iterator") from None
        awaitable = method(aiterator)
        if default is missing:
            return awaitable
        return anext_default(awaitable, default)

    aiter.__qualname__ = "aiter"
    anext.__qualname__ = "anext"
    return aiter, anext

aiter, anext = _define()
del _define
)PY";
    return kSource;
}

}  // namespace corio::py
