// exception_types.hpp — CPython 3.11's builtin exception hierarchy, defined
// once: X(field, "Name", base, second_base). The Interp's ExceptionTypes
// struct, the type objects and the builtins-module entries all come from
// this table (a base always precedes its subclasses).
#pragma once

namespace corio::py {

class Type;

#define CORIO_EXCEPTION_TYPES(X)                                                        \
    X(BaseException, "BaseException", none, none)                                       \
    X(BaseExceptionGroup, "BaseExceptionGroup", BaseException, none)                    \
    X(GeneratorExit, "GeneratorExit", BaseException, none)                              \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException, none)                      \
    X(SystemExit, "SystemExit", BaseException, none)                                    \
    X(Exception, "Exception", BaseException, none)                                      \
    X(ArithmeticError, "ArithmeticError", Exception, none)                              \
    X(FloatingPointError, "FloatingPointError", ArithmeticError, none)                  \
    X(OverflowError, "OverflowError", ArithmeticError, none)                            \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError, none)                    \
    X(AssertionError, "AssertionError", Exception, none)                                \
    X(AttributeError, "AttributeError", Exception, none)                                \
    X(BufferError, "BufferError", Exception, none)                                      \
    X(EOFError, "EOFError", Exception, none)                                            \
    X(ExceptionGroup, "ExceptionGroup", BaseExceptionGroup, Exception)                  \
    X(ImportError, "ImportError", Exception, none)                                      \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError, none)                    \
    X(LookupError, "LookupError", Exception, none)                                      \
    X(IndexError, "IndexError", LookupError, none)                                      \
    X(KeyError, "KeyError", LookupError, none)                                          \
    X(MemoryError, "MemoryError", Exception, none)                                      \
    X(NameError, "NameError", Exception, none)                                          \
    X(UnboundLocalError, "UnboundLocalError", NameError, none)                          \
    X(OSError, "OSError", Exception, none)                                              \
    X(BlockingIOError, "BlockingIOError", OSError, none)                                \
    X(ChildProcessError, "ChildProcessError", OSError, none)                            \
    X(ConnectionError, "ConnectionError", OSError, none)                                \
    X(BrokenPipeError, "BrokenPipeError", ConnectionError, none)                        \
    X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError, none)          \
    X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError, none)          \
    X(ConnectionResetError, "ConnectionResetError", ConnectionError, none)              \
    X(FileExistsError, "FileExistsError", OSError, none)                                \
    X(FileNotFoundError, "FileNotFoundError", OSError, none)                            \
    X(InterruptedError, "InterruptedError", OSError, none)                              \
    X(IsADirectoryError, "IsADirectoryError", OSError, none)                            \
    X(NotADirectoryError, "NotADirectoryError", OSError, none)                          \
    X(PermissionError, "PermissionError", OSError, none)                                \
    X(ProcessLookupError, "ProcessLookupError", OSError, none)                          \
    X(TimeoutError, "TimeoutError", OSError, none)                                      \
    X(ReferenceError, "ReferenceError", Exception, none)                                \
    X(RuntimeError, "RuntimeError", Exception, none)                                    \
    X(NotImplementedError, "NotImplementedError", RuntimeError, none)                   \
    X(RecursionError, "RecursionError", RuntimeError, none)                             \
    X(StopAsyncIteration, "StopAsyncIteration", Exception, none)                        \
    X(StopIteration, "StopIteration", Exception, none)                                  \
    X(SyntaxError, "SyntaxError", Exception, none)                                      \
    X(IndentationError, "IndentationError", SyntaxError, none)                          \
    X(TabError, "TabError", IndentationError, none)                                     \
    X(SystemError, "SystemError", Exception, none)                                      \
    X(TypeError, "TypeError", Exception, none)                                          \
    X(ValueError, "ValueError", Exception, none)                                        \
    X(UnicodeError, "UnicodeError", ValueError, none)                                   \
    X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError, none)                     \
    X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError, none)                     \
    X(UnicodeTranslateError, "UnicodeTranslateError", UnicodeError, none)               \
    X(Warning, "Warning", Exception, none)                                              \
    X(BytesWarning, "BytesWarning", Warning, none)                                      \
    X(DeprecationWarning, "DeprecationWarning", Warning, none)                          \
    X(EncodingWarning, "EncodingWarning", Warning, none)                                \
    X(FutureWarning, "FutureWarning", Warning, none)                                    \
    X(ImportWarning, "ImportWarning", Warning, none)                                    \
    X(PendingDeprecationWarning, "PendingDeprecationWarning", Warning, none)            \
    X(ResourceWarning, "ResourceWarning", Warning, none)                                \
    X(RuntimeWarning, "RuntimeWarning", Warning, none)                                  \
    X(SyntaxWarning, "SyntaxWarning", Warning, none)                                    \
    X(UnicodeWarning, "UnicodeWarning", Warning, none)                                  \
    X(UserWarning, "UserWarning", Warning, none)

struct ExceptionTypes {
#define X(field, name, base, base2) Type* field = nullptr;
    CORIO_EXCEPTION_TYPES(X)
#undef X
    Type* none = nullptr;  // the table's "no base" marker, always null
};

}  // namespace corio::py
