// Disassembler tests: pinned listings of small functions. They pin corio's
// own compiler output (not CPython's bytecode), each checked by hand when
// written: stack effects, jump targets, the exception table's ranges,
// depths and lasti flags. A compiler change that alters one must be looked
// at again, which is the point.
#include <catch2/catch.hpp>

#include <string>

#include "py/compiler.hpp"
#include "py/dis.hpp"

namespace {

using corio::py::CodeSpec;
using corio::py::ConstantSpec;

// The full listing of the module's function `f` (and the code nested in
// it), without the final newline.
std::string dis_of_f(const std::string& source) {
  auto module = corio::py::compile_source(source + "\n", "d.py");
  for (const ConstantSpec& c : module->consts) {
    if (const auto* code = std::get_if<std::shared_ptr<const CodeSpec>>(&c.value)) {
      if ((*code)->name != "f") continue;
      std::string out = corio::py::disassemble(**code);
      if (!out.empty() && out.back() == '\n') out.pop_back();
      return out;
    }
  }
  return "no f";
}

std::string repr(ConstantSpec::Value v) { return corio::py::constant_repr(ConstantSpec{std::move(v)}); }

}  // namespace

TEST_CASE("dis: constants print as Python's repr", "[dis]") {
  CHECK(repr(ConstantSpec::None{}) == "None");
  CHECK(repr(ConstantSpec::Ellipsis{}) == "Ellipsis");
  CHECK(repr(true) == "True");
  CHECK(repr(int64_t{-42}) == "-42");
  CHECK(repr(0.1) == "0.1");
  CHECK(repr(1e16) == "1e+16");
  CHECK(repr(ConstantSpec::Complex{2.0}) == "2j");
  CHECK(repr(ConstantSpec::Complex{1.5}) == "1.5j");
  CHECK(repr(std::string("it's\n")) == "\"it's\\n\"");
  CHECK(repr(std::string("a'b\"c")) == "'a\\'b\"c'");
  CHECK(repr(ConstantSpec::Bytes{std::string("x\xff", 2)}) == "b'x\\xff'");
  CHECK(repr(ConstantSpec::Tuple{ConstantSpec{int64_t{1}}}) == "(1,)");
  CHECK(repr(ConstantSpec::Tuple{ConstantSpec{int64_t{1}}, ConstantSpec{std::string("a")}}) == "(1, 'a')");
  CHECK(repr(ConstantSpec::BigIntText{"ffffffffffffffffffff", 16}) == "0xffffffffffffffffffff");
}

TEST_CASE("dis: a module lists its nested code objects after its own code", "[dis]") {
  auto module = corio::py::compile_source("def f():\n    return 1\nx = f()\n", "m.py");
  CHECK(corio::py::disassemble(*module) ==
        R"dis(  1           0 LOAD_CONST               0 (<code object f, file "m.py", line 1>)
              1 MAKE_FUNCTION            0
              2 STORE_NAME               0 (f)

  3           3 PUSH_NULL
              4 LOAD_NAME                0 (f)
              5 CALL                     0
              6 STORE_NAME               1 (x)
              7 LOAD_CONST               1 (None)
              8 RETURN_VALUE

Disassembly of <code object f, file "m.py", line 1>:
  2           0 LOAD_CONST               1 (1)
              1 RETURN_VALUE
)dis");
}

TEST_CASE("dis: an if with an else", "[dis]") {
  CHECK(dis_of_f(R"py(def f(x):
    if x:
        return 1
    else:
        return 2)py") ==
        R"dis(  2           0 LOAD_FAST                0 (x)
              1 POP_JUMP_IF_FALSE        4 (to 4)

  3           2 LOAD_CONST               1 (1)
              3 RETURN_VALUE

  5     >>    4 LOAD_CONST               2 (2)
              5 RETURN_VALUE)dis");
}

