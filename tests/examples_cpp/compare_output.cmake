# compare_output.cmake — runs PROG (with ARGS, a ;-list) and fails unless its
# exit code is 0 and its stdout equals the file EXPECTED byte for byte.
#   cmake -DPROG=... -DEXPECTED=... [-DARGS=...] -P compare_output.cmake
execute_process(COMMAND ${PROG} ${ARGS}
                OUTPUT_VARIABLE actual
                ERROR_VARIABLE errors
                RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "${PROG} exited with ${code}\n${errors}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "${PROG}: stdout differs from ${EXPECTED}\n"
                      "--- expected ---\n${expected}--- actual ---\n${actual}")
endif()
