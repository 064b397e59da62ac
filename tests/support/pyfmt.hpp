// pyfmt.hpp — Python-like formatting of the few values the engine tests
// print (floats in the plain range of repr, e.g. 1.0, 2.5, 0.1).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace corio::test {

// repr(x) for floats whose repr has no exponent (1e-4 <= |x| < 1e16, or 0).
inline std::string py_float(double x) {
    char buf[32];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    std::string s = buf;
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

}  // namespace corio::test
