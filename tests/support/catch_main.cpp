// The one translation unit that holds Catch2's main (compiled once, at -O0).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
