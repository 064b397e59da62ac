// str_methods.cpp — the methods of str: splitting and joining, stripping,
// searching, case mapping, padding, character classes, encode, translate.
// Character classes are exact for ASCII and approximate beyond.
#include <algorithm>
#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/bytes.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/number_parse.hpp"
#include "py/protocols.hpp"
#include "py/str_internal.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

bool uni_isspace(uint32_t c) noexcept {
    return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}
bool uni_isupper(uint32_t c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9) ||
           (c >= 0x410 && c <= 0x42f);
}
bool uni_islower(uint32_t c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9) ||
           (c >= 0x430 && c <= 0x44f);
}
bool uni_isalpha(uint32_t c) noexcept {
    return uni_isupper(c) || uni_islower(c) || c == 0xaa || c == 0xb5 || c == 0xba ||
           (c >= 0x100 && c <= 0x24f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff);
}
bool uni_isdigit(uint32_t c) noexcept { return c >= '0' && c <= '9'; }
uint32_t uni_toupper(uint32_t c) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 0xe0 && c <= 0xfe && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) ||
        (c >= 0x430 && c <= 0x44f))
        return c - 32;
    return c;
}
uint32_t uni_tolower(uint32_t c) noexcept {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9) ||
        (c >= 0x410 && c <= 0x42f))
        return c + 32;
    return c;
}

namespace {

Str* S(const CallArgs& a) { return self_str(a[0]); }

Str* arg_str(Interp& interp, Value v, const char* what) {
    Str* s = as_str(interp, v);
    if (!s) raise_type_error(interp, std::string(what) + " must be str, not " + std::string(type_name(interp, v)));
    return s;
}

template <class F>
Value map_chars(Interp& interp, Str* s, F f) {
    std::vector<uint32_t> cps = str_code_points(s);
    for (std::size_t i = 0; i < cps.size(); ++i) cps[i] = f(cps[i], i, cps);
    return str_from_code_points(interp, cps.data(), cps.size());
}

Value m_upper(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "upper", 1, 1);
    return map_chars(interp, S(a), [](uint32_t c, std::size_t, auto&) { return uni_toupper(c); });
}
Value m_lower(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "lower", 1, 1);
    return map_chars(interp, S(a), [](uint32_t c, std::size_t, auto&) { return uni_tolower(c); });
}
Value m_swapcase(Interp& interp, const CallArgs& a) {
    return map_chars(interp, S(a), [](uint32_t c, std::size_t, auto&) {
        return uni_isupper(c) ? uni_tolower(c) : uni_islower(c) ? uni_toupper(c) : c;
    });
}
Value m_capitalize(Interp& interp, const CallArgs& a) {
    return map_chars(interp, S(a), [](uint32_t c, std::size_t i, auto&) { return i == 0 ? uni_toupper(c) : uni_tolower(c); });
}
Value m_title(Interp& interp, const CallArgs& a) {
    std::vector<uint32_t> cps = str_code_points(S(a));
    bool prev_cased = false;
    for (uint32_t& c : cps) {
        bool cased = uni_isupper(c) || uni_islower(c);
        c = prev_cased ? uni_tolower(c) : uni_toupper(c);
        prev_cased = cased || uni_isalpha(c);
    }
    return str_from_code_points(interp, cps.data(), cps.size());
}

