# Compiler flags for corio's own targets: warnings (as errors by default) and
# the sanitizer configuration. Applied through the interface target
# corio_flags, which every corio target links privately.
add_library(corio_flags INTERFACE)
target_compile_options(corio_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference
  -Wimplicit-fallthrough)
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  # libc++ 13 (Emscripten) only has <experimental/coroutine>; see coro.hpp.
  target_compile_options(corio_flags INTERFACE -Wno-deprecated-experimental-coroutine)
  # The frozen modules embed their Python source as one raw literal; clang
  # (like g++) accepts literals past the standard's 64 KiB minimum.
  target_compile_options(corio_flags INTERFACE -Wno-overlength-strings)
endif()
if(CORIO_WERROR)
  target_compile_options(corio_flags INTERFACE -Werror)
endif()
if(CORIO_SANITIZE)
  target_compile_options(corio_flags INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(corio_flags INTERFACE -fsanitize=address,undefined)
  # Let ASan see every object: no pooling of engine allocations.
  target_compile_definitions(corio_flags INTERFACE CORIO_NO_POOL)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    # clang 14's -fsanitize=function cannot compile coroutine templates
    # ("Cannot represent a difference across sections", llvm issue 49689).
    target_compile_options(corio_flags INTERFACE -fno-sanitize=function)
  endif()
endif()
