// str_format.cpp — printf-style `str % args` and str.format(): field
// parsing (auto and manual numbering, attribute and index lookups,
// conversions !r !s !a, nested specs) and the CPython error messages.
#include <string>

#include "py/builtin_function.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/format_spec.hpp"
#include "py/int.hpp"
#include "py/protocols.hpp"
#include "py/str_internal.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {

std::string pad_text(const PercentSpec& spec, std::string text) {
    if (spec.precision >= 0 && static_cast<int64_t>(utf8_length(text)) > spec.precision) {
        std::size_t cut = 0;
        int64_t n = 0;
        while (cut < text.size() && n < spec.precision) {
            ++cut;
            while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
            ++n;
        }
        text.resize(cut);
    }
    int64_t len = utf8_length(text);
    if (spec.width > len) {
        std::string fill(static_cast<std::size_t>(spec.width - len), ' ');
        text = spec.left ? text + fill : fill + text;
    }
    return text;
}

}  // namespace

Str* str_percent_format(Interp& interp, Str* format, Value args) {
    std::string_view f = format->view();
    std::string out;
    Tuple* tuple = is_tuple(interp, args) ? static_cast<Tuple*>(args.as_object()) : nullptr;
    bool is_mapping = !tuple && !is_str(interp, args) && interp.type_of(args)->slots.getitem &&
                      !is_tuple(interp, args) && (is_dict(interp, args) || interp.type_of(args)->is_heap_type());
    std::size_t argi = 0;
    std::size_t nargs = tuple ? tuple->size() : 1;
    auto next_arg = [&]() -> Value {
        if (argi >= nargs) raise_type_error(interp, "not enough arguments for format string");
        return tuple ? (*tuple)[argi++] : (argi++, args);
    };
    bool used_mapping = false;
    try {
        for (std::size_t i = 0; i < f.size();) {
            if (f[i] != '%') {
                std::size_t j = f.find('%', i);
                if (j == std::string_view::npos) j = f.size();
                out += f.substr(i, j - i);
                i = j;
                continue;
            }
            Value mapped;
            std::size_t pos = i;
            if (i + 1 < f.size() && f[i + 1] == '(') {
                if (!is_mapping) raise_type_error(interp, "format requires a mapping");
                std::size_t depth = 1, k = i + 2;
                while (k < f.size() && depth) {
                    if (f[k] == '(') ++depth;
                    else if (f[k] == ')') --depth;
                    ++k;
                }
                if (depth) raise_value_error(interp, "incomplete format key");
                mapped = getitem(interp, args, make_str(interp, f.substr(i + 2, k - i - 3)));
                used_mapping = true;
                // Re-parse the rest of the spec as if it started at '%'.
                std::string rest = std::string("%") + std::string(f.substr(k));
                PercentSpec spec;
                std::size_t end = parse_percent_spec(rest, 0, spec);
                pos = k + end - 1;
                i = pos;
                Value v = mapped;
                if (spec.width_from_args) spec.width = index_i64(interp, next_arg());
                if (spec.precision_from_args) spec.precision = index_i64(interp, next_arg());
                char c = spec.conversion;
                if (c == '%') { out += '%'; continue; }
                if (c == 's' || c == 'r' || c == 'a') {
                    Str* s = c == 's' ? str(interp, v) : c == 'r' ? repr(interp, v) : ascii(interp, v);
                    out += pad_text(spec, std::string(s->view()));
                } else if (is_float(interp, v) && c != 'c') {
                    out += percent_format(spec, float_value(v));
                } else if (is_int(interp, v)) {
                    int64_t x;
                    out += int_to_i64(interp, v, x) ? percent_format(spec, x) : percent_format(spec, int_to_bigint(interp, v));
                } else {
                    raise_type_error(interp, std::string("%") + c + " format: a real number is required, not " + std::string(type_name(interp, v)));
                }
                continue;
            }
            PercentSpec spec;
            std::size_t end = parse_percent_spec(f, i, spec);
            i = end;
            (void)pos;
            if (spec.conversion == '%') {
                out += '%';
                continue;
            }
            if (spec.width_from_args) {
                spec.width = index_i64(interp, next_arg());
                if (spec.width < 0) spec.left = true, spec.width = -spec.width;
            }
            if (spec.precision_from_args) spec.precision = index_i64(interp, next_arg());
            Value v = next_arg();
            char c = spec.conversion;
            if (c == 's' || c == 'r' || c == 'a') {
                Str* s = c == 's' ? str(interp, v) : c == 'r' ? repr(interp, v) : ascii(interp, v);
                out += pad_text(spec, std::string(s->view()));
            } else if (c == 'c') {
                std::string ch;
                if (Str* s = as_str(interp, v)) {
                    if (s->length() != 1) raise_type_error(interp, "%c requires int or char");
                    ch = std::string(s->view());
                } else if (is_int(interp, v)) {
                    int64_t x = index_i64(interp, v);
                    if (x < 0 || x > 0x10ffff) raise_overflow_error(interp, "%c arg not in range(0x110000)");
                    append_utf8(ch, static_cast<uint32_t>(x));
                } else {
                    raise_type_error(interp, "%c requires int or char");
                }
                spec.precision = -1;
                out += pad_text(spec, ch);
            } else if (is_float(interp, v)) {
                if (c == 'd' || c == 'i' || c == 'u') {
                    Value iv = int_from_value(interp, v);
                    int64_t x;
                    out += int_to_i64(interp, iv, x) ? percent_format(spec, x) : percent_format(spec, int_to_bigint(interp, iv));
                } else {
                    out += percent_format(spec, float_value(v));
                }
            } else if (is_int(interp, v) || interp.type_of(v)->slots.index) {
                Value iv = is_int(interp, v) ? v : index(interp, v);
                int64_t x;
                if (c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'g' || c == 'G')
                    out += percent_format(spec, int_to_double(interp, iv));
                else
                    out += int_to_i64(interp, iv, x) ? percent_format(spec, x) : percent_format(spec, int_to_bigint(interp, iv));
            } else {
                if (c == 'x' || c == 'X' || c == 'o')
                    raise_type_error(interp, std::string("%") + c + " format: an integer is required, not " + std::string(type_name(interp, v)));
                raise_type_error(interp, std::string("%") + c + " format: a real number is required, not " + std::string(type_name(interp, v)));
            }
        }
    } catch (const NumberError&) {
        raise(interp, exception_from_current(interp));
    }
    if (argi < nargs && !used_mapping && !is_mapping)
        raise_type_error(interp, "not all arguments converted during string formatting");
    return make_str(interp, out);
}