template <class Pred>
Value all_chars(Interp& interp, const CallArgs& a, Pred p) {
    std::vector<uint32_t> cps = str_code_points(S(a));
    if (cps.empty()) return interp.false_;
    for (uint32_t c : cps)
        if (!p(c)) return interp.false_;
    return interp.true_;
}
Value m_isdigit(Interp& interp, const CallArgs& a) { return all_chars(interp, a, uni_isdigit); }
Value m_isalpha(Interp& interp, const CallArgs& a) { return all_chars(interp, a, uni_isalpha); }
Value m_isalnum(Interp& interp, const CallArgs& a) { return all_chars(interp, a, [](uint32_t c) { return uni_isalpha(c) || uni_isdigit(c); }); }
Value m_isspace(Interp& interp, const CallArgs& a) { return all_chars(interp, a, uni_isspace); }
Value m_isascii(Interp& interp, const CallArgs& a) { return interp.boolean(S(a)->is_ascii()); }
Value m_isprintable(Interp& interp, const CallArgs& a) {  // true for ''
    Str* s = S(a);
    if (s->is_ascii()) {
        for (char c : s->view())
            if (c < 0x20 || c == 0x7f) return interp.false_;
        return interp.true_;
    }
    for (uint32_t c : str_code_points(s))
        if (!is_printable_code_point(c)) return interp.false_;
    return interp.true_;
}
Value m_isupper(Interp& interp, const CallArgs& a) {
    std::vector<uint32_t> cps = str_code_points(S(a));
    bool cased = false;
    for (uint32_t c : cps) {
        if (uni_islower(c)) return interp.false_;
        if (uni_isupper(c)) cased = true;
    }
    return interp.boolean(cased);
}
Value m_islower(Interp& interp, const CallArgs& a) {
    std::vector<uint32_t> cps = str_code_points(S(a));
    bool cased = false;
    for (uint32_t c : cps) {
        if (uni_isupper(c)) return interp.false_;
        if (uni_islower(c)) cased = true;
    }
    return interp.boolean(cased);
}
Value m_isidentifier(Interp& interp, const CallArgs& a) {
    std::vector<uint32_t> cps = str_code_points(S(a));
    if (cps.empty() || uni_isdigit(cps[0])) return interp.false_;
    for (uint32_t c : cps)
        if (!(uni_isalpha(c) || uni_isdigit(c) || c == '_' || c > 0x7f)) return interp.false_;
    return interp.true_;
}
Value m_istitle(Interp& interp, const CallArgs& a) {
    bool prev_cased = false, any = false;
    for (uint32_t c : str_code_points(S(a))) {
        if (uni_isupper(c)) {
            if (prev_cased) return interp.false_;
            prev_cased = any = true;
        } else if (uni_islower(c)) {
            if (!prev_cased) return interp.false_;
            prev_cased = any = true;
        } else prev_cased = false;
    }
    return interp.boolean(any);
}

// strip family: chars=None means whitespace.
Value strip_impl(Interp& interp, const CallArgs& a, bool left, bool right, const char* name) {
    check_nargs(interp, a, name, 1, 2);
    std::vector<uint32_t> cps = str_code_points(S(a));
    std::vector<uint32_t> chars;
    bool ws = a.nargs < 2 || a[1] == interp.none;
    if (!ws) chars = str_code_points(arg_str(interp, a[1], (std::string(name) + " arg").c_str()));
    auto strip = [&](uint32_t c) { return ws ? uni_isspace(c) : std::find(chars.begin(), chars.end(), c) != chars.end(); };
    std::size_t b = 0, e = cps.size();
    if (left) while (b < e && strip(cps[b])) ++b;
    if (right) while (e > b && strip(cps[e - 1])) --e;
    if (b == 0 && e == cps.size() && S(a)->type() == interp.types.str) return a[0];
    return str_from_code_points(interp, cps.data() + b, e - b);
}
Value m_strip(Interp& interp, const CallArgs& a) { return strip_impl(interp, a, true, true, "strip"); }
Value m_lstrip(Interp& interp, const CallArgs& a) { return strip_impl(interp, a, true, false, "lstrip"); }
Value m_rstrip(Interp& interp, const CallArgs& a) { return strip_impl(interp, a, false, true, "rstrip"); }

