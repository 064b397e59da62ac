// VM tests: the limits (recursion depth, nested C++ calls, the heap) raise
// the Python exceptions CPython raises, and frames and generators do not
// outlive their use.
#include <catch2/catch.hpp>

#include <string>

#include "py/code.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/interp.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/vm.hpp"
#include "py/vm_source.hpp"

namespace {

using namespace corio::py;

Dict* run_module(Interp& interp, const std::string& source) {
    Code* code = load_code(interp, compile_program(source, "<test>"));
    Dict* globals = make_dict(interp);
    globals->set_str(interp, "__name__", make_str(interp, "__test__"));
    // Rooted for collections the test triggers from C++.
    interp.modules->set_str(interp, "__test__", globals);
    run_module_code(interp, code, globals);
    return globals;
}

Value call_global(Interp& interp, Dict* globals, const char* name) {
    Value fn = globals->get_str(interp, name);
    REQUIRE(fn);
    return corio::py::call(interp, fn, nullptr, 0);
}

}  // namespace

TEST_CASE("deep recursion raises RecursionError, not a C++ stack overflow") {
    Interp interp;
    Vm vm(interp);
    Dict* g = run_module(interp, R"(
def down(n):
    return down(n + 1)

class R:
    def __repr__(self):
        return repr(self)

def f():
    try:
        down(0)
    except RecursionError as e:
        a = str(e)
    try:
        repr(R())
    except RecursionError as e:
        b = type(e).__name__
    return a + "|" + b
)");
    Value r = call_global(interp, g, "f");
    CHECK(str_utf8(interp, r) == "maximum recursion depth exceeded|RecursionError");
    CHECK(vm.depth == 0);
    CHECK(vm.native_depth == 0);
}

TEST_CASE("the heap limit raises MemoryError, which Python code can catch") {
    Interp interp(std::size_t{16} << 20);
    Vm vm(interp);
    Dict* g = run_module(interp, R"(
def hog():
    keep = []
    try:
        while True:
            keep.append([0] * 10000)
    except MemoryError:
        n = len(keep)
        keep = None
        return "MemoryError after %d lists" % (n > 10)
)");
    Value r = call_global(interp, g, "hog");
    CHECK(str_utf8(interp, r) == "MemoryError after 1 lists");
}

TEST_CASE("suspended generators and finished frames are collected") {
    Interp interp;
    Vm vm(interp);
    Dict* g = run_module(interp, R"(
def gen(n):
    data = [n] * 10
    yield data
    yield n

def churn():
    kept = []
    for i in range(2000):
        it = gen(i)
        next(it)
        kept.append(it)
    kept = None
    return "done"
)");
    interp.collect();
    const std::size_t before = interp.heap.object_count();
    CHECK(str_utf8(interp, call_global(interp, g, "churn")) == "done");
    interp.collect();
    CHECK(interp.heap.object_count() <= before + 16);
    CHECK(vm.current == nullptr);
}
