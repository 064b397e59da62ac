// Parser tests: each source is parsed and dumped in the format of CPython's
// ast.dump(); the expected dumps and SyntaxErrors were produced by CPython 3.11
// (python3 -c "import ast; print(ast.dump(ast.parse(SRC)))", compile()).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "py/parser.hpp"

namespace {

using corio::py::SyntaxError;

std::string dump_of(const std::string& source) {
  corio::py::ParsedModule parsed = corio::py::parse_module(source);
  return corio::py::ast::dump(*parsed.module);
}

// "Kind: msg @ lineno:offset-end_lineno:end_offset", or "no error".
std::string error_of(const std::string& source) {
  try {
    corio::py::parse_module(source);
  } catch (const SyntaxError& e) {
    return e.kind + ": " + e.msg + " @ " + std::to_string(e.lineno) + ":" + std::to_string(e.offset) + "-" +
           std::to_string(e.end_lineno) + ":" + std::to_string(e.end_offset);
  }
  return "no error";
}

// /work/shared/conformance, found from this file: tests/py_unit/ -> ../../../shared
std::filesystem::path conformance_dir() {
  return std::filesystem::path(__FILE__).parent_path() / ".." / ".." / ".." / "shared" / "conformance";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("parser: an assignment of an int", "[parser]") {
  CHECK(dump_of(R"py(x = 1)py") ==
        R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[]))py");
}

TEST_CASE("parser: chained assignment shares the value", "[parser]") {
  CHECK(dump_of(R"py(a = b = c)py") ==
        R"py(Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: starred unpacking targets are stored", "[parser]") {
  CHECK(dump_of(R"py(a, *b = c)py") ==
        R"py(Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: nested list and tuple targets", "[parser]") {
  CHECK(dump_of(R"py([a, (b, c)] = d)py") ==
        R"py(Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: augmented assignment with floor division", "[parser]") {
  CHECK(dump_of(R"py(x //= 2)py") ==
        R"py(Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=FloorDiv(), value=Constant(value=2))], type_ignores=[]))py");
}

TEST_CASE("parser: augmented assignment with power", "[parser]") {
  CHECK(dump_of(R"py(x **= 2)py") ==
        R"py(Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Pow(), value=Constant(value=2))], type_ignores=[]))py");
}

TEST_CASE("parser: an annotated name is simple", "[parser]") {
  CHECK(dump_of(R"py(x: int = 5)py") ==
        R"py(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=5), simple=1)], type_ignores=[]))py");
}

TEST_CASE("parser: a parenthesised annotated name is not simple", "[parser]") {
  CHECK(dump_of(R"py((x): int)py") ==
        R"py(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[]))py");
}

TEST_CASE("parser: an annotated attribute without value", "[parser]") {
  CHECK(dump_of(R"py(self.x: list[int])py") ==
        R"py(Module(body=[AnnAssign(target=Attribute(value=Name(id='self', ctx=Load()), attr='x', ctx=Store()), annotation=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='int', ctx=Load()), ctx=Load()), simple=0)], type_ignores=[]))py");
}

TEST_CASE("parser: unary minus binds looser than power", "[parser]") {
  CHECK(dump_of(R"py(-x**2)py") ==
        R"py(Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load()), op=Pow(), right=Constant(value=2))))], type_ignores=[]))py");
}

TEST_CASE("parser: not binds looser than comparison", "[parser]") {
  CHECK(dump_of(R"py(not a == b)py") ==
        R"py(Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())])))], type_ignores=[]))py");
}

TEST_CASE("parser: await binds tighter than power", "[parser]") {
  CHECK(dump_of(R"py(async def f():
    await x ** 2)py") ==
        R"py(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=BinOp(left=Await(value=Name(id='x', ctx=Load())), op=Pow(), right=Constant(value=2)))], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: power is right associative", "[parser]") {
  CHECK(dump_of(R"py(a ** b ** c)py") ==
        R"py(Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load()))))], type_ignores=[]))py");
}

TEST_CASE("parser: arithmetic precedence", "[parser]") {
  CHECK(dump_of(R"py(a + b * c - d / e % f // g @ h)py") ==
        R"py(Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=BinOp(left=Name(id='b', ctx=Load()), op=Mult(), right=Name(id='c', ctx=Load()))), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=Div(), right=Name(id='e', ctx=Load())), op=Mod(), right=Name(id='f', ctx=Load())), op=FloorDiv(), right=Name(id='g', ctx=Load())), op=MatMult(), right=Name(id='h', ctx=Load()))))], type_ignores=[]))py");
}

TEST_CASE("parser: bitwise precedence", "[parser]") {
  CHECK(dump_of(R"py(a | b ^ c & d << e >> f)py") ==
        R"py(Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=Name(id='f', ctx=Load()))))))], type_ignores=[]))py");
}

TEST_CASE("parser: boolean operators group", "[parser]") {
  CHECK(dump_of(R"py(a or b and not c or d)py") ==
        R"py(Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='c', ctx=Load()))]), Name(id='d', ctx=Load())]))], type_ignores=[]))py");
}

TEST_CASE("parser: chained comparisons with not in and is not", "[parser]") {
  CHECK(dump_of(R"py(a < b <= c != d not in e is not f in g is h)py") ==
        R"py(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq(), NotIn(), IsNot(), In(), Is()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), Name(id='h', ctx=Load())]))], type_ignores=[]))py");
}

TEST_CASE("parser: a conditional expression", "[parser]") {
  CHECK(dump_of(R"py(x = a if b else c)py") ==
        R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[]))py");
}

TEST_CASE("parser: a walrus in an if", "[parser]") {
  CHECK(dump_of(R"py(if (n := len(a)) > 10:
    pass)py") ==
        R"py(Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()], orelse=[])], type_ignores=[]))py");
}

TEST_CASE("parser: a lambda with every parameter kind", "[parser]") {
  CHECK(dump_of(R"py(lambda x, /, y=1, *a, z, w=2, **k: 0)py") ==
        R"py(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='x')], args=[arg(arg='y')], vararg=arg(arg='a'), kwonlyargs=[arg(arg='z'), arg(arg='w')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='k'), defaults=[Constant(value=1)]), body=Constant(value=0)))], type_ignores=[]))py");
}

TEST_CASE("parser: a def with defaults, keyword-only and annotations", "[parser]") {
  CHECK(dump_of(R"py(def f(a, b: int = 2, *args, c, d=4, **kw) -> str:
    return a)py") ==
        R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=4)], kwarg=arg(arg='kw'), defaults=[Constant(value=2)]), body=[Return(value=Name(id='a', ctx=Load()))], decorator_list=[], returns=Name(id='str', ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: a def with positional-only parameters", "[parser]") {
  CHECK(dump_of(R"py(def f(a, b=1, /, c=2):
    pass)py") ==
        R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[arg(arg='c')], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=1), Constant(value=2)]), body=[Pass()], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: a def with a bare star", "[parser]") {
  CHECK(dump_of(R"py(def f(*, key=None):
    pass)py") ==
        R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='key')], kw_defaults=[Constant(value=None)], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: decorators on a function", "[parser]") {
  CHECK(dump_of(R"py(@dec
@mod.dec(1)
def f():
    pass)py") ==
        R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Attribute(value=Name(id='mod', ctx=Load()), attr='dec', ctx=Load()), args=[Constant(value=1)], keywords=[])])], type_ignores=[]))py");
}

