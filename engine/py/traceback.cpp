// traceback.cpp — traceback objects, and printing an exception report the
// way CPython 3.11's PyErr_Display does (pythonrun.c print_exception and
// traceback.c tb_displayline, whose caret logic is followed line by line).
#include "py/traceback.hpp"

#include <fstream>
#include <sstream>
#include <unordered_set>
#include <vector>

#include "py/code.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/descriptors.hpp"
#include "py/frame.hpp"
#include "py/int.hpp"
#include "py/vm_source.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

void Traceback::trace(Tracer& tracer) {
    tracer.visit(next);
    tracer.visit(code);
    tracer.visit(globals);
}

void add_traceback(Interp& interp, Value exc, Frame* frame, uint32_t lasti) {
    if (!is_exception(interp, exc)) return;
    auto* e = static_cast<ExceptionObject*>(exc.as_object());
    Value prev = e->traceback == interp.none ? Value() : e->traceback;
    e->traceback = interp.heap.make<Traceback>(vm_of(interp).types.traceback, prev, frame->code,
                                               frame->globals, lasti, frame->code->line_of(lasti));
}

namespace {

// A snapshot of a frame for Python code (f_code, f_lineno, f_globals).
class FrameObject : public Object {
public:
    FrameObject(Type* type, Code* c, Dict* g, int line) noexcept
        : Object(type), code(c), globals(g), lineno(line) {}
    void trace(Tracer& tracer) override {
        tracer.visit(code);
        tracer.visit(globals);
    }
    Code* code;
    Dict* globals;
    int lineno;
};

}  // namespace

Value make_frame_object(Interp& interp, Frame* frame) {
    return interp.heap.make<FrameObject>(vm_of(interp).types.frame, frame->code, frame->globals,
                                         frame->code->line_of(frame->lasti()));
}

void register_source(Interp& interp, std::string_view filename, std::string source) {
    vm_of(interp).sources[std::string(filename)] = std::move(source);
}

// ------------------------------------------------------------ formatting

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Characters (code points) in the first `bytes` bytes of UTF-8 text.
int char_count(std::string_view text, std::size_t bytes) {
    int n = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

const std::string* source_of(Interp& interp, std::string_view filename) {
    Vm& vm = vm_of(interp);
    auto it = vm.sources.find(std::string(filename));
    if (it != vm.sources.end()) return &it->second;
    std::ifstream in{std::string(filename), std::ios::binary};
    if (!in) return nullptr;
    std::ostringstream ss;
    ss << in.rdbuf();
    return &(vm.sources[std::string(filename)] = ss.str());
}

}  // namespace

const std::string* source_text(Interp& interp, std::string_view filename) { return source_of(interp, filename); }

std::string location_carets(std::string_view line, const Position& pos) {
    if (pos.line <= 0 || pos.end_line <= 0 || pos.col < 0 || pos.end_col < 0) return {};
    const int len = char_count(line, line.size());
    int indent = 0;
    while (static_cast<std::size_t>(indent) < line.size() && is_ws(line[static_cast<std::size_t>(indent)]))
        ++indent;
    int start = char_count(line, static_cast<std::size_t>(pos.col));
    int end = char_count(line, static_cast<std::size_t>(pos.end_col));
    int left_end = -1, right_start = -1;
    char primary = '^', secondary = '^';
    if (pos.line == pos.end_line) {
        if (static_cast<std::size_t>(pos.end_col) <= line.size() && pos.col <= pos.end_col) {
            std::string_view segment =
                line.substr(static_cast<std::size_t>(pos.col), static_cast<std::size_t>(pos.end_col - pos.col));
            int l = 0, r = 0;
            if (expression_anchors(segment, l, r)) {
                left_end = char_count(segment, static_cast<std::size_t>(l)) + start;
                right_start = char_count(segment, static_cast<std::size_t>(r)) + start;
                primary = '~';
                secondary = '^';
            }
        }
    } else {
        int i = static_cast<int>(line.size());
        while (--i >= 0)
            if (!is_ws(line[static_cast<std::size_t>(i)])) break;
        end = char_count(line, static_cast<std::size_t>(i + 1));
    }
    const bool special = left_end != -1 || right_start != -1;
    if (end - start == len - indent && !special) return {};
    std::string out;
    for (int offset = indent - 4 + 1; offset <= end; ++offset) {
        if (offset <= start) out += ' ';
        else if (special && left_end < offset && offset <= right_start) out += secondary;
        else out += primary;
    }
    return out;
}

