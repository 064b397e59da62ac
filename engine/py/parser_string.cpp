// corio::py parser, part 3: literals. Numbers become Constants (ints keep
// their digit text for the BigInt); adjacent strings are concatenated;
// escapes are decoded; f-strings are split into JoinedStr/FormattedValue as
// CPython 3.11's Parser/string_parser.c does, each replacement field being
// lexed and parsed again from the original source bytes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>

#include "py/parser_impl.hpp"

namespace corio::py {

using namespace ast;  // the AST node types (ast.hpp)

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the escapes of a non-raw literal; returns an error message or "".
// Unknown escapes stay as written (CPython only warns about them).
std::string decode_escapes(std::string_view s, bool bytes, std::string& out) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    c = s[++i];
    switch (c) {
      case '\n': break;
      case '\r': if (i + 1 < s.size() && s[i + 1] == '\n') ++i; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        std::uint32_t v = 0;
        std::size_t k = 0;
        for (; k < 3 && i + k < s.size() && s[i + k] >= '0' && s[i + k] <= '7'; ++k) v = v * 8 + static_cast<std::uint32_t>(s[i + k] - '0');
        i += k - 1;
        if (bytes) {
          out += static_cast<char>(v & 0xFF);
        } else {
          append_utf8(out, v);
        }
        break;
      }
      case 'x': case 'u': case 'U': {
        if (bytes && c != 'x') {
          out += '\\';
          out += c;
          break;
        }
        const std::size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        std::uint32_t v = 0;
        for (std::size_t k = 1; k <= digits; ++k) {
          const int h = i + k < s.size() ? hex_value(s[i + k]) : -1;
          if (h < 0) {
            if (bytes) return "(value error) invalid \\x escape at position " + std::to_string(i - 1);
            const char* what = c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape"
                                                                             : "truncated \\UXXXXXXXX escape";
            return "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                   std::to_string(i - 1) + "-" + std::to_string(i + k - 1) + ": " + what;
          }
          v = v * 16 + static_cast<std::uint32_t>(h);
        }
        i += digits;
        if (bytes) {
          out += static_cast<char>(v);
        } else if (v > 0x10FFFF) {
          return "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                 std::to_string(i - 9) + "-" + std::to_string(i) + ": illegal Unicode character";
        } else {
          append_utf8(out, v);
        }
        break;
      }
      case 'N':
        if (!bytes) return "(unicode error) \\N{...} escapes are not supported by corio";
        out += "\\N";
        break;
      default:
        out += '\\';
        out += c;
    }
  }
  return "";
}

// Raw text with newlines normalised to "\n".
void append_raw(std::string_view s, std::string& out) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
}

// Every part of a JoinedStr carries the location of the whole literal.
void relocate_parts(JoinedStr* j, const Loc& loc) {
  j->loc = loc;
  for (Expr* part : j->values) {
    part->loc = loc;
    if (part->kind == ExprKind::FormattedValue) {
      auto* fv = as<FormattedValue>(part);
      if (fv->format_spec != nullptr) relocate_parts(as<JoinedStr>(fv->format_spec), loc);
    }
  }
}

}  // namespace

// NUMBER: int (any base, '_' allowed), float, or imaginary.
Expr* Parser::number(const Token& t) {
  std::string text;
  for (char c : t.text) {
    if (c != '_') text += c;
  }
  auto* c = make<Constant>(Pos{t.lineno, t.col});
  const char last = static_cast<char>(text.back() | 0x20);
  const char second = text.size() > 1 ? static_cast<char>(text[1] | 0x20) : '\0';
  const bool prefixed = text[0] == '0' && (second == 'x' || second == 'o' || second == 'b');
  if (last == 'j') {
    c->value_kind = ConstantKind::Complex;
    c->float_value = std::strtod(text.substr(0, text.size() - 1).c_str(), nullptr);
  } else if (!prefixed && text.find_first_of(".eE") != std::string::npos) {
    c->value_kind = ConstantKind::Float;
    c->float_value = std::strtod(text.c_str(), nullptr);
  } else {
    c->value_kind = ConstantKind::Int;
    c->int_base = !prefixed ? 10 : second == 'x' ? 16 : second == 'o' ? 8 : 2;
    c->text = prefixed ? text.substr(2) : text;
    std::uint64_t v = 0;
    const auto base = static_cast<std::uint64_t>(c->int_base);
    for (char d : c->text) {
      const auto digit = static_cast<std::uint64_t>(hex_value(d));
      if (v > (static_cast<std::uint64_t>(INT64_MAX) - digit) / base) {
        c->int_fits = false;
        break;
      }
      v = v * base + digit;
    }
    c->int_value = c->int_fits ? static_cast<std::int64_t>(v) : 0;
  }
  return c;
}