TEST_CASE("parser: a class with bases, keywords and a decorator", "[parser]") {
  CHECK(dump_of(R"py(@dataclass
class A(B, C, metaclass=M):
    x = 1)py") ==
        R"py(Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Name(id='C', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], decorator_list=[Name(id='dataclass', ctx=Load())])], type_ignores=[]))py");
}

TEST_CASE("parser: async def, await, async for and async with", "[parser]") {
  CHECK(dump_of(R"py(async def main():
    async with lock as l:
        await asyncio.sleep(1)
    async for x in gen():
        print(x))py") ==
        R"py(Module(body=[AsyncFunctionDef(name='main', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncWith(items=[withitem(context_expr=Name(id='lock', ctx=Load()), optional_vars=Name(id='l', ctx=Store()))], body=[Expr(value=Await(value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), attr='sleep', ctx=Load()), args=[Constant(value=1)], keywords=[])))]), AsyncFor(target=Name(id='x', ctx=Store()), iter=Call(func=Name(id='gen', ctx=Load()), args=[], keywords=[]), body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]))], orelse=[])], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: return without value", "[parser]") {
  CHECK(dump_of(R"py(def f():
    return)py") ==
        R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return()], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: yield and yield from", "[parser]") {
  CHECK(dump_of(R"py(def g():
    yield
    yield 1, 2
    x = yield from h())py") ==
        R"py(Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Yield()), Expr(value=Yield(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))), Assign(targets=[Name(id='x', ctx=Store())], value=YieldFrom(value=Call(func=Name(id='h', ctx=Load()), args=[], keywords=[])))], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: global and nonlocal", "[parser]") {
  CHECK(dump_of(R"py(def f():
    global a, b
    def g():
        nonlocal c)py") ==
        R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Global(names=['a', 'b']), FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['c'])], decorator_list=[])], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: del of several targets", "[parser]") {
  CHECK(dump_of(R"py(del a, b[0], c.d)py") ==
        R"py(Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])], type_ignores=[]))py");
}

TEST_CASE("parser: del of a parenthesised tuple", "[parser]") {
  CHECK(dump_of(R"py(del (a, b))py") ==
        R"py(Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())], ctx=Del())])], type_ignores=[]))py");
}

TEST_CASE("parser: assert with a message", "[parser]") {
  CHECK(dump_of(R"py(assert x > 0, 'positive')py") ==
        R"py(Module(body=[Assert(test=Compare(left=Name(id='x', ctx=Load()), ops=[Gt()], comparators=[Constant(value=0)]), msg=Constant(value='positive'))], type_ignores=[]))py");
}

TEST_CASE("parser: import with dotted names and aliases", "[parser]") {
  CHECK(dump_of(R"py(import os, os.path as p)py") ==
        R"py(Module(body=[Import(names=[alias(name='os'), alias(name='os.path', asname='p')])], type_ignores=[]))py");
}

TEST_CASE("parser: relative from-import with parentheses", "[parser]") {
  CHECK(dump_of(R"py(from ..pkg.mod import (a, b as c,))py") ==
        R"py(Module(body=[ImportFrom(module='pkg.mod', names=[alias(name='a'), alias(name='b', asname='c')], level=2)], type_ignores=[]))py");
}

TEST_CASE("parser: from-import of a star", "[parser]") {
  CHECK(dump_of(R"py(from m import *)py") ==
        R"py(Module(body=[ImportFrom(module='m', names=[alias(name='*')], level=0)], type_ignores=[]))py");
}

TEST_CASE("parser: from dot import", "[parser]") {
  CHECK(dump_of(R"py(from . import x)py") ==
        R"py(Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[]))py");
}

TEST_CASE("parser: if, elif and else", "[parser]") {
  CHECK(dump_of(R"py(if a:
    x
elif b:
    y
else:
    z)py") ==
        R"py(Module(body=[If(test=Name(id='a', ctx=Load()), body=[Expr(value=Name(id='x', ctx=Load()))], orelse=[If(test=Name(id='b', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[Expr(value=Name(id='z', ctx=Load()))])])], type_ignores=[]))py");
}

TEST_CASE("parser: while with else, break and continue", "[parser]") {
  CHECK(dump_of(R"py(while True:
    if x:
        break
    continue
else:
    pass)py") ==
        R"py(Module(body=[While(test=Constant(value=True), body=[If(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[]), Continue()], orelse=[Pass()])], type_ignores=[]))py");
}

TEST_CASE("parser: for with tuple target and else", "[parser]") {
  CHECK(dump_of(R"py(for i, (a, b) in enumerate(x):
    pass
else:
    pass)py") ==
        R"py(Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], ctx=Store()), iter=Call(func=Name(id='enumerate', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]), body=[Pass()], orelse=[Pass()])], type_ignores=[]))py");
}

TEST_CASE("parser: try with handlers, else and finally", "[parser]") {
  CHECK(dump_of(R"py(try:
    x
except (A, B) as e:
    y
except C:
    pass
except:
    raise
else:
    z
finally:
    w)py") ==
        R"py(Module(body=[Try(body=[Expr(value=Name(id='x', ctx=Load()))], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Expr(value=Name(id='y', ctx=Load()))]), ExceptHandler(type=Name(id='C', ctx=Load()), body=[Pass()]), ExceptHandler(body=[Raise()])], orelse=[Expr(value=Name(id='z', ctx=Load()))], finalbody=[Expr(value=Name(id='w', ctx=Load()))])], type_ignores=[]))py");
}

TEST_CASE("parser: try star", "[parser]") {
  CHECK(dump_of(R"py(try:
    x
except* ValueError as eg:
    pass)py") ==
        R"py(Module(body=[TryStar(body=[Expr(value=Name(id='x', ctx=Load()))], handlers=[ExceptHandler(type=Name(id='ValueError', ctx=Load()), name='eg', body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[]))py");
}

TEST_CASE("parser: raise from", "[parser]") {
  CHECK(dump_of(R"py(raise RuntimeError('x') from exc)py") ==
        R"py(Module(body=[Raise(exc=Call(func=Name(id='RuntimeError', ctx=Load()), args=[Constant(value='x')], keywords=[]), cause=Name(id='exc', ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: with several items", "[parser]") {
  CHECK(dump_of(R"py(with open(a) as f, open(b) as g:
    pass)py") ==
        R"py(Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), optional_vars=Name(id='f', ctx=Store())), withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='b', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store()))], body=[Pass()])], type_ignores=[]))py");
}

TEST_CASE("parser: with the parenthesised form", "[parser]") {
  CHECK(dump_of(R"py(with (
    open(a) as f,
    open(b) as g,
):
    pass)py") ==
        R"py(Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), optional_vars=Name(id='f', ctx=Store())), withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='b', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store()))], body=[Pass()])], type_ignores=[]))py");
}

TEST_CASE("parser: with a parenthesised tuple expression", "[parser]") {
  CHECK(dump_of(R"py(with (a, b):
    pass)py") ==
        R"py(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[]))py");
}

