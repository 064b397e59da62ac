// frozen_modules.hpp — library code written in Python whose source is part
// of the binary ("frozen", as CPython calls it): modules compiled when first
// imported (itertools, functools, contextlib, collections, string, typing,
// enum, dataclasses, json, argparse, posixpath), and builtins best expressed
// in Python (aiter, anext). Python source keeps CPython's semantics plain to read; modules
// whose speed matters are written in C++ instead (math, random, time).
#pragma once

#include <memory>
#include <string_view>

namespace corio::py {

class Interp;
class Module;
class Dict;
struct CodeSpec;

// `source` compiled as "<frozen NAME>", once per process: a CodeSpec is
// plain C++ that every interpreter loads its own Code from, so a second
// program (the page's next run, the next test) does not compile the
// preludes again. `name`, a string literal, identifies the source.
std::shared_ptr<const CodeSpec> compile_frozen(std::string_view name, std::string_view source);

// The frozen module `name`, compiled and run; null if there is none.
Module* load_frozen_module(Interp& interp, std::string_view name);
// Compiles `source` as "<frozen NAME>" and runs it in `globals` (modules
// made partly in C++, as os, run their Python part with it).
void run_frozen_source(Interp& interp, std::string_view name, std::string_view source, Dict* globals);
// Adds the builtins written in Python to the builtins module. Needs the VM.
void install_python_builtins(Interp& interp);

}  // namespace corio::py
