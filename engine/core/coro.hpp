// coro.hpp — <coroutine> where the standard library has it, else libc++ 13's
// <experimental/coroutine> (Emscripten 3.1.6), under the same std:: names.
#pragma once

#if __has_include(<coroutine>)
#include <coroutine>
#else
#include <experimental/coroutine>
namespace std {
using std::experimental::coroutine_handle;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace std
#endif