TEST_CASE("parser: list, set, dict and generator comprehensions", "[parser]") {
  CHECK(dump_of(R"py([x for x in y if x if not z]
{x for x in y}
{k: v for k, v in d.items()}
(x for x in y))py") ==
        R"py(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='z', ctx=Load()))], is_async=0)])), Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])), Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)])), Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))py");
}

TEST_CASE("parser: nested and async comprehensions", "[parser]") {
  CHECK(dump_of(R"py(async def f():
    return [a async for b in c for a in b])py") ==
        R"py(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=ListComp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='b', ctx=Store()), iter=Name(id='c', ctx=Load()), ifs=[], is_async=1), comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)]))], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: a generator expression as the only argument", "[parser]") {
  CHECK(dump_of(R"py(sum(x * x for x in range(10)))py") ==
        R"py(Module(body=[Expr(value=Call(func=Name(id='sum', ctx=Load()), args=[GeneratorExp(elt=BinOp(left=Name(id='x', ctx=Load()), op=Mult(), right=Name(id='x', ctx=Load())), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=10)], keywords=[]), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[]))py");
}

TEST_CASE("parser: call with star and double-star arguments", "[parser]") {
  CHECK(dump_of(R"py(f(a, *b, c=1, *d, **e))py") ==
        R"py(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load()), Starred(value=Name(id='d', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='e', ctx=Load()))]))], type_ignores=[]))py");
}

TEST_CASE("parser: extended slices with steps and tuples", "[parser]") {
  CHECK(dump_of(R"py(x[1:2, ::3]
x[a:b:c]
x[::]
x[:, 1])py") ==
        R"py(Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Name(id='a', ctx=Load()), upper=Name(id='b', ctx=Load()), step=Name(id='c', ctx=Load())), ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(), ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slice(), Constant(value=1)], ctx=Load()), ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: subscript with a starred element", "[parser]") {
  CHECK(dump_of(R"py(x[*a])py") ==
        R"py(Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: dict with double-star entries", "[parser]") {
  CHECK(dump_of(R"py({'a': 1, **b, 'c': 2})py") ==
        R"py(Module(body=[Expr(value=Dict(keys=[Constant(value='a'), None, Constant(value='c')], values=[Constant(value=1), Name(id='b', ctx=Load()), Constant(value=2)]))], type_ignores=[]))py");
}

TEST_CASE("parser: set and list with starred elements", "[parser]") {
  CHECK(dump_of(R"py({*a, b}
[*a, *b])py") ==
        R"py(Module(body=[Expr(value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())])), Expr(value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: empty displays", "[parser]") {
  CHECK(dump_of(R"py([]
()
{})py") ==
        R"py(Module(body=[Expr(value=List(elts=[], ctx=Load())), Expr(value=Tuple(elts=[], ctx=Load())), Expr(value=Dict(keys=[], values=[]))], type_ignores=[]))py");
}

TEST_CASE("parser: a one-element tuple", "[parser]") {
  CHECK(dump_of(R"py(x = 1,)py") ==
        R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: ellipsis and singletons", "[parser]") {
  CHECK(dump_of(R"py(..., None, True, False)py") ==
        R"py(Module(body=[Expr(value=Tuple(elts=[Constant(value=Ellipsis), Constant(value=None), Constant(value=True), Constant(value=False)], ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: integers in every base with underscores", "[parser]") {
  CHECK(dump_of(R"py(0xff_ff, 0o777, 0b1010, 1_000_000, 0)py") ==
        R"py(Module(body=[Expr(value=Tuple(elts=[Constant(value=65535), Constant(value=511), Constant(value=10), Constant(value=1000000), Constant(value=0)], ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: an integer too big for 64 bits", "[parser]") {
  CHECK(dump_of(R"py(123456789012345678901234567890)py") ==
        R"py(Module(body=[Expr(value=Constant(value=123456789012345678901234567890))], type_ignores=[]))py");
}

TEST_CASE("parser: a big hexadecimal integer", "[parser]") {
  CHECK(dump_of(R"py(0xFFFFFFFFFFFFFFFFFFFF)py") ==
        R"py(Module(body=[Expr(value=Constant(value=1208925819614629174706175))], type_ignores=[]))py");
}

TEST_CASE("parser: floats and imaginary numbers", "[parser]") {
  CHECK(dump_of(R"py(1.5, 1_000.25, 1e3, 2.5e-3, .5, 1j, 1e3j, 1.5J)py") ==
        R"py(Module(body=[Expr(value=Tuple(elts=[Constant(value=1.5), Constant(value=1000.25), Constant(value=1000.0), Constant(value=0.0025), Constant(value=0.5), Constant(value=1j), Constant(value=1000j), Constant(value=1.5j)], ctx=Load()))], type_ignores=[]))py");
}

TEST_CASE("parser: string prefixes and concatenation", "[parser]") {
  CHECK(dump_of(R"py('a' "b" r'\d' U'x'
b'y' rb'\z' BR'q')py") ==
        R"py(Module(body=[Expr(value=Constant(value='ab\\dx')), Expr(value=Constant(value=b'y\\zq'))], type_ignores=[]))py");
}

TEST_CASE("parser: u prefix gives kind u", "[parser]") {
  CHECK(dump_of(R"py(u'a' 'b')py") ==
        R"py(Module(body=[Expr(value=Constant(value='ab', kind='u'))], type_ignores=[]))py");
}

TEST_CASE("parser: string escapes are decoded", "[parser]") {
  CHECK(dump_of(R"py('\n\t\\\'\"\x41\u00e9\U0001F600\101\q')py") ==
        R"py(Module(body=[Expr(value=Constant(value='\n\t\\\'"Aé😀A\\q'))], type_ignores=[]))py");
}

TEST_CASE("parser: a line continuation inside a string", "[parser]") {
  CHECK(dump_of(R"py('abc\
def')py") ==
        R"py(Module(body=[Expr(value=Constant(value='abcdef'))], type_ignores=[]))py");
}

TEST_CASE("parser: triple-quoted strings keep newlines", "[parser]") {
  CHECK(dump_of(R"py('''one
two''')py") ==
        R"py(Module(body=[Expr(value=Constant(value='one\ntwo'))], type_ignores=[]))py");
}

TEST_CASE("parser: bytes escapes", "[parser]") {
  CHECK(dump_of(R"py(b'\x00\xff\n\u1234')py") ==
        R"py(Module(body=[Expr(value=Constant(value=b'\x00\xff\n\\u1234'))], type_ignores=[]))py");
}

TEST_CASE("parser: non-ASCII text in strings and names", "[parser]") {
  CHECK(dump_of(R"py(café = 'naïve ü')py") ==
        R"py(Module(body=[Assign(targets=[Name(id='café', ctx=Store())], value=Constant(value='naïve ü'))], type_ignores=[]))py");
}

TEST_CASE("parser: an f-string with conversions and format specs", "[parser]") {
  CHECK(dump_of(R"py(f'{a!r} {b!s:>10} {c!a} {d:.2f}')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114), Constant(value=' '), FormattedValue(value=Name(id='b', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Constant(value='>10')])), Constant(value=' '), FormattedValue(value=Name(id='c', ctx=Load()), conversion=97), Constant(value=' '), FormattedValue(value=Name(id='d', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.2f')]))]))], type_ignores=[]))py");
}

TEST_CASE("parser: an f-string with nested replacement fields in the spec", "[parser]") {
  CHECK(dump_of(R"py(f'{x:{w}.{p}f}')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1), Constant(value='f')]))]))], type_ignores=[]))py");
}

TEST_CASE("parser: the f-string debug form uses repr", "[parser]") {
  CHECK(dump_of(R"py(f'{x=}')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))py");
}

TEST_CASE("parser: the f-string debug form keeps whitespace and merges literals", "[parser]") {
  CHECK(dump_of(R"py(f'a{ x = }b')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), Constant(value='b')]))], type_ignores=[]))py");
}

TEST_CASE("parser: the f-string debug form with a spec has no conversion", "[parser]") {
  CHECK(dump_of(R"py(f'{x=:.2f}')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.2f')]))]))], type_ignores=[]))py");
}

TEST_CASE("parser: the f-string debug form with an explicit conversion", "[parser]") {
  CHECK(dump_of(R"py(f'{name=!s}')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='name='), FormattedValue(value=Name(id='name', ctx=Load()), conversion=115)]))], type_ignores=[]))py");
}

TEST_CASE("parser: f-string brace escapes", "[parser]") {
  CHECK(dump_of(R"py(f'{{literal}} {{{n}}}')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='{literal} {'), FormattedValue(value=Name(id='n', ctx=Load()), conversion=-1), Constant(value='}')]))], type_ignores=[]))py");
}

TEST_CASE("parser: an f-string with an empty format spec", "[parser]") {
  CHECK(dump_of(R"py(f'{x:}')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[]))py");
}

TEST_CASE("parser: f-strings concatenated with plain strings", "[parser]") {
  CHECK(dump_of(R"py('a' f'{x}' 'b' f'c')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='bc')]))], type_ignores=[]))py");
}

TEST_CASE("parser: an empty f-string", "[parser]") {
  CHECK(dump_of(R"py(f'')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[]))py");
}

TEST_CASE("parser: an f-string with strings, subscripts and calls inside", "[parser]") {
  CHECK(dump_of(R"py(f"{d['k']} {len(items) * 2} {'nested ' + 'expr'}")py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='d', ctx=Load()), slice=Constant(value='k'), ctx=Load()), conversion=-1), Constant(value=' '), FormattedValue(value=BinOp(left=Call(func=Name(id='len', ctx=Load()), args=[Name(id='items', ctx=Load())], keywords=[]), op=Mult(), right=Constant(value=2)), conversion=-1), Constant(value=' '), FormattedValue(value=BinOp(left=Constant(value='nested '), op=Add(), right=Constant(value='expr')), conversion=-1)]))], type_ignores=[]))py");
}

TEST_CASE("parser: an f-string with a comparison containing ! and =", "[parser]") {
  CHECK(dump_of(R"py(f'{a != b} {a == b} {a <= b}')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotEq()], comparators=[Name(id='b', ctx=Load())]), conversion=-1), Constant(value=' '), FormattedValue(value=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())]), conversion=-1), Constant(value=' '), FormattedValue(value=Compare(left=Name(id='a', ctx=Load()), ops=[LtE()], comparators=[Name(id='b', ctx=Load())]), conversion=-1)]))], type_ignores=[]))py");
}

TEST_CASE("parser: a raw f-string", "[parser]") {
  CHECK(dump_of(R"py(rf'\d{x}')py") ==
        R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\d'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
}

TEST_CASE("parser: match with literal, capture and wildcard", "[parser]") {
  CHECK(dump_of(R"py(match x:
    case 1:
        pass
    case 'a' | 'b':
        pass
    case y:
        pass
    case _:
        pass)py") ==
        R"py(Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchValue(value=Constant(value=1)), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value='a')), MatchValue(value=Constant(value='b'))]), body=[Pass()]), match_case(pattern=MatchAs(name='y'), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()])])], type_ignores=[]))py");
}

TEST_CASE("parser: match with value, sequence and star patterns", "[parser]") {
  CHECK(dump_of(R"py(match p:
    case Color.RED:
        pass
    case [a, *rest]:
        pass
    case (a, b, *_):
        pass
    case []:
        pass)py") ==
        R"py(Module(body=[Match(subject=Name(id='p', ctx=Load()), cases=[match_case(pattern=MatchValue(value=Attribute(value=Name(id='Color', ctx=Load()), attr='RED', ctx=Load())), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar(name='rest')]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b'), MatchStar()]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[]), body=[Pass()])])], type_ignores=[]))py");
}

TEST_CASE("parser: match with class and mapping patterns", "[parser]") {
  CHECK(dump_of(R"py(match e:
    case Point(x=0, y=yy) as pt:
        pass
    case Cls(a, b, c=1):
        pass
    case {'k': v, **rest}:
        pass
    case {1: _, None: n}:
        pass)py") ==
        R"py(Module(body=[Match(subject=Name(id='e', ctx=Load()), cases=[match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[], kwd_attrs=['x', 'y'], kwd_patterns=[MatchValue(value=Constant(value=0)), MatchAs(name='yy')]), name='pt'), body=[Pass()]), match_case(pattern=MatchClass(cls=Name(id='Cls', ctx=Load()), patterns=[MatchAs(name='a'), MatchAs(name='b')], kwd_attrs=['c'], kwd_patterns=[MatchValue(value=Constant(value=1))]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value='k')], patterns=[MatchAs(name='v')], rest='rest'), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value=1), Constant(value=None)], patterns=[MatchAs(), MatchAs(name='n')]), body=[Pass()])])], type_ignores=[]))py");
}

TEST_CASE("parser: match with negative and complex literals, singletons and guards", "[parser]") {
  CHECK(dump_of(R"py(match v:
    case -1 | 1 + 2j | -3.5:
        pass
    case None | True | False:
        pass
    case (x, y) if x > y:
        pass
    case [1, 2] | [3, 4] as pair:
        pass)py") ==
        R"py(Module(body=[Match(subject=Name(id='v', ctx=Load()), cases=[match_case(pattern=MatchOr(patterns=[MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=1))), MatchValue(value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2j))), MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=3.5)))]), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchSingleton(value=None), MatchSingleton(value=True), MatchSingleton(value=False)]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='x'), MatchAs(name='y')]), guard=Compare(left=Name(id='x', ctx=Load()), ops=[Gt()], comparators=[Name(id='y', ctx=Load())]), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))]), MatchSequence(patterns=[MatchValue(value=Constant(value=3)), MatchValue(value=Constant(value=4))])]), name='pair'), body=[Pass()])])], type_ignores=[]))py");
}

TEST_CASE("parser: match with an open sequence and a tuple subject", "[parser]") {
  CHECK(dump_of(R"py(match a, b:
    case x, y:
        pass)py") ==
        R"py(Module(body=[Match(subject=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='x'), MatchAs(name='y')]), body=[Pass()])])], type_ignores=[]))py");
}

TEST_CASE("parser: match and case as ordinary names", "[parser]") {
  CHECK(dump_of(R"py(match = 1
case = match
match(x)
match[0] = 2
print(match, case))py") ==
        R"py(Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='case', ctx=Store())], value=Name(id='match', ctx=Load())), Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), Assign(targets=[Subscript(value=Name(id='match', ctx=Load()), slice=Constant(value=0), ctx=Store())], value=Constant(value=2)), Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='match', ctx=Load()), Name(id='case', ctx=Load())], keywords=[]))], type_ignores=[]))py");
}

TEST_CASE("parser: semicolon-separated statements", "[parser]") {
  CHECK(dump_of(R"py(a = 1; b = 2;)py") ==
        R"py(Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='b', ctx=Store())], value=Constant(value=2))], type_ignores=[]))py");
}

TEST_CASE("parser: backslash continuation and implicit joining", "[parser]") {
  CHECK(dump_of(R"py(x = 1 + \
    2
y = (1 +
     2))py") ==
        R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2))), Assign(targets=[Name(id='y', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[]))py");
}

TEST_CASE("parser: comments and blank lines produce no statements", "[parser]") {
  CHECK(dump_of(R"py(# comment

x = 1  # trailing

    # indented comment
y = 2
)py") ==
        R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[]))py");
}

TEST_CASE("parser: tabs indent to multiples of eight", "[parser]") {
  CHECK(dump_of(R"py(if x:
	if y:
		pass
	z = 1)py") ==
        R"py(Module(body=[If(test=Name(id='x', ctx=Load()), body=[If(test=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value=1))], orelse=[])], type_ignores=[]))py");
}

TEST_CASE("parser: print with keyword arguments", "[parser]") {
  CHECK(dump_of(R"py(print(a, b, sep='', end='\n'))py") ==
        R"py(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value='')), keyword(arg='end', value=Constant(value='\n'))]))], type_ignores=[]))py");
}

TEST_CASE("parser: await in a comprehension and a conditional", "[parser]") {
  CHECK(dump_of(R"py(async def f():
    return [await g(x) for x in y] if c else await h)py") ==
        R"py(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=IfExp(test=Name(id='c', ctx=Load()), body=ListComp(elt=Await(value=Call(func=Name(id='g', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]), orelse=Await(value=Name(id='h', ctx=Load()))))], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: starred return and yield values", "[parser]") {
  CHECK(dump_of(R"py(def f():
    return *a, b
    yield *a, b)py") ==
        R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())), Expr(value=Yield(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())))], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: keywords and unpacking in class bases", "[parser]") {
  CHECK(dump_of(R"py(class A(*bases, **kw):
    pass)py") ==
        R"py(Module(body=[ClassDef(name='A', bases=[Starred(value=Name(id='bases', ctx=Load()), ctx=Load())], keywords=[keyword(value=Name(id='kw', ctx=Load()))], body=[Pass()], decorator_list=[])], type_ignores=[]))py");
}

TEST_CASE("parser: a walrus in a comprehension condition", "[parser]") {
  CHECK(dump_of(R"py([y for x in data if (y := f(x))])py") ==
        R"py(Module(body=[Expr(value=ListComp(elt=Name(id='y', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='data', ctx=Load()), ifs=[NamedExpr(target=Name(id='y', ctx=Store()), value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]))], is_async=0)]))], type_ignores=[]))py");
}

TEST_CASE("parser: lambda without parameters and with defaults", "[parser]") {
  CHECK(dump_of(R"py(f = lambda: 0
g = lambda a=1, *b: a)py") ==
        R"py(Module(body=[Assign(targets=[Name(id='f', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0))), Assign(targets=[Name(id='g', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='a')], vararg=arg(arg='b'), kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=1)]), body=Name(id='a', ctx=Load())))], type_ignores=[]))py");
}

TEST_CASE("syntax error: a missing colon after def is 'expected ':''", "[parser][syntax-error]") {
  CHECK(error_of(R"py(def f(x)
    return x)py") ==
        R"py(SyntaxError: expected ':' @ 1:9-1:9)py");
}

TEST_CASE("syntax error: a missing colon after if is reported at the newline", "[parser][syntax-error]") {
  CHECK(error_of(R"py(if x
    pass)py") ==
        R"py(SyntaxError: expected ':' @ 1:5-1:5)py");
}

TEST_CASE("syntax error: a missing colon after class", "[parser][syntax-error]") {
  CHECK(error_of(R"py(class A
)py") ==
        R"py(SyntaxError: expected ':' @ 1:8-1:8)py");
}

TEST_CASE("syntax error: a missing colon after for", "[parser][syntax-error]") {
  CHECK(error_of(R"py(for x in y
  pass)py") ==
        R"py(SyntaxError: expected ':' @ 1:11-1:11)py");
}

TEST_CASE("syntax error: an unclosed parenthesis at the end of input", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = (1,
)py") ==
        R"py(SyntaxError: '(' was never closed @ 1:5-1:0)py");
}

TEST_CASE("syntax error: an unclosed bracket reported before a later parser error", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = (1,
def f(x)
  return 1
)py") ==
        R"py(SyntaxError: '(' was never closed @ 1:5-1:0)py");
}

TEST_CASE("syntax error: two expressions in brackets suggest a missing comma", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f(a b))py") ==
        R"py(SyntaxError: invalid syntax. Perhaps you forgot a comma? @ 1:3-1:6)py");
}

TEST_CASE("syntax error: the missing-comma hint spans only the first two expressions", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = f(a b c))py") ==
        R"py(SyntaxError: invalid syntax. Perhaps you forgot a comma? @ 1:7-1:10)py");
}

TEST_CASE("syntax error: a mismatched closing bracket", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = [1, 2))py") ==
        R"py(SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @ 1:10-1:10)py");
}

TEST_CASE("syntax error: a mismatched closing bracket on another line", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = (1,
2])py") ==
        R"py(SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @ 2:2-2:2)py");
}

TEST_CASE("syntax error: an unmatched closing parenthesis", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = ))py") ==
        R"py(SyntaxError: unmatched ')' @ 1:5-1:5)py");
}

TEST_CASE("syntax error: an unterminated string", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = 'abc
)py") ==
        R"py(SyntaxError: unterminated string literal (detected at line 1) @ 1:5-1:5)py");
}

TEST_CASE("syntax error: an unterminated triple-quoted string", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = '''abc

)py") ==
        R"py(SyntaxError: unterminated triple-quoted string literal (detected at line 2) @ 1:5-1:5)py");
}

TEST_CASE("syntax error: a later tokenizer error wins over an earlier parser error", "[parser][syntax-error]") {
  CHECK(error_of(R"py(def f(x)
  return 1
s = 'abc
)py") ==
        R"py(SyntaxError: unterminated string literal (detected at line 3) @ 3:5-3:5)py");
}

TEST_CASE("syntax error: an unexpected indent", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = 1
    y = 2
)py") ==
        R"py(IndentationError: unexpected indent @ 2:4-2:-1)py");
}

TEST_CASE("syntax error: a missing indented block after if", "[parser][syntax-error]") {
  CHECK(error_of(R"py(if x:
pass
)py") ==
        R"py(IndentationError: expected an indented block after 'if' statement on line 1 @ 2:1-2:5)py");
}

TEST_CASE("syntax error: a missing indented block after def names the function definition", "[parser][syntax-error]") {
  CHECK(error_of(R"py(def f():
pass)py") ==
        R"py(IndentationError: expected an indented block after function definition on line 1 @ 2:1-2:5)py");
}

TEST_CASE("syntax error: a missing indented block after class", "[parser][syntax-error]") {
  CHECK(error_of(R"py(class A:
pass)py") ==
        R"py(IndentationError: expected an indented block after class definition on line 1 @ 2:1-2:5)py");
}

TEST_CASE("syntax error: a missing indented block after while", "[parser][syntax-error]") {
  CHECK(error_of(R"py(while x:
foo())py") ==
        R"py(IndentationError: expected an indented block after 'while' statement on line 1 @ 2:1-2:4)py");
}

TEST_CASE("syntax error: a missing indented block after else", "[parser][syntax-error]") {
  CHECK(error_of(R"py(for x in y:
  pass
else:
x)py") ==
        R"py(IndentationError: expected an indented block after 'else' statement on line 3 @ 4:1-4:2)py");
}

TEST_CASE("syntax error: a missing indented block after except", "[parser][syntax-error]") {
  CHECK(error_of(R"py(try:
  x
except E:
x)py") ==
        R"py(IndentationError: expected an indented block after 'except' statement on line 3 @ 4:1-4:2)py");
}

TEST_CASE("syntax error: a missing indented block after finally", "[parser][syntax-error]") {
  CHECK(error_of(R"py(try:
  x
finally:
x)py") ==
        R"py(IndentationError: expected an indented block after 'finally' statement on line 3 @ 4:1-4:2)py");
}

TEST_CASE("syntax error: a missing indented block after elif", "[parser][syntax-error]") {
  CHECK(error_of(R"py(if x:
  a
elif y:
b)py") ==
        R"py(IndentationError: expected an indented block after 'elif' statement on line 3 @ 4:1-4:2)py");
}

TEST_CASE("syntax error: a missing indented block after with", "[parser][syntax-error]") {
  CHECK(error_of(R"py(with a:
pass)py") ==
        R"py(IndentationError: expected an indented block after 'with' statement on line 1 @ 2:1-2:5)py");
}

TEST_CASE("syntax error: a missing indented block at the end of input", "[parser][syntax-error]") {
  CHECK(error_of(R"py(if x:
)py") ==
        R"py(IndentationError: expected an indented block after 'if' statement on line 1 @ 1:6-1:-1)py");
}

TEST_CASE("syntax error: a missing indented block after blank lines at the end", "[parser][syntax-error]") {
  CHECK(error_of(R"py(if x:


)py") ==
        R"py(IndentationError: expected an indented block after 'if' statement on line 1 @ 3:1-3:-1)py");
}

TEST_CASE("syntax error: a missing indented block after case", "[parser][syntax-error]") {
  CHECK(error_of(R"py(match x:
 case 1:
 pass)py") ==
        R"py(IndentationError: expected an indented block after 'case' statement on line 2 @ 3:2-3:6)py");
}

TEST_CASE("syntax error: a dedent to an unknown level is an IndentationError", "[parser][syntax-error]") {
  CHECK(error_of(R"py(if x:
    a
  b
)py") ==
        R"py(IndentationError: unindent does not match any outer indentation level @ 3:4-3:-1)py");
}

TEST_CASE("syntax error: inconsistent tabs and spaces are a TabError", "[parser][syntax-error]") {
  CHECK(error_of(R"py(if x:
	if y:
        pass
)py") ==
        R"py(TabError: inconsistent use of tabs and spaces in indentation @ 3:1-3:0)py");
}

TEST_CASE("syntax error: assigning to a call suggests ==", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f() = 1)py") ==
        R"py(SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @ 1:1-1:4)py");
}

TEST_CASE("syntax error: assigning to a literal suggests ==", "[parser][syntax-error]") {
  CHECK(error_of(R"py(1 = x)py") ==
        R"py(SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @ 1:1-1:2)py");
}

TEST_CASE("syntax error: assigning to an expression suggests ==", "[parser][syntax-error]") {
  CHECK(error_of(R"py(a + 1 = 2)py") ==
        R"py(SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @ 1:1-1:6)py");
}

TEST_CASE("syntax error: assigning to a call in a tuple suggests ==", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x, f() = 1)py") ==
        R"py(SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @ 1:4-1:7)py");
}

TEST_CASE("syntax error: a name before = after a bad target suggests == or :=", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f(), x = 1)py") ==
        R"py(SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @ 1:6-1:11)py");
}

