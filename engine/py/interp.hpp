// interp.hpp — the interpreter context: everything a running Python program
// shares, with no global state. An Interp owns the heap, the permanent
// singletons (None, True, False, Ellipsis, NotImplemented), every builtin
// type object (BuiltinTypes, ExceptionTypes), the interned strings, the
// builtins module, the module table (sys.modules), sys.argv, the output
// sinks and the recursion limit. Every function that allocates takes an
// Interp&. The VM keeps its own state behind `vm` and registers its frames
// with the heap as ExternalRoots.
//
// Calling back into Python: `py::call` (protocols.hpp) dispatches through the
// callee type's `call` slot; the VM fills that slot for its function type, so
// builtins (sorted with a key, repr of a user object) reach the dispatch loop
// through it. Interp::call is a shorthand for py::call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "py/exception_types.hpp"
#include "py/heap.hpp"
#include "py/value.hpp"

namespace corio {
class Host;
}

namespace corio::trace {
class Listener;
}

namespace corio::py {

class Type;
class Str;
class Dict;
class List;
class Tuple;
class Module;

// sys.getrecursionlimit()'s default: Python frames, checked by the VM.
inline constexpr int kDefaultRecursionLimit = 1000;

// The builtin types. Iterator and view types carry CPython's names.
#define CORIO_BUILTIN_TYPES(X)                                                    \
    X(object, "object") X(type, "type") X(none, "NoneType")                       \
    X(not_implemented, "NotImplementedType") X(ellipsis, "ellipsis")              \
    X(bool_, "bool") X(int_, "int") X(float_, "float") X(str, "str")              \
    X(bytes, "bytes") X(bytearray, "bytearray") X(tuple, "tuple") X(list, "list") \
    X(dict, "dict") X(set, "set") X(frozenset, "frozenset") X(range, "range")     \
    X(slice, "slice") X(module, "module") X(cell, "cell") X(property, "property") \
    X(staticmethod, "staticmethod") X(classmethod, "classmethod")                 \
    X(super, "super") X(method, "method")                                         \
    X(builtin_function, "builtin_function_or_method")                             \
    X(method_descriptor, "method_descriptor")                                     \
    X(classmethod_descriptor, "classmethod_descriptor")                           \
    X(wrapper_descriptor, "wrapper_descriptor")                                   \
    X(member_descriptor, "member_descriptor")                                     \
    X(enumerate, "enumerate") X(zip, "zip") X(map, "map") X(filter, "filter")     \
    X(reversed, "reversed") X(iterator, "iterator")                               \
    X(callable_iterator, "callable_iterator")                                     \
    X(list_iterator, "list_iterator") X(list_reverseiterator, "list_reverseiterator") \
    X(tuple_iterator, "tuple_iterator") X(str_iterator, "str_ascii_iterator")     \
    X(bytes_iterator, "bytes_iterator") X(range_iterator, "range_iterator")       \
    X(set_iterator, "set_iterator") X(dict_keys, "dict_keys")                     \
    X(dict_values, "dict_values") X(dict_items, "dict_items")                     \
    X(dict_keyiterator, "dict_keyiterator") X(dict_valueiterator, "dict_valueiterator") \
    X(dict_itemiterator, "dict_itemiterator")                                     \
    X(dict_reversekeyiterator, "dict_reversekeyiterator")                         \
    X(text_stream, "TextIOWrapper")                                               \
    X(generic_alias, "GenericAlias") X(union_type, "UnionType")

struct BuiltinTypes {
#define X(field, name) Type* field = nullptr;
    CORIO_BUILTIN_TYPES(X)
#undef X
};

// Names the runtime looks up often, interned once: `interp.names.init` is
// the Str* "__init__". Entries: X(field, "text").
#define CORIO_INTERNED_NAMES(X)                                                         \
    X(init, "__init__") X(new_, "__new__") X(repr, "__repr__") X(str, "__str__")      \
    X(hash, "__hash__") X(eq, "__eq__") X(ne, "__ne__") X(lt, "__lt__") X(le, "__le__") \
    X(gt, "__gt__") X(ge, "__ge__") X(bool_, "__bool__") X(len, "__len__")             \
    X(iter, "__iter__") X(next, "__next__") X(getitem, "__getitem__")                  \
    X(setitem, "__setitem__") X(delitem, "__delitem__") X(contains, "__contains__")    \
    X(call, "__call__") X(getattribute, "__getattribute__") X(getattr, "__getattr__")  \
    X(setattr, "__setattr__") X(delattr, "__delattr__") X(get, "__get__")             \
    X(set, "__set__") X(delete_, "__delete__") X(neg, "__neg__") X(pos, "__pos__")     \
    X(invert, "__invert__") X(abs, "__abs__") X(index, "__index__") X(int_, "__int__") \
    X(float_, "__float__") X(format, "__format__") X(class_, "__class__")             \
    X(dict, "__dict__") X(name, "__name__") X(qualname, "__qualname__")               \
    X(module, "__module__") X(doc, "__doc__") X(slots, "__slots__")                   \
    X(mro, "__mro__") X(bases, "__bases__") X(base, "__base__")                       \
    X(reversed, "__reversed__") X(round, "__round__") X(trunc, "__trunc__")           \
    X(divmod, "__divmod__") X(rdivmod, "__rdivmod__") X(enter, "__enter__")           \
    X(exit, "__exit__") X(missing, "__missing__") X(init_subclass, "__init_subclass__") \
    X(set_name, "__set_name__") X(class_getitem, "__class_getitem__")                 \
    X(length_hint, "__length_hint__") X(builtins, "__builtins__")                     \
    X(main, "__main__") X(keys, "keys") X(items, "items") X(write, "write")           \
    X(flush, "flush") X(args, "args") X(value, "value") X(code, "code")               \
    X(obj, "obj") X(msg, "msg") X(path, "path") X(notes, "__notes__")                 \
    X(traceback, "__traceback__") X(cause, "__cause__") X(context, "__context__")     \
    X(suppress_context, "__suppress_context__") X(await_, "__await__")                \
    X(aiter, "__aiter__") X(anext, "__anext__") X(aenter, "__aenter__")               \
    X(aexit, "__aexit__") X(classcell, "__classcell__") X(annotations, "__annotations__") \
    X(sys, "sys") X(stdout_, "stdout") X(stderr_, "stderr") X(argv, "argv")          \
    X(modules, "modules") X(message, "message") X(exceptions, "exceptions")

struct InternedNames {
#define X(field, text) Str* field = nullptr;
    CORIO_INTERNED_NAMES(X)
#undef X
};

class Interp {
public:
    explicit Interp(std::size_t heap_limit_bytes = Heap::kDefaultLimitBytes);
    Interp(const Interp&) = delete;
    Interp& operator=(const Interp&) = delete;
    ~Interp();