std::string format_syntax_error_location(std::string_view filename, int64_t lineno, int64_t offset,
                                         int64_t end_lineno, int64_t end_offset, std::string_view text,
                                         bool has_text) {
    std::string out = "  File \"" + std::string(filename) + "\", line " + std::to_string(lineno) + "\n";
    if (!has_text) return out;
    const auto line_size = static_cast<int64_t>(text.size());
    if (end_lineno > lineno) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    // pythonrun.c print_error_text
    const int64_t reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset--;
    std::size_t p = 0;
    while (p < text.size() && is_ws(text[p])) {
        ++p;
        --offset;
    }
    std::string_view rest = text.substr(p);
    auto len = static_cast<int64_t>(rest.size());
    if (len > 0 && rest[static_cast<std::size_t>(len - 1)] == '\n') --len;
    if (offset > len) offset = len;
    for (;;) {
        std::size_t nl = rest.find('\n');
        if (nl == std::string_view::npos || static_cast<int64_t>(nl) >= offset) break;
        rest = rest.substr(nl + 1);
        len -= static_cast<int64_t>(nl) + 1;
        offset -= static_cast<int64_t>(nl) + 1;
    }
    out += "    " + std::string(rest);
    if (rest.empty() || rest.back() != '\n') out += "\n";
    if (offset < 0) return out;
    out += "    " + std::string(static_cast<std::size_t>(offset), ' ') +
           std::string(static_cast<std::size_t>(reps), '^') + "\n";
    return out;
}

std::string format_syntax_error(const SyntaxError& err, std::string_view filename) {
    // Only SyntaxError itself shows its end (pythonrun.c parse_syntax_error:
    // IndentationError and TabError get one caret).
    const bool exact = err.kind == "SyntaxError";
    return format_syntax_error_location(filename, err.lineno, err.offset, exact ? err.end_lineno : err.lineno,
                                        exact ? err.end_offset : -1, err.text, true) +
           err.last_line() + "\n";
}

namespace {

// The state of one report (pythonrun.c's exception_print_context): the
// exception-group nesting sets the margin ("| ") and indentation of lines.
struct Report {
    Interp& interp;
    std::string out;
    int group_depth = 0;
    bool need_close = false;
    int nesting = 0;
    std::unordered_set<uint64_t> seen;
    bool chain = true;  // false: the exception alone, without cause or context

    std::string margin() const {
        return std::string(static_cast<std::size_t>(2 * group_depth), ' ') + (group_depth ? "| " : "");
    }
    // Appends text line by line, each behind the margin.
    void lines(std::string_view text) {
        const std::string m = margin();
        while (!text.empty()) {
            std::size_t nl = text.find('\n');
            std::string_view line = text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1);
            out += m;
            out += line;
            text.remove_prefix(line.size());
        }
    }
};

constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;
constexpr int kMaxReportNesting = 200;

void format_entry(Interp& interp, std::string& out, const Traceback* tb) {
    const Code* code = tb->code;
    out += "  File \"" + std::string(code->filename->view()) + "\", line " + std::to_string(tb->lineno) +
           ", in " + std::string(code->name->view()) + "\n";
    const std::string* src = source_of(interp, code->filename->view());
    if (!src || tb->lineno <= 0) return;
    SourceLines lines(*src);
    if (tb->lineno > lines.line_count()) return;
    std::string_view line = lines.line(tb->lineno);
    std::size_t i = 0;
    while (i < line.size() && is_ws(line[i])) ++i;
    out += "    " + std::string(line.substr(i)) + "\n";
    Position pos = code->position(tb->lasti);
    if (pos.line != tb->lineno) return;
    std::string carets = location_carets(line, pos);
    if (!carets.empty()) out += carets + "\n";
}

constexpr int kTracebackRecursiveCutoff = 3;