TEST_CASE("syntax error: = in an if condition suggests == or :=", "[parser][syntax-error]") {
  CHECK(error_of(R"py(if x = 1:
 pass)py") ==
        R"py(SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @ 1:4-1:9)py");
}

TEST_CASE("syntax error: assigning to a literal inside a tuple", "[parser][syntax-error]") {
  CHECK(error_of(R"py((a, 1) = x)py") ==
        R"py(SyntaxError: cannot assign to literal @ 1:5-1:6)py");
}

TEST_CASE("syntax error: assigning to a call in a chain", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = f() = 1)py") ==
        R"py(SyntaxError: cannot assign to function call @ 1:5-1:8)py");
}

TEST_CASE("syntax error: assigning to a comparison", "[parser][syntax-error]") {
  CHECK(error_of(R"py(a == b = 1)py") ==
        R"py(SyntaxError: cannot assign to comparison @ 1:1-1:7)py");
}

TEST_CASE("syntax error: assigning to True", "[parser][syntax-error]") {
  CHECK(error_of(R"py(True = 1)py") ==
        R"py(SyntaxError: cannot assign to True @ 1:1-1:5)py");
}

TEST_CASE("syntax error: a for target that is a literal", "[parser][syntax-error]") {
  CHECK(error_of(R"py(for 1 in x: pass)py") ==
        R"py(SyntaxError: cannot assign to literal @ 1:5-1:6)py");
}