// strings: STRING+  (implicit concatenation; any f-string makes a JoinedStr)
Expr* Parser::strings() {
  const Pos start = here();
  bool any_f = false;
  bool any_bytes = false;
  bool any_str = false;
  bool u_prefix = false;
  ExprList parts;
  std::string literal;
  for (bool first = true; at(Tok::String); first = false) {
    const Token& t = advance();
    bool raw = false, is_bytes = false, is_f = false;
    std::size_t p = 0;
    for (; t.text[p] != '\'' && t.text[p] != '"'; ++p) {
      const char c = static_cast<char>(t.text[p] | 0x20);
      raw |= c == 'r';
      is_bytes |= c == 'b';
      is_f |= c == 'f';
      if (first && c == 'u') u_prefix = true;
    }
    const std::size_t q = t.text.size() - p >= 6 && t.text[p + 1] == t.text[p] && t.text[p + 2] == t.text[p] ? 3 : 1;
    const std::string_view body = t.text.substr(p + q, t.text.size() - p - 2 * q);
    (is_bytes ? any_bytes : any_str) = true;
    if (any_bytes && any_str) {
      fail("SyntaxError", "cannot mix bytes and nonbytes literals", start.line, start.col, t.end_lineno, t.end_col);
    }
    if (is_bytes) {
      for (char c : body) {
        if (static_cast<unsigned char>(c) >= 0x80) fail_at(t, "bytes can only contain ASCII literal characters");
      }
    }
    if (is_f) {
      any_f = true;
      std::size_t i = 0;
      const auto body_abs = static_cast<std::size_t>(body.data() - lines_.source().data());
      fstring(t, body, raw, body_abs, parts, literal, start, 0, i, false);
    } else if (raw) {
      append_raw(body, literal);
    } else {
      const std::string err = decode_escapes(body, is_bytes, literal);
      if (!err.empty()) fail_at(t, err);
    }
  }
  if (!any_f) {
    auto* c = make<Constant>(start);
    c->value_kind = any_bytes ? ConstantKind::Bytes : ConstantKind::Str;
    c->text = std::move(literal);
    c->u_prefix = u_prefix;
    return c;
  }
  flush_literal(parts, literal, start);
  auto* j = make<JoinedStr>(start);
  j->values = std::move(parts);
  relocate_parts(j, j->loc);
  return j;
}

void Parser::flush_literal(ExprList& parts, std::string& literal, Pos start) {
  if (literal.empty()) return;
  auto* c = make<Constant>(start);
  c->value_kind = ConstantKind::Str;
  c->text = std::move(literal);
  literal.clear();
  parts.push_back(c);
}

// CPython reports f-string errors at the token after the literal.
void Parser::fail_fstring(const std::string& msg) const {
  const Token& t = cur();
  fail("SyntaxError", msg, t.lineno, t.col, t.lineno, t.col);
}

// The literal text and replacement fields of an f-string body from i; in a
// format spec it stops (without consuming) at the closing '}'.
void Parser::fstring(const Token& t, std::string_view body, bool raw, std::size_t body_offset,
                     ExprList& parts, std::string& literal, Pos start, int depth, std::size_t& i,
                     bool in_spec) {
  std::size_t segment = i;
  auto flush_segment = [&](std::size_t end) {
    const std::string_view text = body.substr(segment, end - segment);
    if (raw) {
      append_raw(text, literal);
    } else {
      const std::string err = decode_escapes(text, false, literal);
      if (!err.empty()) fail_at(t, err);
    }
  };
  while (i < body.size()) {
    const char ch = body[i];
    if (!raw && ch == '\\' && i + 1 < body.size()) {
      if (body[i + 1] == 'N' && i + 2 < body.size() && body[i + 2] == '{') {
        const std::size_t close = body.find('}', i);
        i = close == std::string_view::npos ? body.size() : close + 1;
      } else {
        i += body[i + 1] == '{' || body[i + 1] == '}' ? 1 : 2;
      }
      continue;
    }
    if (ch == '{') {
      flush_segment(i);
      if (!in_spec && i + 1 < body.size() && body[i + 1] == '{') {
        literal += '{';
        i += 2;
      } else {
        ++i;
        FormattedValue* fv = fstring_field(t, body, raw, body_offset, parts, literal, start, depth, i);
        flush_literal(parts, literal, start);
        parts.push_back(fv);
      }
      segment = i;
      continue;
    }
    if (ch == '}') {
      if (in_spec) break;
      flush_segment(i);
      if (i + 1 < body.size() && body[i + 1] == '}') {
        literal += '}';
        i += 2;
        segment = i;
        continue;
      }
      fail_fstring("f-string: single '}' is not allowed");
    }
    ++i;
  }
  flush_segment(i);
}

