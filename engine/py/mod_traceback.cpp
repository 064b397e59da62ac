// mod_traceback.cpp — the `traceback` module: CPython's report of an
// exception (traceback.cpp, the text python prints for an uncaught one)
// as the functions programs call: format_exc, print_exc,
// format_exception, print_exception, format_exception_only, format_tb,
// print_tb. The lists format_exception returns hold one string per part,
// as CPython's do: the "Traceback" header, one per frame (its source and
// caret lines included), the chaining messages, each exception line.
// `limit` is accepted and ignored: every frame is shown.
#include "py/mod_traceback.hpp"

#include <string>

#include "py/builtin_function.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/traceback.hpp"
#include "py/vm.hpp"

namespace corio::py {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The report cut into the items of CPython's format_exception list.
List* report_parts(Interp& interp, std::string_view text) {
    List* out = make_list(interp);
    std::string item;
    bool in_frame = false;
    auto flush = [&] {
        if (!item.empty()) out->append(interp, make_str(interp, item));
        item.clear();
    };
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1);
        text.remove_prefix(line.size());
        if (in_frame && starts_with(line, "    ")) {
            item += line;
            continue;
        }
        flush();
        in_frame = starts_with(line, "  File ");
        item = line;
        // "\nThe above exception was ...:\n\n" is one item.
        if (line == "\n" && (starts_with(text, "The above exception") || starts_with(text, "During handling"))) {
            std::size_t end = text.find('\n');
            if (end != std::string_view::npos && end + 1 < text.size() && text[end + 1] == '\n') {
                item += text.substr(0, end + 2);
                text.remove_prefix(end + 2);
            }
        }
    }
    flush();
    return out;
}

// The exception a call is about: `value` when given (the old
// three-argument form print_exception(type, value, tb)), else `exc`.
Value chosen_exception(Value exc, Value value) { return value ? value : exc; }

std::string report_of(Interp& interp, Value exc, Value chain) {
    if (!exc || exc == interp.none) return "NoneType: None\n";
    if (!is_exception(interp, exc)) raise_type_error(interp, std::string("Exception expected for value, ") +
                                                               std::string(type_name(interp, exc)) + " found");
    return format_exception(interp, exc, !chain || truthy(interp, chain));
}

Value handled(Interp& interp) { return vm_of(interp).handled_exception(); }

void write_to(Interp& interp, Value file, std::string_view text) {
    if (!file || file == interp.none) file = interp.sys_module->dict->get_str(interp.names.stderr_);
    stream_write(interp, file, text);
}

Value tb_format_exc(Interp& interp, const CallArgs& a) {
    Value args[2];
    parse_args(interp, a, {"format_exc", {"limit", "chain"}, 0, 2}, args);
    return make_str(interp, report_of(interp, handled(interp), args[1]));
}

Value tb_print_exc(Interp& interp, const CallArgs& a) {
    Value args[3];
    parse_args(interp, a, {"print_exc", {"limit", "file", "chain"}, 0, 3}, args);
    write_to(interp, args[1], report_of(interp, handled(interp), args[2]));
    return interp.none;
}

Value tb_format_exception(Interp& interp, const CallArgs& a) {
    Value args[5];
    parse_args(interp, a, {"format_exception", {"exc", "value", "tb", "limit", "chain"}, 1, 5}, args);
    return report_parts(interp, report_of(interp, chosen_exception(args[0], args[1]), args[4]));
}

Value tb_print_exception(Interp& interp, const CallArgs& a) {
    Value args[6];
    parse_args(interp, a, {"print_exception", {"exc", "value", "tb", "limit", "file", "chain"}, 1, 6}, args);
    write_to(interp, args[4], report_of(interp, chosen_exception(args[0], args[1]), args[5]));
    return interp.none;
}

Value tb_format_exception_only(Interp& interp, const CallArgs& a) {
    Value args[2];
    parse_args(interp, a, {"format_exception_only", {"exc", "value"}, 1, 2}, args);
    Value exc = chosen_exception(args[0], args[1]);
    if (!exc || exc == interp.none) return report_parts(interp, "NoneType: None\n");
    return report_parts(interp, format_exception_only(interp, exc));
}

Value tb_format_tb(Interp& interp, const CallArgs& a) {
    Value args[2];
    parse_args(interp, a, {"format_tb", {"tb", "limit"}, 1, 2}, args);
    return report_parts(interp, format_traceback_entries(interp, args[0]));
}

Value tb_print_tb(Interp& interp, const CallArgs& a) {
    Value args[3];
    parse_args(interp, a, {"print_tb", {"tb", "limit", "file"}, 1, 3}, args);
    write_to(interp, args[2], format_traceback_entries(interp, args[0]));
    return interp.none;
}

}  // namespace

Module* make_traceback_module(Interp& interp) {
    Module* m = make_module(interp, "traceback");
    struct Fn {
        const char* name;
        NativeFn fn;
    };
    for (const Fn& f : {Fn{"format_exc", tb_format_exc}, Fn{"print_exc", tb_print_exc},
                        Fn{"format_exception", tb_format_exception}, Fn{"print_exception", tb_print_exception},
                        Fn{"format_exception_only", tb_format_exception_only}, Fn{"format_tb", tb_format_tb},
                        Fn{"print_tb", tb_print_tb}}) {
        BuiltinFunction* b = make_builtin(interp, f.name, f.fn);
        m->dict->set_str(interp, b->name, b);
    }
    return m;
}

}  // namespace corio::py
