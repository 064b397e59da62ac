// vm_ops.hpp — the dispatch loop's out-of-line helpers (vm_ops.cpp,
// vm_match.cpp, vm_import.cpp): the work of the instructions that are not
// worth inlining — unpacking, formatting, imports, pattern matching,
// exception groups, `with`, awaitables, argument shuffling for
// CALL_FUNCTION_EX. Internal to the VM.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "py/frame.hpp"
#include "py/interp.hpp"
#include "py/syntax_error.hpp"
#include "py/vm.hpp"

namespace corio::py {

class Dict;
class Str;
class Tuple;

// UNPACK_SEQUENCE: writes the n items to out[n-1] .. out[0] (first item on top).
void unpack_sequence(Interp& interp, Value seq, uint32_t n, Value* out);
// UNPACK_EX: before items, a list of the rest, after items; returns the count written.
uint32_t unpack_ex(Interp& interp, Value seq, uint32_t before, uint32_t after, Value* out);

// FORMAT_VALUE: conversion (kFormatConv*) then format(v, spec).
Value format_value(Interp& interp, Value v, uint32_t conversion, Value spec);
// BUILD_STRING
Value build_string(Interp& interp, const Value* parts, std::size_t n);

// The callable's name for messages: "f()", "C.m()", "print()", "'X' object".
std::string function_str(Interp& interp, Value callable);
// LIST_EXTEND / DICT_UPDATE / DICT_MERGE with CPython's messages.
void list_extend(Interp& interp, Value list, Value iterable);
void dict_update_op(Interp& interp, Value dict, Value other);
void dict_merge(Interp& interp, Value dict, Value other, Value callable);
// CALL_FUNCTION_EX: flattens (args, kwargs) into vectorcall form.
void flatten_call_ex(Interp& interp, Value callable, Value args, Value kwargs,
                     std::vector<Value>& out, Tuple*& kwnames);

// RAISE_VARARGS: the exception to raise for `raise exc [from cause]`.
Value make_raise(Interp& interp, Value exc, Value cause, bool has_cause);
// CHECK_EXC_MATCH's validation and test.
bool exception_match_op(Interp& interp, Value exc, Value type);
// CHECK_EG_MATCH: returns false for no match; else rest and match.
bool exception_group_match(Interp& interp, Value exc, Value type, Value& rest, Value& match);
// PREP_RERAISE_STAR
Value prep_reraise_star(Interp& interp, Value orig, Value list);

// BEFORE_WITH / BEFORE_ASYNC_WITH: the bound exit method and enter's result.
void before_with(Interp& interp, Value mgr, bool async, Value& exit, Value& entered);

// Awaitables and async iteration.
Value get_awaitable(Interp& interp, Value v, uint32_t where);
Value get_yield_from_iter(Interp& interp, Value v, const Code* code);
Value get_aiter(Interp& interp, Value v);
Value get_anext(Interp& interp, Value aiter);
Value async_gen_wrap(Interp& interp, Value v);     // generator.cpp
Value async_gen_anext(Interp& interp, Value agen);  // generator.cpp
// Sends v into a foreign (non-Generator) iterator: true with `out` yielded,
// false when it finished with return value `out`.
bool send_to_iterator(Interp& interp, Value iter, Value v, Value& out);

// Names.
// LOAD_METHOD's lookup (protocols' lookup_method) on a miss of the code's
// inline cache, which it fills when the method came from the type.
Value load_method_uncached(Interp& interp, Code* code, uint32_t name_index, Value obj, Value& self_out);
Value load_name(Interp& interp, Frame* f, Str* name);
void store_name(Interp& interp, Frame* f, Str* name, Value v);
void delete_name(Interp& interp, Frame* f, Str* name);
[[noreturn]] void raise_free_var_error(Interp& interp, const Code* code, uint32_t cell);

// Imports (vm_import.cpp).
Value import_name(Interp& interp, Frame* f, Str* name, Value fromlist, Value level);
Value import_from(Interp& interp, Value module, Str* name);
void import_star(Interp& interp, Frame* f, Value module);

// Pattern matching (vm_match.cpp).
bool match_mapping(Interp& interp, Value subject);
bool match_sequence(Interp& interp, Value subject);
Value match_keys(Interp& interp, Value subject, Value keys);
Value match_class(Interp& interp, Value subject, Value cls, Value kwnames, uint32_t npos);
Value copy_dict_without_keys(Interp& interp, Value subject, Value keys);

// A compile-time SyntaxError (or IndentationError, TabError) as a Python
// exception with its attributes, for exec/eval/import.
Value syntax_error_value(Interp& interp, const SyntaxError& err, std::string_view filename);

// MAKE_FUNCTION
Value make_function_op(Interp& interp, Frame* f, uint32_t flags, Value* operands);

// The builtins the VM provides: __build_class__, globals, locals, exec, eval, compile.
void init_vm_builtins(Interp& interp);

}  // namespace corio::py