Value split_impl(Interp& interp, const CallArgs& a, bool from_right) {
    Value v[2];
    parse_args(interp, CallArgs{a.args + 1, a.nargs - 1, a.kwnames, a.fn}, ArgSpec{from_right ? "rsplit" : "split", {"sep", "maxsplit"}, 0, 2}, v);
    int64_t maxsplit = v[1] ? index_i64(interp, v[1]) : -1;
    std::string_view s = S(a)->view();
    List* out = make_list(interp);
    std::vector<std::string_view> parts;
    if (!v[0] || v[0] == interp.none) {
        // Whitespace split (ASCII whitespace and the common Unicode spaces).
        std::vector<uint32_t> cps = str_code_points(S(a));
        std::vector<std::pair<std::size_t, std::size_t>> words;  // code-point ranges
        if (!from_right) {
            std::size_t i = 0, n = cps.size();
            while (true) {
                while (i < n && uni_isspace(cps[i])) ++i;
                if (i >= n) break;
                if (maxsplit >= 0 && static_cast<int64_t>(words.size()) == maxsplit) {
                    std::size_t e = n;
                    while (e > i && uni_isspace(cps[e - 1])) --e;
                    words.push_back({i, e});
                    break;
                }
                std::size_t j = i;
                while (j < n && !uni_isspace(cps[j])) ++j;
                words.push_back({i, j});
                i = j;
            }
        } else {
            std::size_t i = cps.size();
            while (true) {
                while (i > 0 && uni_isspace(cps[i - 1])) --i;
                if (i == 0) break;
                if (maxsplit >= 0 && static_cast<int64_t>(words.size()) == maxsplit) {
                    std::size_t b = 0;
                    while (b < i && uni_isspace(cps[b])) ++b;
                    words.push_back({b, i});
                    break;
                }
                std::size_t j = i;
                while (j > 0 && !uni_isspace(cps[j - 1])) --j;
                words.push_back({j, i});
                i = j;
            }
            std::reverse(words.begin(), words.end());
        }
        for (auto [b, e] : words) out->append(interp, str_from_code_points(interp, cps.data() + b, e - b));
        return out;
    }
    Str* sep = arg_str(interp, v[0], "must be str or None");
    std::string_view sv = sep->view();
    if (sv.empty()) raise_value_error(interp, "empty separator");
    if (!from_right) {
        std::size_t pos = 0;
        int64_t n = 0;
        while (maxsplit < 0 || n < maxsplit) {
            std::size_t f = s.find(sv, pos);
            if (f == std::string_view::npos) break;
            parts.push_back(s.substr(pos, f - pos));
            pos = f + sv.size();
            ++n;
        }
        parts.push_back(s.substr(pos));
    } else {
        std::size_t end = s.size();
        int64_t n = 0;
        while (maxsplit < 0 || n < maxsplit) {
            if (end < sv.size()) break;
            std::size_t f = s.rfind(sv, end - sv.size());
            if (f == std::string_view::npos) break;
            parts.push_back(s.substr(f + sv.size(), end - f - sv.size()));
            end = f;
            ++n;
        }
        parts.push_back(s.substr(0, end));
        std::reverse(parts.begin(), parts.end());
    }
    for (std::string_view p : parts) out->append(interp, make_str(interp, p));
    return out;
}
Value m_split(Interp& interp, const CallArgs& a) { return split_impl(interp, a, false); }
Value m_rsplit(Interp& interp, const CallArgs& a) { return split_impl(interp, a, true); }

Value m_splitlines(Interp& interp, const CallArgs& a) {
    Value v[1];
    parse_args(interp, CallArgs{a.args + 1, a.nargs - 1, a.kwnames, a.fn}, ArgSpec{"splitlines", {"keepends"}, 0, 1}, v);
    bool keep = v[0] && truthy(interp, v[0]);
    std::vector<uint32_t> cps = str_code_points(S(a));
    List* out = make_list(interp);
    std::size_t i = 0, start = 0, n = cps.size();
    auto is_break = [](uint32_t c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85 ||
               c == 0x2028 || c == 0x2029;
    };
    while (i < n) {
        if (!is_break(cps[i])) {
            ++i;
            continue;
        }
        std::size_t eol = i;
        i += (cps[i] == '\r' && i + 1 < n && cps[i + 1] == '\n') ? 2 : 1;
        std::size_t e = keep ? i : eol;
        out->append(interp, str_from_code_points(interp, cps.data() + start, e - start));
        start = i;
    }
    if (start < n) out->append(interp, str_from_code_points(interp, cps.data() + start, n - start));
    return out;
}

