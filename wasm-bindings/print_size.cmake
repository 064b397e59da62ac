# print_size.cmake — prints the module's size, raw and gzip (the budget:
# corio.wasm + corio.mjs <= 400 KB gzip). Run after each link.
set(total_gz 0)
foreach(f corio.wasm corio.mjs)
  file(SIZE ${DIR}/${f} raw)
  execute_process(COMMAND gzip -9 -c ${DIR}/${f} COMMAND wc -c OUTPUT_VARIABLE gz OUTPUT_STRIP_TRAILING_WHITESPACE)
  math(EXPR total_gz "${total_gz} + ${gz}")
  message(STATUS "${f}: ${raw} bytes, ${gz} gzip")
endforeach()
math(EXPR kb "${total_gz} / 1024")
message(STATUS "corio module: ${kb} KB gzip (budget 400 KB)")
if(total_gz GREATER 409600)
  message(FATAL_ERROR "corio module over its size budget: ${kb} KB gzip > 400 KB")
endif()