TEST_CASE("syntax error: a with target that is a literal", "[parser][syntax-error]") {
  CHECK(error_of(R"py(with a as 1: pass)py") ==
        R"py(SyntaxError: cannot assign to literal @ 1:11-1:12)py");
}

TEST_CASE("syntax error: deleting a call", "[parser][syntax-error]") {
  CHECK(error_of(R"py(del f())py") ==
        R"py(SyntaxError: cannot delete function call @ 1:5-1:8)py");
}

TEST_CASE("syntax error: deleting an expression", "[parser][syntax-error]") {
  CHECK(error_of(R"py(del x + 1)py") ==
        R"py(SyntaxError: cannot delete expression @ 1:5-1:10)py");
}

TEST_CASE("syntax error: augmented assignment to a call", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f() += 1)py") ==
        R"py(SyntaxError: 'function call' is an illegal expression for augmented assignment @ 1:1-1:4)py");
}

TEST_CASE("syntax error: assigning to a yield expression", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = yield = 1)py") ==
        R"py(SyntaxError: assignment to yield expression not possible @ 1:5-1:10)py");
}

TEST_CASE("syntax error: annotating a tuple", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x, y: int = 1)py") ==
        R"py(SyntaxError: only single target (not tuple) can be annotated @ 1:1-1:2)py");
}