TEST_CASE("dis: a for loop with a break", "[dis]") {
  CHECK(dis_of_f(R"py(def f(xs):
    for x in xs:
        if x:
            break
    return x)py") ==
        R"dis(  2           0 LOAD_FAST                0 (xs)
              1 GET_ITER
        >>    2 FOR_ITER                 9 (to 9)
              3 STORE_FAST               1 (x)

  3           4 LOAD_FAST                1 (x)
              5 POP_JUMP_IF_FALSE        8 (to 8)

  4           6 POP_TOP
              7 JUMP                     9 (to 9)
        >>    8 JUMP                     2 (to 2)

  5     >>    9 LOAD_FAST                1 (x)
             10 RETURN_VALUE)dis");
}

TEST_CASE("dis: try, except with a name, finally", "[dis]") {
  CHECK(dis_of_f(R"py(def f():
    try:
        g()
    except E as e:
        h(e)
    finally:
        k())py") ==
        R"dis(  3           0 PUSH_NULL
              1 LOAD_GLOBAL              0 (g)
              2 CALL                     0
              3 POP_TOP_EXPR
              4 JUMP                    28 (to 28)
        >>    5 PUSH_EXC_INFO

  4           6 LOAD_GLOBAL              1 (E)
              7 CHECK_EXC_MATCH
              8 POP_JUMP_IF_FALSE       24 (to 24)
              9 STORE_FAST               0 (e)

  5          10 PUSH_NULL
             11 LOAD_GLOBAL              2 (h)
             12 LOAD_FAST                0 (e)
             13 CALL                     1
             14 POP_TOP_EXPR
             15 POP_EXCEPT
             16 LOAD_CONST               0 (None)
             17 STORE_FAST               0 (e)
             18 DELETE_FAST              0 (e)
             19 JUMP                    28 (to 28)
        >>   20 LOAD_CONST               0 (None)
             21 STORE_FAST               0 (e)
             22 DELETE_FAST              0 (e)
             23 RERAISE                  1
        >>   24 RERAISE                  0
        >>   25 COPY                     3
             26 POP_EXCEPT
             27 RERAISE                  1

  7     >>   28 PUSH_NULL
             29 LOAD_GLOBAL              3 (k)
             30 CALL                     0
             31 POP_TOP_EXPR
             32 JUMP                    42 (to 42)
        >>   33 PUSH_EXC_INFO
             34 PUSH_NULL
             35 LOAD_GLOBAL              3 (k)
             36 CALL                     0
             37 POP_TOP_EXPR
             38 RERAISE                  0
        >>   39 COPY                     3
             40 POP_EXCEPT
             41 RERAISE                  1
        >>   42 LOAD_CONST               0 (None)
             43 RETURN_VALUE
ExceptionTable:
  0 to 3 -> 5 [0]
  4 to 4 -> 33 [0]
  5 to 9 -> 25 [1] lasti
  10 to 14 -> 20 [1] lasti
  15 to 19 -> 33 [0]
  20 to 24 -> 25 [1] lasti
  25 to 27 -> 33 [0]
  33 to 38 -> 39 [1] lasti)dis");
}

TEST_CASE("dis: a closure", "[dis]") {
  CHECK(dis_of_f(R"py(def f(x):
    def g():
        return x
    return g)py") ==
        R"dis(              0 MAKE_CELL                0 (x)
  2           1 LOAD_CLOSURE             0 (x)
              2 BUILD_TUPLE              1
              3 LOAD_CONST               1 (<code object g, file "d.py", line 2>)
              4 MAKE_FUNCTION            8 (closure)
              5 STORE_FAST               1 (g)

  4           6 LOAD_FAST                1 (g)
              7 RETURN_VALUE

Disassembly of <code object g, file "d.py", line 2>:
              0 COPY_FREE_VARS           1
  3           1 LOAD_DEREF               0 (x)
              2 RETURN_VALUE)dis");
}

TEST_CASE("dis: a coroutine awaiting a method call", "[dis]") {
  CHECK(dis_of_f(R"py(async def f(q):
    return await q.get())py") ==
        R"dis(  2           0 LOAD_FAST                0 (q)
              1 LOAD_METHOD              0 (get)
              2 CALL                     0
              3 GET_AWAITABLE            0
              4 LOAD_CONST               0 (None)
        >>    5 SEND                     8 (to 8)
              6 YIELD_VALUE
              7 JUMP                     5 (to 5)
        >>    8 RETURN_VALUE)dis");
}