Value m_join(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "join", 2, 2);
    std::string_view sep = S(a)->view();
    List* items = list_from_iterable(interp, a[1]);
    std::size_t total = 0;
    for (std::size_t i = 0; i < items->size(); ++i) {
        Str* s = as_str(interp, (*items)[i]);
        if (!s)
            raise_type_error(interp, std::string("sequence item ") + std::to_string(i) + ": expected str instance, " +
                                         std::string(type_name(interp, (*items)[i])) + " found");
        total += s->byte_size() + sep.size();
    }
    std::string out;
    out.reserve(total);
    for (std::size_t i = 0; i < items->size(); ++i) {
        if (i) out += sep;
        out += static_cast<Str*>((*items)[i].as_object())->view();
    }
    return make_str(interp, out);
}

// Code-point bounds [start, end) of the optional start/end arguments.
void bounds(Interp& interp, const CallArgs& a, std::size_t first, int64_t len, int64_t& start, int64_t& end) {
    start = 0;
    end = len;
    if (a.nargs > first && a[first] != interp.none) start = index_i64(interp, a[first]);
    if (a.nargs > first + 1 && a[first + 1] != interp.none) end = index_i64(interp, a[first + 1]);
    if (start < 0) start = std::max<int64_t>(0, start + len);
    if (end < 0) end = std::max<int64_t>(0, end + len);
    end = std::min(end, len);
}

int64_t byte_to_cp(const Str* s, std::size_t byte) {
    if (s->is_ascii()) return static_cast<int64_t>(byte);
    return utf8_length(s->view().substr(0, byte));
}

int64_t find_impl(Interp& interp, const CallArgs& a, bool reverse, const char* name) {
    check_nargs(interp, a, name, 2, 4);
    Str* s = S(a);
    Str* sub = arg_str(interp, a[1], (std::string(name) + "() argument 1").c_str());
    int64_t start, end;
    bounds(interp, a, 2, s->length(), start, end);
    if (start > end) return -1;
    std::size_t bs = str_byte_offset(s, start), be = str_byte_offset(s, end);
    std::string_view hay = s->view().substr(bs, be - bs);
    std::size_t f = reverse ? hay.rfind(sub->view()) : hay.find(sub->view());
    if (f == std::string_view::npos) return -1;
    return byte_to_cp(s, bs + f);
}
Value m_find(Interp& interp, const CallArgs& a) { return Value::small_int(find_impl(interp, a, false, "find")); }
Value m_rfind(Interp& interp, const CallArgs& a) { return Value::small_int(find_impl(interp, a, true, "rfind")); }
Value m_index(Interp& interp, const CallArgs& a) {
    int64_t r = find_impl(interp, a, false, "index");
    if (r < 0) raise_value_error(interp, "substring not found");
    return Value::small_int(r);
}
Value m_rindex(Interp& interp, const CallArgs& a) {
    int64_t r = find_impl(interp, a, true, "rindex");
    if (r < 0) raise_value_error(interp, "substring not found");
    return Value::small_int(r);
}
Value m_count(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "count", 2, 4);
    Str* s = S(a);
    Str* sub = arg_str(interp, a[1], "count() argument 1");
    int64_t start, end;
    bounds(interp, a, 2, s->length(), start, end);
    if (start > end) return Value::small_int(0);
    std::size_t bs = str_byte_offset(s, start), be = str_byte_offset(s, end);
    std::string_view hay = s->view().substr(bs, be - bs);
    if (sub->byte_size() == 0) return Value::small_int(end - start + 1);
    int64_t n = 0;
    for (std::size_t p = hay.find(sub->view()); p != std::string_view::npos; p = hay.find(sub->view(), p + sub->byte_size())) ++n;
    return Value::small_int(n);
}