TEST_CASE("syntax error: annotating a list", "[parser][syntax-error]") {
  CHECK(error_of(R"py([x]: int)py") ==
        R"py(SyntaxError: only single target (not list) can be annotated @ 1:1-1:4)py");
}

TEST_CASE("syntax error: annotating a call", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f(): int)py") ==
        R"py(SyntaxError: illegal target for annotation @ 1:1-1:4)py");
}

TEST_CASE("syntax error: an invalid decimal literal", "[parser][syntax-error]") {
  CHECK(error_of(R"py(1abc)py") ==
        R"py(SyntaxError: invalid decimal literal @ 1:1-1:1)py");
}

TEST_CASE("syntax error: an invalid decimal literal after an assignment", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = 12abc)py") ==
        R"py(SyntaxError: invalid decimal literal @ 1:6-1:6)py");
}

TEST_CASE("syntax error: an invalid hexadecimal literal", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = 0x1g)py") ==
        R"py(SyntaxError: invalid hexadecimal literal @ 1:7-1:7)py");
}

TEST_CASE("syntax error: a hexadecimal prefix without digits", "[parser][syntax-error]") {
  CHECK(error_of(R"py(0x)py") ==
        R"py(SyntaxError: invalid hexadecimal literal @ 1:2-1:2)py");
}

