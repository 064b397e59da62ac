# Emscripten settings, all in one place (TOOLCHAIN.md lists why each exists).
# One exception mode for every object and the link: native wasm exceptions.
add_compile_options(-fwasm-exceptions -flto)
add_link_options(-fwasm-exceptions -flto -sALLOW_MEMORY_GROWTH=1)
# Optimised links run acorn-optimizer.js, which needs Debian's node modules.
set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
# emcmake's emulator passes a flag node 20 rejects; tests set their own.
find_program(CORIO_NODE node REQUIRED)
