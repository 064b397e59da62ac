# print_size.cmake — prints the module's size, raw and gzip (the budget:
# corio.wasm + corio.mjs <= BUDGET_KB, 400 KB gzip by default). Run after
# each link; fails the build over budget.
if(NOT BUDGET_KB)
  set(BUDGET_KB 400)
endif()
set(total_gz 0)
foreach(f corio.wasm corio.mjs)
  file(SIZE ${DIR}/${f} raw)
  execute_process(COMMAND gzip -9 -c ${DIR}/${f} COMMAND wc -c OUTPUT_VARIABLE gz OUTPUT_STRIP_TRAILING_WHITESPACE)
  math(EXPR total_gz "${total_gz} + ${gz}")
  message(STATUS "${f}: ${raw} bytes, ${gz} gzip")
endforeach()
math(EXPR kb "${total_gz} / 1024")
message(STATUS "corio module: ${kb} KB gzip (budget ${BUDGET_KB} KB)")
math(EXPR budget "${BUDGET_KB} * 1024")
if(total_gz GREATER budget)
  message(FATAL_ERROR "corio module over its size budget: ${kb} KB gzip > ${BUDGET_KB} KB")
endif()
