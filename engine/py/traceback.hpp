// traceback.hpp — traceback objects and CPython's exact printing of an
// uncaught exception.
//
// As an exception unwinds, the VM prepends one Traceback per frame it
// leaves (code, instruction, line): frames themselves are not kept alive.
// format_exception() prints what CPython's default excepthook prints: the
// cause/context chain with its separators, "Traceback (most recent call
// last):", one entry per frame with the source line and 3.11's caret line
// (~~~^^^ under the failing operator or subscript), "[Previous line
// repeated N more times]", SyntaxError's own layout, __notes__, and the
// "Did you mean" suggestions of NameError and AttributeError. Source lines
// come from the Vm's source cache (registered by run.cpp), else the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "py/code_spec.hpp"
#include "py/interp.hpp"
#include "py/object.hpp"
#include "py/syntax_error.hpp"
#include "py/vm.hpp"

namespace corio::py {

class Code;
class Dict;

class Traceback : public Object {
public:
    Traceback(Type* type, Value next_tb, Code* c, Dict* g, uint32_t i, int line) noexcept
        : Object(type), next(next_tb), code(c), globals(g), lasti(i), lineno(line) {}
    void trace(Tracer& tracer) override;
    Value next;     // tb_next: the entry of the frame it was called from... inward
    Code* code;
    Dict* globals;  // the frame's globals (tb_frame.f_globals)
    uint32_t lasti;
    int lineno;
};

// Prepends an entry for `frame` at instruction `lasti` to exc.__traceback__.
void add_traceback(Interp& interp, Value exc, Frame* frame, uint32_t lasti);

// A Python-visible frame object (gi_frame, tb_frame): a snapshot.
Value make_frame_object(Interp& interp, Frame* frame);

// Registers the text of a source file for tracebacks (the main module's;
// files are read from disk otherwise).
void register_source(Interp& interp, std::string_view filename, std::string source);
// The text of a source file as tracebacks show it: the registered text,
// else the file read from disk (and kept); null if it cannot be read.
const std::string* source_text(Interp& interp, std::string_view filename);

// The whole report CPython prints for an uncaught exception.
std::string format_exception(Interp& interp, Value exc);
// chain false: without the cause/context chain (traceback's chain=False).
std::string format_exception(Interp& interp, Value exc, bool chain);
// The "  File ..." entries of a traceback object (traceback.format_tb).
std::string format_traceback_entries(Interp& interp, Value tb);
// Its last part alone (traceback.format_exception_only): SyntaxError's
// location, "Type: message", the notes.
std::string format_exception_only(Interp& interp, Value exc);
// CPython's report of a SyntaxError: "  File ..., line N", the line, the
// carets, "SyntaxError: msg" (and the location part alone).
std::string format_syntax_error(const SyntaxError& err, std::string_view filename);
std::string format_syntax_error_location(std::string_view filename, int64_t lineno, int64_t offset,
                                         int64_t end_lineno, int64_t end_offset, std::string_view text,
                                         bool has_text);
// The caret line under a source line for a position (empty when CPython
// prints none); `line` is the full source line.
std::string location_carets(std::string_view line, const Position& pos);

void init_traceback_types(Interp& interp, VmTypes& types);

}  // namespace corio::py