TEST_CASE("syntax error: leading zeros in a decimal literal", "[parser][syntax-error]") {
  CHECK(error_of(R"py(012)py") ==
        R"py(SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @ 1:1-1:2)py");
}

TEST_CASE("syntax error: a trailing underscore in a number", "[parser][syntax-error]") {
  CHECK(error_of(R"py(1_)py") ==
        R"py(SyntaxError: invalid decimal literal @ 1:2-1:2)py");
}

TEST_CASE("syntax error: a double underscore in a number", "[parser][syntax-error]") {
  CHECK(error_of(R"py(1__0)py") ==
        R"py(SyntaxError: invalid decimal literal @ 1:2-1:2)py");
}

TEST_CASE("syntax error: positional argument after a keyword argument", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f(a=1, b))py") ==
        R"py(SyntaxError: positional argument follows keyword argument @ 1:9-1:10)py");
}

TEST_CASE("syntax error: positional argument after keyword unpacking", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f(**a, b))py") ==
        R"py(SyntaxError: positional argument follows keyword argument unpacking @ 1:9-1:10)py");
}

TEST_CASE("syntax error: iterable unpacking after keyword unpacking", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f(**a, *b))py") ==
        R"py(SyntaxError: iterable argument unpacking follows keyword argument unpacking @ 1:8-1:9)py");
}

TEST_CASE("syntax error: an unparenthesised generator among other arguments", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f(x for x in y, 1))py") ==
        R"py(SyntaxError: Generator expression must be parenthesized @ 1:3-1:15)py");
}

TEST_CASE("syntax error: an assignment expression as keyword name", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f(a+1=2))py") ==
        R"py(SyntaxError: expression cannot contain assignment, perhaps you meant "=="? @ 1:3-1:7)py");
}

TEST_CASE("syntax error: an f-string missing its closing brace", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f'{x')py") ==
        R"py(SyntaxError: f-string: expecting '}' @ 1:6-1:6)py");
}

TEST_CASE("syntax error: an f-string with an invalid conversion", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = f'{x!z}')py") ==
        R"py(SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @ 1:13-1:13)py");
}

TEST_CASE("syntax error: an f-string with an empty expression", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = f'{}')py") ==
        R"py(SyntaxError: f-string: empty expression not allowed @ 1:10-1:10)py");
}

TEST_CASE("syntax error: an f-string with a single closing brace", "[parser][syntax-error]") {
  CHECK(error_of(R"py(f'{x}}')py") ==
        R"py(SyntaxError: f-string: single '}' is not allowed @ 1:8-1:8)py");
}

TEST_CASE("syntax error: f-string nesting deeper than two levels", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = f'{x:{y:{z}}}')py") ==
        R"py(SyntaxError: f-string: expressions nested too deeply @ 1:19-1:19)py");
}

TEST_CASE("syntax error: print without parentheses", "[parser][syntax-error]") {
  CHECK(error_of(R"py(print "hi")py") ==
        R"py(SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @ 1:1-1:11)py");
}

TEST_CASE("syntax error: two names in a row", "[parser][syntax-error]") {
  CHECK(error_of(R"py(a b)py") ==
        R"py(SyntaxError: invalid syntax @ 1:3-1:4)py");
}

TEST_CASE("syntax error: an operator at the end of the line", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = 1 +)py") ==
        R"py(SyntaxError: invalid syntax @ 1:8-1:8)py");
}

TEST_CASE("syntax error: a stray dollar sign", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = $)py") ==
        R"py(SyntaxError: invalid syntax @ 1:5-1:6)py");
}

TEST_CASE("syntax error: a backslash at the end of input", "[parser][syntax-error]") {
  CHECK(error_of(R"py(\)py") ==
        R"py(SyntaxError: unexpected EOF while parsing @ 1:2-1:-1)py");
}

TEST_CASE("syntax error: a character after a line continuation", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = 1 \ 2)py") ==
        R"py(SyntaxError: unexpected character after line continuation character @ 1:8-1:0)py");
}

TEST_CASE("syntax error: an invalid parameter list", "[parser][syntax-error]") {
  CHECK(error_of(R"py(def f(:
)py") ==
        R"py(SyntaxError: invalid syntax @ 1:7-1:8)py");
}

TEST_CASE("syntax error: a conditional expression without else", "[parser][syntax-error]") {
  CHECK(error_of(R"py(x = 1 if y)py") ==
        R"py(SyntaxError: expected 'else' after 'if' expression @ 1:5-1:11)py");
}

TEST_CASE("syntax error: try without except or finally", "[parser][syntax-error]") {
  CHECK(error_of(R"py(try:
  x
y = 1)py") ==
        R"py(SyntaxError: expected 'except' or 'finally' block @ 3:1-3:2)py");
}

TEST_CASE("syntax error: a trailing comma in an unparenthesised import", "[parser][syntax-error]") {
  CHECK(error_of(R"py(from x import a,)py") ==
        R"py(SyntaxError: trailing comma not allowed without surrounding parentheses @ 1:17-1:17)py");
}

TEST_CASE("syntax error: a non-default parameter after a default one", "[parser][syntax-error]") {
  CHECK(error_of(R"py(def f(a=1, b): pass)py") ==
        R"py(SyntaxError: non-default argument follows default argument @ 1:12-1:13)py");
}

TEST_CASE("syntax error: a bare star without named parameters", "[parser][syntax-error]") {
  CHECK(error_of(R"py(def f(*): pass)py") ==
        R"py(SyntaxError: named arguments must follow bare * @ 1:7-1:8)py");
}

TEST_CASE("syntax error: else without if", "[parser][syntax-error]") {
  CHECK(error_of(R"py(else:
 pass)py") ==
        R"py(SyntaxError: invalid syntax @ 1:1-1:5)py");
}