Value starts_ends(Interp& interp, const CallArgs& a, bool ends, const char* name) {
    check_nargs(interp, a, name, 2, 4);
    Str* s = S(a);
    int64_t start, end;
    bounds(interp, a, 2, s->length(), start, end);
    auto test = [&](Value p) {
        Str* pre = as_str(interp, p);
        if (!pre)
            raise_type_error(interp, std::string(name) + " first arg must be str or a tuple of str, not " +
                                         std::string(type_name(interp, p)));
        if (start > end) return false;
        std::size_t bs = str_byte_offset(s, start), be = str_byte_offset(s, end);
        std::string_view v = s->view().substr(bs, be - bs);
        std::string_view x = pre->view();
        if (x.size() > v.size()) return false;
        return ends ? v.substr(v.size() - x.size()) == x : v.substr(0, x.size()) == x;
    };
    if (is_tuple(interp, a[1])) {
        for (Value p : *static_cast<Tuple*>(a[1].as_object()))
            if (test(p)) return interp.true_;
        return interp.false_;
    }
    return interp.boolean(test(a[1]));
}
Value m_startswith(Interp& interp, const CallArgs& a) { return starts_ends(interp, a, false, "startswith"); }
Value m_endswith(Interp& interp, const CallArgs& a) { return starts_ends(interp, a, true, "endswith"); }

Value m_replace(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "replace", 3, 4);
    std::string_view s = S(a)->view();
    std::string_view old = arg_str(interp, a[1], "replace() argument 1")->view();
    std::string_view rep = arg_str(interp, a[2], "replace() argument 2")->view();
    int64_t count = a.nargs > 3 ? index_i64(interp, a[3]) : -1;
    std::string out;
    if (old.empty()) {
        std::vector<uint32_t> cps = str_code_points(S(a));
        int64_t n = 0;
        for (std::size_t i = 0; i <= cps.size(); ++i) {
            if (count < 0 || n < count) {
                out += rep;
                ++n;
            }
            if (i < cps.size()) append_utf8(out, cps[i]);
        }
        return make_str(interp, out);
    }
    std::size_t pos = 0;
    int64_t n = 0;
    while (count < 0 || n < count) {
        std::size_t f = s.find(old, pos);
        if (f == std::string_view::npos) break;
        out += s.substr(pos, f - pos);
        out += rep;
        pos = f + old.size();
        ++n;
    }
    out += s.substr(pos);
    return make_str(interp, out);
}

Value pad(Interp& interp, const CallArgs& a, const char* name, int where) {
    check_nargs(interp, a, name, 2, 3);
    int64_t width = index_i64(interp, a[1]);
    std::string fill = " ";
    if (a.nargs > 2) {
        Str* f = arg_str(interp, a[2], (std::string(name) + "() argument 2").c_str());
        if (f->length() != 1) raise_type_error(interp, "The fill character must be exactly one character long");
        fill = std::string(f->view());
    }
    Str* s = S(a);
    if (width <= s->length()) return s->type() == interp.types.str ? a[0] : Value(make_str(interp, s->view()));
    int64_t total = width - s->length();
    int64_t left = where == 0 ? 0 : where == 2 ? total : total / 2 + (total & width & 1);
    std::string out;
    for (int64_t i = 0; i < left; ++i) out += fill;
    out += s->view();
    for (int64_t i = 0; i < total - left; ++i) out += fill;
    return make_str(interp, out);
}
Value m_ljust(Interp& interp, const CallArgs& a) { return pad(interp, a, "ljust", 0); }
Value m_rjust(Interp& interp, const CallArgs& a) { return pad(interp, a, "rjust", 2); }
Value m_center(Interp& interp, const CallArgs& a) { return pad(interp, a, "center", 1); }
Value m_zfill(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "zfill", 2, 2);
    int64_t width = index_i64(interp, a[1]);
    Str* s = S(a);
    if (width <= s->length()) return make_str(interp, s->view());
    std::string body(s->view());
    std::string sign;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) sign = body.substr(0, 1), body.erase(0, 1);
    return make_str(interp, sign + std::string(static_cast<std::size_t>(width - s->length()), '0') + body);
}

