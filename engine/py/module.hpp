// module.hpp — module objects (a name and a dict of globals), the builtins
// and sys modules, and the text streams behind sys.stdout / sys.stderr.
#pragma once

#include <string_view>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Str;
class Dict;

class Module : public Object {
public:
    explicit Module(Type* type) noexcept : Object(type) {}
    void trace(Tracer& tracer) override;
    Str* name = nullptr;
    Dict* dict = nullptr;  // the module's globals (holds __name__)
};

// A new module named `name` with __name__, __doc__ (None) set; not registered.
Module* make_module(Interp& interp, std::string_view name);

// sys.stdout / sys.stderr: write(s) goes to the Interp's sink.
class TextStream : public Object {
public:
    TextStream(Type* type, bool is_stderr) noexcept : Object(type), stderr_(is_stderr) {}
    bool is_stderr() const noexcept { return stderr_; }

private:
    bool stderr_;
};
// Writes to a stream value (a TextStream, or any object with write()).
void stream_write(Interp& interp, Value stream, std::string_view text);
// Flushes a stream value (TextStream: the host's stdout buffer).
void stream_flush(Interp& interp, Value stream);

void init_module_type(Interp& interp);
// Creates sys (argv, modules, stdout, stderr, maxsize, getrecursionlimit,
// setrecursionlimit, exit, version_info, ...).
void init_sys_module(Interp& interp);

}  // namespace corio::py