namespace {

using namespace corio::py;
using namespace corio::py::ast;

// Pre-order walk over the node kinds the location tests use.
class LocationWalker {
 public:
  std::string out;

  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::Assign: {
        auto* a = as<Assign>(s);
        row("Assign", s->loc);
        for (const Expr* t : a->targets) expr(t);
        expr(a->value);
        return;
      }
      case StmtKind::Expr:
        row("Expr", s->loc);
        expr(as<ExprStmt>(s)->value);
        return;
      case StmtKind::If: {
        auto* i = as<If>(s);
        row("If", s->loc);
        expr(i->test);
        for (const Stmt* b : i->body) stmt(b);
        for (const Stmt* b : i->orelse) stmt(b);
        return;
      }
      default: FAIL("statement kind not covered by the walker");
    }
  }

  void expr(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Name: row("Name", e->loc); return;
      case ExprKind::Constant: row("Constant", e->loc); return;
      case ExprKind::BinOp:
        row("BinOp", e->loc);
        expr(as<BinOp>(e)->left);
        expr(as<BinOp>(e)->right);
        return;
      case ExprKind::Call:
        row("Call", e->loc);
        expr(as<Call>(e)->func);
        for (const Expr* a : as<Call>(e)->args) expr(a);
        return;
      case ExprKind::GeneratorExp:
        row("GeneratorExp", e->loc);
        expr(as<GeneratorExp>(e)->elt);
        for (const Comprehension* c : as<GeneratorExp>(e)->generators) {
          expr(c->target);
          expr(c->iter);
        }
        return;
      case ExprKind::JoinedStr:
        row("JoinedStr", e->loc);
        for (const Expr* v : as<JoinedStr>(e)->values) expr(v);
        return;
      case ExprKind::FormattedValue:
        row("FormattedValue", e->loc);
        expr(as<FormattedValue>(e)->value);
        return;
      default: FAIL("expression kind not covered by the walker");
    }
  }

 private:
  void row(const char* name, const Loc& l) {
    if (!out.empty()) out += '\n';
    out += std::string(name) + " " + std::to_string(l.lineno) + ":" + std::to_string(l.col_offset) + "-" +
           std::to_string(l.end_lineno) + ":" + std::to_string(l.end_col_offset);
  }
};

// Every statement and expression with its position, in pre-order.
std::string locations_of(const std::string& source) {
  ParsedModule parsed = parse_module(source);
  LocationWalker walker;
  for (const Stmt* s : parsed.module->body) walker.stmt(s);
  return walker.out;
}

}  // namespace

TEST_CASE("parser: locations of an assignment and a binop", "[parser][locations]") {
  CHECK(locations_of(R"py(x = a + b * 2
)py") ==
        R"py(Assign 1:0-1:13
Name 1:0-1:1
BinOp 1:4-1:13
Name 1:4-1:5
BinOp 1:8-1:13
Name 1:8-1:9
Constant 1:12-1:13)py");
}

TEST_CASE("parser: locations of a call with a generator argument", "[parser][locations]") {
  CHECK(locations_of(R"py(f(x for x in y))py") ==
        R"py(Expr 1:0-1:15
Call 1:0-1:15
Name 1:0-1:1
GeneratorExp 1:1-1:15
Name 1:2-1:3
Name 1:8-1:9
Name 1:13-1:14)py");
}

TEST_CASE("parser: locations of a parenthesised name exclude the parentheses", "[parser][locations]") {
  CHECK(locations_of(R"py((a))py") ==
        R"py(Expr 1:0-1:3
Name 1:1-1:2)py");
}

TEST_CASE("parser: locations of a multi-line compound statement", "[parser][locations]") {
  CHECK(locations_of(R"py(if a:
    b = 1
else:
    c()
)py") ==
        R"py(If 1:0-4:7
Name 1:3-1:4
Assign 2:4-2:9
Name 2:4-2:5
Constant 2:8-2:9
Expr 4:4-4:7
Call 4:4-4:7
Name 4:4-4:5)py");
}

TEST_CASE("parser: locations of f-string parts are the whole literal", "[parser][locations]") {
  CHECK(locations_of(R"py(x = f'a{y}b')py") ==
        R"py(Assign 1:0-1:12
Name 1:0-1:1
JoinedStr 1:4-1:12
Constant 1:4-1:12
FormattedValue 1:4-1:12
Name 1:8-1:9
Constant 1:4-1:12)py");
}

TEST_CASE("parser: locations use UTF-8 byte columns", "[parser][locations]") {
  CHECK(locations_of(R"py(s = 'é'; t = 1)py") ==
        R"py(Assign 1:0-1:8
Name 1:0-1:1
Constant 1:4-1:8
Assign 1:10-1:15
Name 1:10-1:11
Constant 1:14-1:15)py");
}

TEST_CASE("parser: every conformance program parses as CPython parses it", "[parser][conformance]") {
  // Expected dumps are too long to paste; instead every file must parse, and
  // the sizes of their dumps (from CPython) must match.
  const struct {
    const char* file;
    std::size_t dump_size;
  } cases[] = {
      {"aio_as_completed.py", 4543},
      {"aio_async_gen.py", 8498},
      {"aio_call_soon_order.py", 5336},
      {"aio_cancel_sleep.py", 5735},
      {"aio_future.py", 7972},
      {"aio_gather_return_exceptions.py", 3608},
      {"aio_lock_fairness.py", 4258},
      {"aio_queue_backpressure.py", 6405},
      {"aio_sleep_ties.py", 3933},
      {"aio_taskgroup_fail.py", 8520},
      {"aio_wait_for.py", 5376},
      {"classic_abc_gather.py", 2987},
      {"classic_asyncq.py", 9761},
      {"classic_chained.py", 6970},
      {"classic_chess_async.py", 5678},
      {"classic_chess_sync.py", 4649},
      {"classic_countasync.py", 2038},
      {"classic_countsync.py", 1764},
      {"classic_factorial_gather.py", 2507},
      {"classic_hello_typist.py", 3555},
      {"classic_hello_world.py", 1356},
      {"classic_makerandom.py", 4594},
      {"classic_queue_workers.py", 5328},
      {"classic_reversed_tasks.py", 3549},
      {"classic_say_after.py", 1715},
      {"classic_say_after_taskgroup.py", 2765},
      {"classic_say_after_tasks.py", 2109},
      {"classic_typist_race.py", 3439},
      {"err_name_error.py", 864},
      {"err_sys_exit_code.py", 1193},
      {"err_task_uncaught.py", 2098},
      {"py_bigint.py", 12701},
      {"py_classes.py", 17080},
      {"py_dict_ops.py", 10533},
      {"py_exceptions.py", 13162},
      {"py_fstrings.py", 11954},
      {"py_str_methods.py", 11229},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    const std::string source = read_file(conformance_dir() / "cases" / c.file);
    REQUIRE(!source.empty());
    CHECK(dump_of(source).size() == c.dump_size);
  }
}

TEST_CASE("syntax error: err_syntax.py fails exactly as CPython reports it", "[parser][conformance]") {
  const std::string source = read_file(conformance_dir() / "cases" / "err_syntax.py");
  REQUIRE(!source.empty());
  CHECK(error_of(source) == R"py(SyntaxError: expected ':' @ 5:14-5:14)py");
  const std::string last_line = read_file(conformance_dir() / "expected" / "err_syntax.err_last");
  try {
    corio::py::parse_module(source);
    FAIL("no SyntaxError");
  } catch (const SyntaxError& e) {
    CHECK(e.last_line() + "\n" == last_line);
    CHECK(e.text == "def broken(x)");
  }
}
