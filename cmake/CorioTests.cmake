# corio_add_test(NAME SOURCES... [LIBS libs...] [HOST_FILES]): one Catch2
# executable, registered with CTest as NAME. Natively it runs as is; under
# Emscripten it is a single-file JavaScript program that CTest runs with node
# (HOST_FILES: with the host's file system, for tests that read shared/).
if(CORIO_WASM)
  # Emscripten's toolchain hides /usr from find_package: expose only Catch2's
  # header directory through a private include dir.
  set(CORIO_CATCH_INCLUDE ${CMAKE_BINARY_DIR}/catch2-include)
  file(MAKE_DIRECTORY ${CORIO_CATCH_INCLUDE})
  if(NOT EXISTS ${CORIO_CATCH_INCLUDE}/catch2)
    file(CREATE_LINK /usr/include/catch2 ${CORIO_CATCH_INCLUDE}/catch2 SYMBOLIC)
  endif()
  add_library(corio_catch INTERFACE)
  target_include_directories(corio_catch SYSTEM INTERFACE ${CORIO_CATCH_INCLUDE})
else()
  find_package(Catch2 2 REQUIRED)
  add_library(corio_catch INTERFACE)
  target_link_libraries(corio_catch INTERFACE Catch2::Catch2)
endif()

# Catch2's main is slow to compile; build it once, unoptimised.
add_library(corio_catch_main OBJECT ${CMAKE_SOURCE_DIR}/tests/support/catch_main.cpp)
target_link_libraries(corio_catch_main PUBLIC corio_catch)
target_compile_options(corio_catch_main PRIVATE -O0)

function(corio_add_test name)
  cmake_parse_arguments(ARG "HOST_FILES" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} $<TARGET_OBJECTS:corio_catch_main>)
  target_link_libraries(${name} PRIVATE corio_catch corio_flags ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests/support)
  if(CORIO_WASM)
    set_target_properties(${name} PROPERTIES SUFFIX ".js")
    target_link_options(${name} PRIVATE -sSINGLE_FILE=1 -sENVIRONMENT=node -O1)
    if(ARG_HOST_FILES)
      target_link_options(${name} PRIVATE -sNODERAWFS=1)
    endif()
    add_test(NAME ${name} COMMAND ${CORIO_NODE} $<TARGET_FILE:${name}>)
  else()
    add_test(NAME ${name} COMMAND ${name})
  endif()
endfunction()