Value partition_impl(Interp& interp, const CallArgs& a, bool reverse) {
    check_nargs(interp, a, reverse ? "rpartition" : "partition", 2, 2);
    std::string_view s = S(a)->view();
    Str* sep = arg_str(interp, a[1], "must be str,");
    if (sep->byte_size() == 0) raise_value_error(interp, "empty separator");
    std::size_t f = reverse ? s.rfind(sep->view()) : s.find(sep->view());
    if (f == std::string_view::npos) {
        if (reverse) return make_tuple(interp, {interp.empty_str, interp.empty_str, a[0]});
        return make_tuple(interp, {a[0], interp.empty_str, interp.empty_str});
    }
    return make_tuple(interp, {make_str(interp, s.substr(0, f)), Value(sep), make_str(interp, s.substr(f + sep->byte_size()))});
}
Value m_partition(Interp& interp, const CallArgs& a) { return partition_impl(interp, a, false); }
Value m_rpartition(Interp& interp, const CallArgs& a) { return partition_impl(interp, a, true); }

Value m_removeprefix(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "removeprefix", 2, 2);
    std::string_view s = S(a)->view(), p = arg_str(interp, a[1], "removeprefix() argument")->view();
    if (s.substr(0, p.size()) == p && !p.empty()) return make_str(interp, s.substr(p.size()));
    return make_str(interp, s);
}
Value m_removesuffix(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "removesuffix", 2, 2);
    std::string_view s = S(a)->view(), p = arg_str(interp, a[1], "removesuffix() argument")->view();
    if (!p.empty() && s.size() >= p.size() && s.substr(s.size() - p.size()) == p) return make_str(interp, s.substr(0, s.size() - p.size()));
    return make_str(interp, s);
}

Value m_expandtabs(Interp& interp, const CallArgs& a) {
    Value v[1];
    parse_args(interp, CallArgs{a.args + 1, a.nargs - 1, a.kwnames, a.fn}, ArgSpec{"expandtabs", {"tabsize"}, 0, 1}, v);
    int64_t tab = v[0] ? index_i64(interp, v[0]) : 8;
    std::string out;
    int64_t col = 0;
    for (uint32_t c : str_code_points(S(a))) {
        if (c == '\t') {
            if (tab > 0) {
                int64_t n = tab - col % tab;
                out.append(static_cast<std::size_t>(n), ' ');
                col += n;
            }
        } else {
            append_utf8(out, c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return make_str(interp, out);
}

Value m_encode(Interp& interp, const CallArgs& a) { return make_bytes(interp, S(a)->view()); }

Value m_casefold(Interp& interp, const CallArgs& a) { return m_lower(interp, a); }

Value m_maketrans(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "maketrans", 1, 3);
    Dict* d = make_dict(interp);
    if (a.nargs == 1) {
        if (!is_dict(interp, a[0])) raise_type_error(interp, "if you give only one argument to maketrans it must be a dict");
        Dict* src = static_cast<Dict*>(a[0].as_object());
        for (std::size_t i = 0; i < src->entry_count(); ++i) {
            const Dict::Entry e = src->entry(i);
            if (!e.key) continue;
            Value k = e.key;
            if (Str* ks = as_str(interp, k)) {
                if (ks->length() != 1) raise_value_error(interp, "string keys in translate table must be of length 1");
                k = Value::small_int(decode_utf8(ks->view(), 0).value);
            }
            d->set(interp, k, e.value);
        }
        return d;
    }
    std::vector<uint32_t> x = str_code_points(arg_str(interp, a[0], "maketrans() argument 1"));
    std::vector<uint32_t> y = str_code_points(arg_str(interp, a[1], "maketrans() argument 2"));
    if (x.size() != y.size()) raise_value_error(interp, "the first two maketrans arguments must have equal length");
    for (std::size_t i = 0; i < x.size(); ++i)
        d->set(interp, Value::small_int(x[i]), Value::small_int(y[i]));
    if (a.nargs > 2)
        for (uint32_t c : str_code_points(arg_str(interp, a[2], "maketrans() argument 3")))
            d->set(interp, Value::small_int(c), interp.none);
    return d;
}

Value m_translate(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "translate", 2, 2);
    std::string out;
    for (uint32_t c : str_code_points(S(a))) {
        Value r;
        try {
            r = getitem(interp, a[1], Value::small_int(c));
        } catch (PyException& e) {
            if (!exception_matches(interp, e.exc, interp.exc.LookupError)) throw;
            append_utf8(out, c);
            continue;
        }
        if (r == interp.none) continue;
        if (Str* s = as_str(interp, r)) out += s->view();
        else append_utf8(out, static_cast<uint32_t>(index_i64(interp, r)));
    }
    return make_str(interp, out);
}

Value m_format(Interp& interp, const CallArgs& a) {
    return str_format(interp, S(a), a.args + 1, a.nargs - 1, a.kwnames);
}


Value m_dunder_format(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "__format__", 2, 2);
    return format(interp, make_str(interp, S(a)->view()), arg_str(interp, a[1], "__format__() argument"));
}

