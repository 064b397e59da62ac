// Numbers from text: NumberError helpers, Python whitespace, digit values and
// the repr() of text quoted in int()/float() error messages.
#include "py/number_parse.hpp"

#include <cstdio>

namespace corio::py {

void throw_value_error(std::string message) {
    throw NumberError(NumberError::Kind::ValueError, std::move(message));
}
void throw_overflow_error(std::string message) {
    throw NumberError(NumberError::Kind::OverflowError, std::move(message));
}
void throw_zero_division_error(std::string message) {
    throw NumberError(NumberError::Kind::ZeroDivisionError, std::move(message));
}
void throw_type_error(std::string message) {
    throw NumberError(NumberError::Kind::TypeError, std::move(message));
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

CodePoint decode_utf8(std::string_view s, size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto cont = [&](size_t k) {
        return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    const auto bits = [&](size_t k) { return static_cast<uint32_t>(s[i + k]) & 0x3F; };
    if (b0 >= 0xC0 && b0 < 0xE0 && cont(1)) return {((b0 & 0x1Fu) << 6) | bits(1), 2};
    if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2))
        return {((b0 & 0x0Fu) << 12) | (bits(1) << 6) | bits(2), 3};
    if (b0 >= 0xF0 && cont(1) && cont(2) && cont(3))
        return {((b0 & 0x07u) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3), 4};
    return {b0, 1};
}

void append_utf8(std::string& out, uint32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

namespace {

// str.isspace(): Unicode White_Space plus the ASCII separators 0x1C..0x1F.
bool is_py_space(uint32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

// Characters repr() escapes: controls, and non-printable separators/format
// characters among the common ones (a subset of Unicode's non-printables).
bool is_unprintable(uint32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD ||
           (is_py_space(c) && c != ' ') || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

void append_escape(std::string& out, uint32_t c) {
    char buf[12];
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else {
        if (c <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
        else if (c <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
        out += buf;
    }
}

}  // namespace

bool is_printable_code_point(uint32_t c) noexcept { return !is_unprintable(c); }

std::string_view strip_py_whitespace(std::string_view text) {
    size_t begin = 0;
    while (begin < text.size()) {
        const CodePoint cp = decode_utf8(text, begin);
        if (!is_py_space(cp.value)) break;
        begin += static_cast<size_t>(cp.length);
    }
    size_t end = text.size();
    while (end > begin) {
        size_t start = end - 1;  // back up to the lead byte of the last code point
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        const CodePoint cp = decode_utf8(text, start);
        if (start + static_cast<size_t>(cp.length) != end || !is_py_space(cp.value)) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

std::string py_str_repr(std::string_view utf8) {
    // CPython prefers single quotes, switching to double quotes only when the
    // text has a single quote and no double quote.
    const bool has_single = utf8.find('\'') != std::string_view::npos;
    const bool has_double = utf8.find('"') != std::string_view::npos;
    const char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, quote);
    for (size_t i = 0; i < utf8.size();) {
        const CodePoint cp = decode_utf8(utf8, i);
        if (cp.value == static_cast<unsigned char>(quote) || cp.value == '\\') {
            out += '\\';
            out += static_cast<char>(cp.value);
        } else if (is_unprintable(cp.value)) {
            append_escape(out, cp.value);
        } else {
            out.append(utf8.substr(i, static_cast<size_t>(cp.length)));
        }
        i += static_cast<size_t>(cp.length);
    }
    out += quote;
    return out;
}

}  // namespace corio::py