TEST_CASE("dis: a list comprehension with a condition", "[dis]") {
  CHECK(dis_of_f(R"py(def f(xs):
    return [x + 1 for x in xs if x])py") ==
        R"dis(  2           0 PUSH_NULL
              1 LOAD_CONST               1 (<code object <listcomp>, file "d.py", line 2>)
              2 MAKE_FUNCTION            0
              3 LOAD_FAST                0 (xs)
              4 GET_ITER
              5 CALL                     1
              6 RETURN_VALUE

Disassembly of <code object <listcomp>, file "d.py", line 2>:
  2           0 BUILD_LIST               0
              1 LOAD_FAST                0 (.0)
        >>    2 FOR_ITER                11 (to 11)
              3 STORE_FAST               1 (x)
              4 LOAD_FAST                1 (x)
              5 POP_JUMP_IF_FALSE       10 (to 10)
              6 LOAD_FAST                1 (x)
              7 LOAD_CONST               0 (1)
              8 BINARY_OP                0 (+)
              9 LIST_APPEND              2
        >>   10 JUMP                     2 (to 2)
        >>   11 RETURN_VALUE)dis");
}

TEST_CASE("dis: a with statement", "[dis]") {
  CHECK(dis_of_f(R"py(def f(path):
    with open(path) as fh:
        return fh.read())py") ==
        R"dis(  2           0 PUSH_NULL
              1 LOAD_GLOBAL              0 (open)
              2 LOAD_FAST                0 (path)
              3 CALL                     1
              4 BEFORE_WITH
              5 STORE_FAST               1 (fh)

  3           6 LOAD_FAST                1 (fh)
              7 LOAD_METHOD              1 (read)
              8 CALL                     0

  2           9 SWAP                     2
             10 LOAD_CONST               0 (None)
             11 LOAD_CONST               0 (None)
             12 LOAD_CONST               0 (None)
             13 CALL                     2
             14 POP_TOP

  3          15 RETURN_VALUE

  2     >>   16 PUSH_EXC_INFO
             17 WITH_EXCEPT_START
             18 POP_JUMP_IF_TRUE        23 (to 23)
             19 RERAISE                  2
        >>   20 COPY                     3
             21 POP_EXCEPT
             22 RERAISE                  1
        >>   23 POP_TOP
             24 POP_EXCEPT
             25 POP_TOP
             26 POP_TOP
             27 LOAD_CONST               0 (None)
             28 RETURN_VALUE
ExceptionTable:
  5 to 8 -> 16 [1] lasti
  16 to 19 -> 20 [3] lasti
  23 to 23 -> 20 [3] lasti)dis");
}

TEST_CASE("dis: keyword and star arguments", "[dis]") {
  CHECK(dis_of_f(R"py(def f(a, kw):
    g(a, key=1)
    g(*a, **kw))py") ==
        R"dis(  2           0 PUSH_NULL
              1 LOAD_GLOBAL              0 (g)
              2 LOAD_FAST                0 (a)
              3 LOAD_CONST               1 (1)
              4 LOAD_CONST               2 (('key',))
              5 CALL_KW                  2
              6 POP_TOP_EXPR

  3           7 PUSH_NULL
              8 LOAD_GLOBAL              0 (g)
              9 LOAD_FAST                0 (a)
             10 BUILD_MAP                0
             11 LOAD_FAST                1 (kw)
             12 DICT_MERGE               1
             13 CALL_FUNCTION_EX         1
             14 POP_TOP_EXPR
             15 LOAD_CONST               0 (None)
             16 RETURN_VALUE)dis");
}


TEST_CASE("dis: expression statements that may drop a coroutine", "[dis]") {
  // A call's value may be the only reference to a new coroutine: checked
  // for "never awaited" (POP_TOP_EXPR); a variable still holds its value.
  CHECK(dis_of_f(R"py(def f(c):
    c
    g())py") ==
        R"dis(  2           0 LOAD_FAST                0 (c)
              1 POP_TOP

  3           2 PUSH_NULL
              3 LOAD_GLOBAL              0 (g)
              4 CALL                     0
              5 POP_TOP_EXPR
              6 LOAD_CONST               0 (None)
              7 RETURN_VALUE)dis");
}