    Heap heap;
    BuiltinTypes types;
    ExceptionTypes exc;
    InternedNames names;

    // The permanent singletons.
    Value none;
    Value true_;
    Value false_;
    Value ellipsis;
    Value not_implemented;
    Tuple* empty_tuple = nullptr;
    Str* empty_str = nullptr;

    Value boolean(bool b) const noexcept { return b ? true_ : false_; }
    // type(v): small ints are ints.
    Type* type_of(Value v) const noexcept {
        return v.is_small_int() ? types.int_ : v.as_object()->type();
    }

    // The interned Str with these UTF-8 bytes (created once, never freed).
    Str* intern(std::string_view utf8);

    Dict* builtins = nullptr;  // the builtins module's dict
    Module* builtins_module = nullptr;
    Module* sys_module = nullptr;
    Dict* modules = nullptr;   // sys.modules
    List* argv = nullptr;      // sys.argv
    Value sys_stdout;          // sys.stdout / sys.stderr: TextStream objects
    Value sys_stderr;

    // Output sinks: print() and sys.stdout.write() end here. Unset sinks
    // discard the output.
    std::function<void(std::string_view)> write_stdout;
    std::function<void(std::string_view)> write_stderr;
    // sys.stdout.flush() and print(flush=True): a host that buffers stdout
    // writes what it holds (unset: nothing is buffered).
    std::function<void()> flush_stdout;
    // input(): a line without its newline, or false at end of input (no stdin
    // gives EOFError).
    std::function<bool(std::string& line)> read_stdin;

    // Called with no arguments when the program has ended, newest first,
    // before coroutines never awaited are reported: what CPython's shutdown
    // prints as it frees a module's objects (asyncio: "Task was destroyed
    // but it is pending!"). Errors in them are ignored.
    std::vector<Value> exit_hooks;

    // The platform clock and blocking sleep (core/host.hpp) that asyncio's
    // loop and the `time` module share: a VirtualHost under
    // `corio run --clock=virtual`. Not owned; null: each user falls back to
    // the real clock.
    corio::Host* host = nullptr;
    // Receives the trace events of every event loop asyncio creates (the
    // page's loop view, the CLI's trace file). Not owned; null: no tracing.
    corio::trace::Listener* trace_listener = nullptr;

    int recursion_limit = kDefaultRecursionLimit;
    int max_str_digits = 4300;  // sys.set_int_max_str_digits

    // The VM's state (opaque here), for the slot functions the VM installs.
    void* vm = nullptr;

    // Reports every root the interpreter owns (singletons, types, interned
    // strings, modules) to the collector.
    void trace_roots(Tracer& tracer);
    // A full collection from the interpreter's roots and the ExternalRoots.
    std::size_t collect();

    // py::call(*this, callable, ...) (protocols.hpp).
    Value call(Value callable, std::initializer_list<Value> args);
    Value call(Value callable, const Value* args, std::size_t nargs, Tuple* kwnames = nullptr);

    // Registers a module in sys.modules (the VM's importer and the builtin
    // modules use it).
    void add_module(Module* module);

private:
    friend Str** interp_str_cache(Interp& interp) noexcept;
    Str* char_cache_[256] = {};  // one-character strs (str_internal.hpp)
    struct InternHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string_view, Str*, InternHash, std::equal_to<>> interned_;
};

}  // namespace corio::py
