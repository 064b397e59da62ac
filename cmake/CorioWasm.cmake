# Emscripten settings, all in one place (TOOLCHAIN.md lists why each exists).
# Optimisation: emcc turns -Os and -Oz into clang's -fno-inline-functions
# (its INLINING_LIMIT setting), so nothing but always_inline functions is
# inlined, not even one-line accessors such as Value::is_object() or
# Frame::stack(): each costs a call in the interpreter's loop, which then
# runs at half speed. -finline-functions comes after emcc's flag on clang's
# command line and restores LLVM's inliner; at -Oz its threshold is about
# the cost of a call, so it inlines what is smaller than the call and the
# module shrinks. Measured on one tree with bench/wasm (issue 5): -Os 403 KB;
# -Oz + inlining 394 KB and about twice as fast; -Os + inlining 438 KB;
# -O2 479 KB for the same speed.
# No -flto: 7 KB smaller, but LLVM then inlines every start-up function
# into one that V8 optimises in the background, and node waits for that
# before the first output (cold start 100-135 ms; wasm-bindings/CMakeLists.txt).
set(CMAKE_CXX_FLAGS_MINSIZEREL "-Oz -DNDEBUG")
add_compile_options(-finline-functions)
# One exception mode for every object and the link: native wasm exceptions.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1)
# Optimised links run acorn-optimizer.js, which needs Debian's node modules.
set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
# emcmake's emulator passes a flag node 20 rejects; tests set their own.
find_program(CORIO_NODE node REQUIRED)
