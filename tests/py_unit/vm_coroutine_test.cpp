// VM tests: Python coroutines driven one step at a time through the
// engine's step function (coroutine_step), as the asyncio layer will.
#include <catch2/catch.hpp>

#include <string>

#include "py/code.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/generator.hpp"
#include "py/int.hpp"
#include "py/interp.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/vm.hpp"
#include "py/vm_source.hpp"

namespace {

using namespace corio::py;
using Kind = corio::StepResult::Kind;

// Runs `source` as a module; returns its globals.
Dict* run_module(Interp& interp, const std::string& source) {
    Code* code = load_code(interp, compile_program(source, "<test>"));
    Dict* globals = make_dict(interp);
    globals->set_str(interp, "__name__", make_str(interp, "__test__"));
    run_module_code(interp, code, globals);
    return globals;
}

Value call_global(Interp& interp, Dict* globals, const char* name) {
    Value fn = globals->get_str(interp, name);
    REQUIRE(fn);
    return corio::py::call(interp, fn, nullptr, 0);
}

const char* kProgram = R"(
class Fut:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        got = yield self
        return 20

class Bare:
    def __await__(self):
        yield

async def leaf():
    return await Fut("leaf")

async def middle():
    return await leaf() + 1

async def main():
    return await middle() * 2

async def catcher():
    try:
        await Fut("wait")
    except ValueError as e:
        return "caught " + str(e)

async def deep(n):
    if n == 0:
        return await Fut("bottom")
    return await deep(n - 1) + 1

async def bare():
    await Bare()
    return "after bare"
)";

}  // namespace

TEST_CASE("coroutine_step runs an await chain until a custom awaitable yields") {
    Interp interp;
    Vm vm(interp);
    Dict* g = run_module(interp, kProgram);
    Value coro = call_global(interp, g, "main");
    CoroutineStep s1 = coroutine_step(interp, coro, Value());
    REQUIRE(s1.kind == Kind::Blocked);
    CHECK(str_utf8(interp, getattr(interp, s1.value, interp.intern("label"))) == "leaf");
    CoroutineStep s2 = coroutine_step(interp, coro, Value());
    REQUIRE(s2.kind == Kind::Returned);
    CHECK(s2.value.as_small_int() == 42);
    CHECK(vm.depth == 0);
    CHECK(vm.current == nullptr);
}

TEST_CASE("coroutine_step throws into the innermost awaiting frame") {
    Interp interp;
    Vm vm(interp);
    Dict* g = run_module(interp, kProgram);
    Value coro = call_global(interp, g, "catcher");
    REQUIRE(coroutine_step(interp, coro, Value()).kind == Kind::Blocked);
    Value err = new_exception(interp, interp.exc.ValueError, "boom");
    CoroutineStep s = coroutine_step(interp, coro, err);
    REQUIRE(s.kind == Kind::Returned);
    CHECK(str_utf8(interp, s.value) == "caught boom");
}

TEST_CASE("a bare yield is a Yielded step, an uncaught exception a Raised one") {
    Interp interp;
    Vm vm(interp);
    Dict* g = run_module(interp, kProgram);
    Value coro = call_global(interp, g, "bare");
    REQUIRE(coroutine_step(interp, coro, Value()).kind == Kind::Yielded);
    CoroutineStep done = coroutine_step(interp, coro, Value());
    REQUIRE(done.kind == Kind::Returned);
    CHECK(str_utf8(interp, done.value) == "after bare");

    Value other = call_global(interp, g, "main");
    REQUIRE(coroutine_step(interp, other, Value()).kind == Kind::Blocked);
    CoroutineStep raised =
        coroutine_step(interp, other, new_exception(interp, interp.exc.KeyError, "k"));
    REQUIRE(raised.kind == Kind::Raised);
    CHECK(exception_matches(interp, raised.value, interp.exc.KeyError));
    // Finished: stepping again is an error, reported as Raised.
    CoroutineStep again = coroutine_step(interp, other, Value());
    CHECK(again.kind == Kind::Raised);
}

TEST_CASE("an await chain hundreds of frames deep costs no C++ recursion") {
    Interp interp;
    Vm vm(interp);
    Dict* g = run_module(interp, kProgram);
    Value deep = g->get_str(interp, "deep");
    Value n = Value::small_int(500);
    Value coro = corio::py::call(interp, deep, &n, 1);
    REQUIRE(coroutine_step(interp, coro, Value()).kind == Kind::Blocked);
    CHECK(vm.native_depth == 0);
    CoroutineStep s = coroutine_step(interp, coro, Value());
    REQUIRE(s.kind == Kind::Returned);
    CHECK(s.value.as_small_int() == 520);
}