void repeated(std::string& out, int count) {
    count -= kTracebackRecursiveCutoff;
    out += "  [Previous line repeated " + std::to_string(count) + (count > 1 ? " more times]\n" : " more time]\n");
}

// The entries after the header (traceback.c tb_printinternal).
std::string format_traceback(Interp& interp, Value tbv) {
    std::string out;
    const Code* last_code = nullptr;
    int last_line = -1;
    int count = 0;
    for (Value v = tbv; v && v != interp.none; v = static_cast<Traceback*>(v.as_object())->next) {
        const auto* tb = static_cast<Traceback*>(v.as_object());
        if (!last_code || tb->code->filename != last_code->filename || tb->lineno != last_line ||
            tb->code->name != last_code->name) {
            if (count > kTracebackRecursiveCutoff) repeated(out, count);
            last_code = tb->code;
            last_line = tb->lineno;
            count = 0;
        }
        if (++count <= kTracebackRecursiveCutoff) format_entry(interp, out, tb);
    }
    if (count > kTracebackRecursiveCutoff) repeated(out, count);
    return out;
}

Value attr(Interp& interp, Value obj, const char* name) {
    try {
        return getattr_opt(interp, obj, interp.intern(name));
    } catch (...) {
        return Value();
    }
}

int64_t int_attr(Interp& interp, Value obj, const char* name, int64_t fallback) {
    Value v = attr(interp, obj, name);
    int64_t out;
    if (v && is_int(interp, v) && int_to_i64(interp, v, out)) return out;
    return fallback;
}

std::string safe_str(Interp& interp, Value v) {
    try {
        return str_utf8(interp, v);
    } catch (...) {
        return "<exception str() failed>";
    }
}

// SyntaxError's own lines (print_exception's parse_syntax_error branch).
bool format_syntax_error_location(Interp& interp, std::string& out, Value exc) {
    Value filename = attr(interp, exc, "filename");
    Value text = attr(interp, exc, "text");
    int64_t lineno = int_attr(interp, exc, "lineno", -1);
    if (lineno < 0) return false;
    const bool has_text = text && text != interp.none;
    const bool exact = interp.type_of(exc) == interp.exc.SyntaxError;
    out += corio::py::format_syntax_error_location(
        filename && filename != interp.none ? safe_str(interp, filename) : "<string>", lineno,
        int_attr(interp, exc, "offset", -1), exact ? int_attr(interp, exc, "end_lineno", lineno) : lineno,
        exact ? int_attr(interp, exc, "end_offset", -1) : -1, has_text ? safe_str(interp, text) : std::string(),
        has_text);
    return true;
}

std::string suggestion(Interp& interp, Value exc) {
    try {
        if (exception_matches(interp, exc, interp.exc.NameError)) {
            Value name = attr(interp, exc, "name");
            Str* n = name ? as_str(interp, name) : nullptr;
            if (!n) return {};
            // The innermost frame's names: its locals, globals and builtins.
            Value tbv = static_cast<ExceptionObject*>(exc.as_object())->traceback;
            const Traceback* last = nullptr;
            for (Value v = tbv; v && v != interp.none; v = static_cast<Traceback*>(v.as_object())->next)
                last = static_cast<Traceback*>(v.as_object());
            if (!last) return {};
            Dict* locals = nullptr;
            if (last->code->flags & kCoOptimized) {
                locals = make_dict(interp);
                for (Str* var : last->code->varnames) locals->set_str(interp, var, interp.none);
            }
            Dict* builtins = interp.builtins;
            Value b = last->globals ? last->globals->get_str(interp.names.builtins) : Value();
            if (b && is_dict(interp, b)) builtins = static_cast<Dict*>(b.as_object());
            return suggest_global(interp, n, locals, last->globals, builtins);
        }
        if (exception_matches(interp, exc, interp.exc.AttributeError)) {
            Value name = attr(interp, exc, "name");
            Value obj = attr(interp, exc, "obj");
            Str* n = name ? as_str(interp, name) : nullptr;
            if (!n || !obj || obj == interp.none) return {};
            return suggest_attribute(interp, obj, n);
        }
    } catch (...) {
    }
    return {};
}

bool is_group(Interp& interp, Value exc) {
    return exception_matches(interp, exc, interp.exc.BaseExceptionGroup);
}