namespace {

Value lookup_kw(Interp& interp, Str* name, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames)
        for (std::size_t k = 0; k < kwnames->size(); ++k)
            if (str_equal(static_cast<Str*>((*kwnames)[k].as_object()), name)) return args[nargs + k];
    raise_key_error(interp, name);
}

}  // namespace

Str* str_format(Interp& interp, Str* format, const Value* args, std::size_t nargs, Tuple* kwnames) {
    std::string_view f = format->view();
    std::string out;
    int auto_index = 0;  // -1 once manual numbering is used
    bool manual = false;
    for (std::size_t i = 0; i < f.size();) {
        char c = f[i];
        if (c == '}') {
            if (i + 1 < f.size() && f[i + 1] == '}') {
                out += '}';
                i += 2;
                continue;
            }
            raise_value_error(interp, "Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            ++i;
            continue;
        }
        if (i + 1 < f.size() && f[i + 1] == '{') {
            out += '{';
            i += 2;
            continue;
        }
        // Find the matching '}' (nested braces in the spec).
        std::size_t depth = 1, j = i + 1;
        while (j < f.size() && depth) {
            if (f[j] == '{') ++depth;
            else if (f[j] == '}') --depth;
            if (depth) ++j;
        }
        if (j >= f.size()) raise_value_error(interp, depth ? "expected '}' before end of string" : "Single '{' encountered in format string");
        std::string_view field = f.substr(i + 1, j - i - 1);
        i = j + 1;
        std::size_t colon = std::string_view::npos, bang = std::string_view::npos;
        int bracket = 0;
        for (std::size_t k = 0; k < field.size(); ++k) {
            if (field[k] == '[') ++bracket;
            else if (field[k] == ']') --bracket;
            else if (!bracket && field[k] == '!' && bang == std::string_view::npos && colon == std::string_view::npos) bang = k;
            else if (!bracket && field[k] == ':') {
                colon = k;
                break;
            }
        }
        std::string_view name = field.substr(0, std::min(bang, colon));
        char conv = 0;
        if (bang != std::string_view::npos) {
            std::size_t end = colon == std::string_view::npos ? field.size() : colon;
            if (end - bang != 2) raise_value_error(interp, "expected ':' after conversion specifier");
            conv = field[bang + 1];
            if (conv != 'r' && conv != 's' && conv != 'a')
                raise_value_error(interp, std::string("Unknown conversion specifier ") + conv);
        }
        std::string spec = colon == std::string_view::npos ? std::string() : std::string(field.substr(colon + 1));
        if (spec.find('{') != std::string::npos)
            spec = std::string(str_format(interp, make_str(interp, spec), args, nargs, kwnames)->view());
        // The first part of the name: an index, a keyword, or empty (auto).
        std::size_t first_end = std::min(name.find('.'), name.find('['));
        std::string_view head = name.substr(0, first_end);
        Value v;
        if (head.empty()) {
            if (manual) raise_value_error(interp, "cannot switch from manual field specification to automatic field numbering");
            if (static_cast<std::size_t>(auto_index) >= nargs)
                raise_index_error(interp, std::string("Replacement index ") + std::to_string(auto_index) + " out of range for positional args tuple");
            v = args[auto_index++];
        } else if (head.find_first_not_of("0123456789") == std::string_view::npos) {
            if (auto_index > 0) raise_value_error(interp, "cannot switch from automatic field numbering to manual field specification");
            manual = true;
            std::size_t idx = std::stoul(std::string(head));
            if (idx >= nargs)
                raise_index_error(interp, std::string("Replacement index ") + std::to_string(idx) + " out of range for positional args tuple");
            v = args[idx];
        } else {
            v = lookup_kw(interp, make_str(interp, head), args, nargs, kwnames);
        }
        // .attr and [key] accessors.
        std::size_t k = first_end == std::string_view::npos ? name.size() : first_end;
        while (k < name.size()) {
            if (name[k] == '.') {
                std::size_t e = std::min(name.find('.', k + 1), name.find('[', k + 1));
                if (e == std::string_view::npos) e = name.size();
                v = getattr(interp, v, interp.intern(name.substr(k + 1, e - k - 1)));
                k = e;
            } else if (name[k] == '[') {
                std::size_t e = name.find(']', k);
                if (e == std::string_view::npos) raise_value_error(interp, "Missing ']' in format string");
                std::string_view key = name.substr(k + 1, e - k - 1);
                Value kv = key.find_first_not_of("0123456789") == std::string_view::npos && !key.empty()
                               ? make_int(interp, static_cast<int64_t>(std::stoll(std::string(key))))
                               : Value(make_str(interp, key));
                v = getitem(interp, v, kv);
                k = e + 1;
            } else {
                raise_value_error(interp, "Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        if (conv == 'r') v = repr(interp, v);
        else if (conv == 's') v = str(interp, v);
        else if (conv == 'a') v = ascii(interp, v);
        out += py::format(interp, v, make_str(interp, spec))->view();
    }
    return make_str(interp, out);
}

}  // namespace corio::py
