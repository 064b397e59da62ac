// expected.hpp — the expected outputs of the tests' reference programs.
// Each tests/*/programs/NAME.py is run by CPython 3.11 under the virtual
// clock (shared/conformance/vclock.py) and its stdout kept as NAME.out; the
// build embeds those files, so the tests also run under node as wasm.
#pragma once

#include <string>
#include <string_view>

namespace corio::test {

// The stdout CPython printed for programs/NAME.py; fails the test if absent.
std::string expected_output(std::string_view name);

}  // namespace corio::test