// The lines after the traceback entries: SyntaxError's location, then
// "Type: message" (with a "Did you mean" hint), then the __notes__.
std::string exception_only(Interp& interp, Value exc) {
    auto* e = static_cast<ExceptionObject*>(exc.as_object());
    std::string out;
    std::string location;
    const bool syntax = exception_matches(interp, exc, interp.exc.SyntaxError) &&
                        format_syntax_error_location(interp, location, exc);
    out += location;
    Type* type = interp.type_of(exc);
    Value module = type->module;
    std::string mod = module && module != interp.none ? safe_str(interp, module) : "builtins";
    std::string line;
    if (mod != "builtins" && mod != "__main__") line = mod + ".";
    line += std::string(type->qualname ? type->qualname->view() : type->name->view());
    std::string s;
    if (syntax) {
        Value msg = attr(interp, exc, "msg");
        s = msg && msg != interp.none ? safe_str(interp, msg) : safe_str(interp, exc);
    } else {
        s = safe_str(interp, exc);
    }
    if (!s.empty()) line += ": " + s;
    std::string hint = suggestion(interp, exc);
    if (!hint.empty()) line += ". Did you mean: '" + hint + "'?";
    out += line + "\n";
    Value notes = e->dict ? e->dict->get_str(interp.names.notes) : Value();
    if (notes && notes != interp.none) {
        try {
            Value it = iter(interp, notes);
            while (Value n = iter_next(interp, it)) out += safe_str(interp, n) + "\n";
        } catch (...) {
        }
    }
    return out;
}

// print_exception: traceback, location (SyntaxError), message, notes.
void format_one(Report& r, Value exc) {
    Interp& interp = r.interp;
    auto* e = static_cast<ExceptionObject*>(exc.as_object());
    if (e->traceback && e->traceback != interp.none) {
        const bool group = is_group(interp, exc);
        r.out += std::string(static_cast<std::size_t>(2 * r.group_depth), ' ');
        r.out += group && r.group_depth == 1 ? "+ " : (r.group_depth ? "| " : "");
        r.out += group ? "Exception Group Traceback (most recent call last):\n"
                       : "Traceback (most recent call last):\n";
        r.lines(format_traceback(interp, e->traceback));
    }
    r.lines(exception_only(interp, exc));
}

void format_recursive(Report& r, Value exc);

// print_chained: the cause or context, then the separator.
void format_chained(Report& r, Value exc, const char* message) {
    const bool need_close = r.need_close;
    format_recursive(r, exc);
    r.need_close = need_close;
    r.lines("\n");
    r.lines(message);
    r.lines("\n");
}

// print_exception_group: the group, then each sub-exception in a frame.
void format_group(Report& r, Value exc) {
    Interp& interp = r.interp;
    if (r.group_depth > kMaxGroupDepth) {
        r.lines("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
        return;
    }
    if (r.group_depth == 0) r.group_depth = 1;
    format_one(r, exc);
    Value excs = attr(interp, exc, "exceptions");
    if (!excs || !is_tuple(interp, excs)) return;
    auto* items = static_cast<Tuple*>(excs.as_object());
    const auto count = static_cast<int>(items->size());
    const int n = count <= kMaxGroupWidth ? count : kMaxGroupWidth + 1;
    r.need_close = false;
    for (int i = 0; i < n; ++i) {
        const bool last = i == n - 1;
        if (last) r.need_close = true;
        const bool truncated = i >= kMaxGroupWidth;
        r.out += std::string(static_cast<std::size_t>(2 * r.group_depth), ' ');
        r.out += std::string(i == 0 ? "+-" : "  ") + "+---------------- " +
                 (truncated ? std::string("...") : std::to_string(i + 1)) + " ----------------\n";
        ++r.group_depth;
        if (!truncated) {
            format_recursive(r, (*items)[static_cast<std::size_t>(i)]);
        } else {
            const int remaining = count - kMaxGroupWidth;
            r.lines("and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n");
        }
        if (last && r.need_close) {
            r.out += std::string(static_cast<std::size_t>(2 * r.group_depth), ' ');
            r.out += "+------------------------------------\n";
            r.need_close = false;
        }
        --r.group_depth;
    }
    if (r.group_depth == 1) r.group_depth = 0;
}

void format_recursive(Report& r, Value exc) {
    Interp& interp = r.interp;
    if (!is_exception(interp, exc) || r.nesting >= kMaxReportNesting) return;
    ++r.nesting;
    r.seen.insert(exc.bits());
    auto* e = static_cast<ExceptionObject*>(exc.as_object());
    Value cause = e->cause == interp.none || !r.chain ? Value() : e->cause;
    Value context = e->context == interp.none || !r.chain ? Value() : e->context;
    if (cause) {
        if (is_exception(interp, cause) && !r.seen.count(cause.bits()))
            format_chained(r, cause, "The above exception was the direct cause of the following exception:\n");
    } else if (context && !e->suppress_context && is_exception(interp, context) && !r.seen.count(context.bits())) {
        format_chained(r, context, "During handling of the above exception, another exception occurred:\n");
    }
    if (is_group(interp, exc)) format_group(r, exc);
    else format_one(r, exc);
    --r.nesting;
}

}  // namespace