Value m_getnewargs(Interp& interp, const CallArgs& a) { return make_tuple(interp, {make_str(interp, S(a)->view())}); }

}  // namespace

void init_str_methods(Interp& interp) {
    Type* t = interp.types.str;
    struct M {
        const char* name;
        NativeFn fn;
    };
    for (const M& m : {M{"upper", m_upper}, M{"lower", m_lower}, M{"swapcase", m_swapcase}, M{"capitalize", m_capitalize},
                       M{"title", m_title}, M{"casefold", m_casefold}, M{"isdigit", m_isdigit}, M{"isdecimal", m_isdigit},
                       M{"isnumeric", m_isdigit}, M{"isalpha", m_isalpha}, M{"isalnum", m_isalnum}, M{"isspace", m_isspace},
                       M{"isascii", m_isascii}, M{"isprintable", m_isprintable}, M{"isupper", m_isupper}, M{"islower", m_islower},
                       M{"isidentifier", m_isidentifier}, M{"istitle", m_istitle}, M{"strip", m_strip},
                       M{"lstrip", m_lstrip}, M{"rstrip", m_rstrip}, M{"split", m_split}, M{"rsplit", m_rsplit},
                       M{"splitlines", m_splitlines}, M{"join", m_join}, M{"find", m_find}, M{"rfind", m_rfind},
                       M{"index", m_index}, M{"rindex", m_rindex}, M{"count", m_count}, M{"startswith", m_startswith},
                       M{"endswith", m_endswith}, M{"replace", m_replace}, M{"ljust", m_ljust}, M{"rjust", m_rjust},
                       M{"center", m_center}, M{"zfill", m_zfill}, M{"partition", m_partition},
                       M{"rpartition", m_rpartition}, M{"removeprefix", m_removeprefix},
                       M{"removesuffix", m_removesuffix}, M{"expandtabs", m_expandtabs}, M{"encode", m_encode},
                       M{"translate", m_translate}, M{"format", m_format}, M{"__format__", m_dunder_format},
                       M{"__getnewargs__", m_getnewargs}})
        add_method(interp, t, m.name, m.fn);
    add_method(interp, t, "maketrans", m_maketrans, NativeKind::StaticMethod);
}

}  // namespace corio::py