// One replacement field after its '{': expression ['='] ['!' conversion]
// [':' format_spec] '}'. Appends the debug text ("x=") to `literal`.
FormattedValue* Parser::fstring_field(const Token& t, std::string_view body, bool raw,
                                      std::size_t body_offset, ExprList& parts, std::string& literal,
                                      Pos start, int depth, std::size_t& i) {
  (void)parts;
  if (depth >= kMaxFStringNesting) fail_fstring("f-string: expressions nested too deeply");
  const std::size_t expr_start = i;
  char quote = 0;
  bool triple = false;
  int nesting = 0;
  for (; i < body.size(); ++i) {
    const char ch = body[i];
    if (ch == '\\') fail_fstring("f-string expression part cannot include a backslash");
    if (quote != 0) {
      if (ch == quote && (!triple || (i + 2 < body.size() && body[i + 1] == quote && body[i + 2] == quote))) {
        if (triple) i += 2;
        quote = 0;
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      triple = i + 2 < body.size() && body[i + 1] == ch && body[i + 2] == ch;
      if (triple) i += 2;
      quote = ch;
    } else if (ch == '[' || ch == '(' || ch == '{') {
      ++nesting;
    } else if (ch == '#') {
      fail_fstring("f-string expression part cannot include '#'");
    } else if (nesting == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '<' || ch == '>')) {
      if (i + 1 < body.size() && body[i + 1] == '=' && ch != ':' && ch != '}') {
        ++i;  // != == <= >=
        continue;
      }
      if (ch == '<' || ch == '>') continue;
      break;
    } else if (ch == ']' || ch == ')' || ch == '}') {
      --nesting;
    }
  }
  if (quote != 0) fail_fstring("f-string: unterminated string");
  if (i >= body.size()) fail_fstring("f-string: expecting '}'");
  const std::string_view expr_text = body.substr(expr_start, i - expr_start);
  if (expr_text.find_first_not_of(" \t\n\r\f") == std::string_view::npos) {
    fail_fstring("f-string: empty expression not allowed");
  }
  Expr* value = fstring_compile(t, body_offset + expr_start, body_offset + i);
  bool debug = false;
  if (body[i] == '=') {
    debug = true;
    ++i;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' || body[i] == '\f')) ++i;
    if (i >= body.size()) fail_fstring("f-string: expecting '}'");
    literal.append(body.substr(expr_start, i - expr_start));
  }
  int conversion = -1;
  if (body[i] == '!') {
    ++i;
    if (i >= body.size()) fail_fstring("f-string: expecting '}'");
    const char c = body[i++];
    if (c != 's' && c != 'r' && c != 'a') {
      fail_fstring("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    conversion = c;
  }
  if (i >= body.size()) fail_fstring("f-string: expecting '}'");
  Expr* spec = nullptr;
  if (body[i] == ':') {
    ++i;
    ExprList spec_parts;
    std::string spec_literal;
    fstring(t, body, raw, body_offset, spec_parts, spec_literal, start, depth + 1, i, true);
    flush_literal(spec_parts, spec_literal, start);
    auto* j = make<JoinedStr>(start);
    j->values = std::move(spec_parts);
    spec = j;
  }
  if (i >= body.size() || body[i] != '}') fail_fstring("f-string: expecting '}'");
  ++i;
  if (debug && conversion == -1 && spec == nullptr) conversion = 'r';
  auto* fv = make<FormattedValue>(start);
  fv->value = value;
  fv->conversion = conversion;
  fv->format_spec = spec;
  return fv;
}

// Lexes and parses the source bytes [abs_begin, abs_end) as an expression.
Expr* Parser::fstring_compile(const Token& t, std::size_t abs_begin, std::size_t abs_end) {
  const std::string_view src = lines_.source();
  const auto token_start = static_cast<std::size_t>(t.text.data() - src.data());
  int lineno = t.lineno;
  for (std::size_t k = token_start; k < abs_begin; ++k) {
    if (src[k] == '\n') ++lineno;
  }
  const LexResult sub = Lexer::tokenize_expression(lines_, abs_begin, abs_end, lineno);
  Parser parser(lines_, sub, arena_);
  try {
    return parser.fstring_expression();
  } catch (SyntaxError& error) {
    if (error.msg.rfind("f-string", 0) != 0) error.msg = "f-string: " + error.msg;
    throw;
  }
}

// fstring: star_expressions (the field's text, parsed on its own)
Expr* Parser::fstring_expression() {
  Expr* e = at(Tok::KwYield) ? yield_expr() : star_expressions();
  if (!at(Tok::EndMarker)) invalid_syntax();
  return e;
}

}  // namespace corio::py