std::string format_exception_only(Interp& interp, Value exc) {
    if (!is_exception(interp, exc)) return "TypeError: print_exception(): Exception expected for value\n";
    return exception_only(interp, exc);
}

std::string format_exception(Interp& interp, Value exc) { return format_exception(interp, exc, true); }

std::string format_exception(Interp& interp, Value exc, bool chain) {
    if (!is_exception(interp, exc)) return "TypeError: print_exception(): Exception expected for value\n";
    Report r{interp, {}, 0, false, 0, {}, chain};
    format_recursive(r, exc);
    return r.out;
}

std::string format_traceback_entries(Interp& interp, Value tb) { return format_traceback(interp, tb); }

// ------------------------------------------------------------------ types

namespace {

enum TbField : int { kTbNext, kTbLineno, kTbLasti, kTbFrame };

Value tb_field(Interp& interp, Object* self, int index) {
    auto* tb = static_cast<Traceback*>(self);
    switch (index) {
        case kTbNext: return tb->next ? tb->next : interp.none;
        case kTbLineno: return make_int(interp, tb->lineno);
        case kTbLasti: return make_int(interp, static_cast<int64_t>(tb->lasti) * 2);
        case kTbFrame:
            return interp.heap.make<FrameObject>(vm_of(interp).types.frame, tb->code, tb->globals, tb->lineno);
        default: return interp.none;
    }
}

enum FrField : int { kFCode, kFLineno, kFGlobals, kFBack, kFLocals };

Value frame_field(Interp& interp, Object* self, int index) {
    auto* f = static_cast<FrameObject*>(self);
    switch (index) {
        case kFCode: return f->code;
        case kFLineno: return make_int(interp, f->lineno);
        case kFGlobals: return f->globals ? Value(f->globals) : interp.none;
        case kFLocals: return make_dict(interp);
        default: return interp.none;
    }
}

}  // namespace

void init_traceback_types(Interp& interp, VmTypes& types) {
    types.traceback = new_builtin_type(interp, "traceback", nullptr, 0);
    add_member(interp, types.traceback, "tb_next", tb_field, nullptr, kTbNext);
    add_member(interp, types.traceback, "tb_lineno", tb_field, nullptr, kTbLineno);
    add_member(interp, types.traceback, "tb_lasti", tb_field, nullptr, kTbLasti);
    add_member(interp, types.traceback, "tb_frame", tb_field, nullptr, kTbFrame);
    finish_builtin_type(interp, types.traceback);
    types.frame = new_builtin_type(interp, "frame", nullptr, 0);
    add_member(interp, types.frame, "f_code", frame_field, nullptr, kFCode);
    add_member(interp, types.frame, "f_lineno", frame_field, nullptr, kFLineno);
    add_member(interp, types.frame, "f_globals", frame_field, nullptr, kFGlobals);
    add_member(interp, types.frame, "f_back", frame_field, nullptr, kFBack);
    add_member(interp, types.frame, "f_locals", frame_field, nullptr, kFLocals);
    finish_builtin_type(interp, types.frame);
}

}  // namespace corio::py
