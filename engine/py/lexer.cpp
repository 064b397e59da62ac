// corio::py::Lexer implementation: a single forward scan that mirrors
// CPython 3.11's Parser/tokenizer.c (indentation stack with the tab
// consistency check, bracket stack, number and string scanning, and the
// same error messages and positions).
#include "py/lexer.hpp"

#include <array>
#include <cstdio>
#include <string>
#include <utility>

namespace corio::py {

std::string_view token_spelling(Tok kind) {
  static constexpr std::string_view kSpellings[] = {
#define CORIO_PY_TOKEN_SPELLING(name, spelling) spelling,
      CORIO_PY_TOKENS(CORIO_PY_TOKEN_SPELLING)
#undef CORIO_PY_TOKEN_SPELLING
  };
  return kSpellings[static_cast<std::size_t>(kind)];
}

namespace {

struct Keyword {
  std::string_view text;
  Tok kind;
};

constexpr std::array<Keyword, 35> kKeywords = {{
    {"False", Tok::KwFalse},       {"None", Tok::KwNone},         {"True", Tok::KwTrue},
    {"and", Tok::KwAnd},           {"as", Tok::KwAs},             {"assert", Tok::KwAssert},
    {"async", Tok::KwAsync},       {"await", Tok::KwAwait},       {"break", Tok::KwBreak},
    {"class", Tok::KwClass},       {"continue", Tok::KwContinue}, {"def", Tok::KwDef},
    {"del", Tok::KwDel},           {"elif", Tok::KwElif},         {"else", Tok::KwElse},
    {"except", Tok::KwExcept},     {"finally", Tok::KwFinally},   {"for", Tok::KwFor},
    {"from", Tok::KwFrom},         {"global", Tok::KwGlobal},     {"if", Tok::KwIf},
    {"import", Tok::KwImport},     {"in", Tok::KwIn},             {"is", Tok::KwIs},
    {"lambda", Tok::KwLambda},     {"nonlocal", Tok::KwNonlocal}, {"not", Tok::KwNot},
    {"or", Tok::KwOr},             {"pass", Tok::KwPass},         {"raise", Tok::KwRaise},
    {"return", Tok::KwReturn},     {"try", Tok::KwTry},           {"while", Tok::KwWhile},
    {"with", Tok::KwWith},         {"yield", Tok::KwYield},
}};

Tok classify_name(std::string_view text) {
  for (const Keyword& k : kKeywords) {
    if (k.text == text) return k.kind;
  }
  return Tok::Name;
}

struct Operator {
  std::string_view text;
  Tok kind;
};

// Longest first, so the first match is the longest.
constexpr std::array<Operator, 48> kOperators = {{
    {"**=", Tok::DoubleStarEqual}, {"//=", Tok::DoubleSlashEqual}, {">>=", Tok::RightShiftEqual},
    {"<<=", Tok::LeftShiftEqual},  {"...", Tok::Ellipsis},         {"!=", Tok::NotEqual},
    {"%=", Tok::PercentEqual},     {"&=", Tok::AmperEqual},        {"**", Tok::DoubleStar},
    {"*=", Tok::StarEqual},        {"+=", Tok::PlusEqual},         {"-=", Tok::MinEqual},
    {"->", Tok::RArrow},           {"//", Tok::DoubleSlash},       {"/=", Tok::SlashEqual},
    {":=", Tok::ColonEqual},       {"<<", Tok::LeftShift},         {"<=", Tok::LessEqual},
    {"==", Tok::EqEqual},          {">=", Tok::GreaterEqual},      {">>", Tok::RightShift},
    {"@=", Tok::AtEqual},          {"^=", Tok::CircumflexEqual},   {"|=", Tok::VBarEqual},
    {"(", Tok::LPar},              {")", Tok::RPar},               {"[", Tok::LSqb},
    {"]", Tok::RSqb},              {"{", Tok::LBrace},             {"}", Tok::RBrace},
    {":", Tok::Colon},             {",", Tok::Comma},              {";", Tok::Semi},
    {"+", Tok::Plus},              {"-", Tok::Minus},              {"*", Tok::Star},
    {"/", Tok::Slash},             {"|", Tok::VBar},               {"&", Tok::Amper},
    {"<", Tok::Less},              {">", Tok::Greater},            {"=", Tok::Equal},
    {".", Tok::Dot},               {"%", Tok::Percent},            {"~", Tok::Tilde},
    {"^", Tok::Circumflex},        {"@", Tok::At},                 {"", Tok::ErrorToken},
}};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) {
  return is_ascii_letter(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

bool is_digit_in_base(char c, int base) {
  switch (base) {
    case 2: return c == '0' || c == '1';
    case 8: return c >= '0' && c <= '7';
    case 16: return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    default: return is_digit(c);
  }
}

// String prefixes CPython accepts (compared case-insensitively).
bool is_string_prefix(std::string_view ident) {
  if (ident.size() > 2) return false;
  std::string lower;
  for (char c : ident) lower += static_cast<char>(c | 0x20);
  return lower == "r" || lower == "u" || lower == "b" || lower == "f" || lower == "br" ||
         lower == "rb" || lower == "fr" || lower == "rf";
}

// Decodes one UTF-8 sequence at s[i]; returns the code point and sets len.
char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : 0;
  char32_t cp = extra == 3 ? (b0 & 0x07u) : extra == 2 ? (b0 & 0x0Fu) : extra == 1 ? (b0 & 0x1Fu) : b0;
  len = 1;
  for (int k = 0; k < extra && i + len < s.size(); ++k, ++len) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + len]) & 0x3Fu);
  }
  return cp;
}

// Non-ASCII code points that cannot appear in identifiers. CPython checks
// XID_Start/XID_Continue; this covers the symbol and punctuation blocks
// people actually paste (currency, arrows, math, quotes, CJK punctuation).
bool is_non_identifier_code_point(char32_t cp) {
  if (cp >= 0x80 && cp < 0xC0) {
    return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  }
  return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp >= 0x1F000;
}

// Thrown inside the scanner to unwind to run() once the error is recorded.
struct StopScan {};

class Scanner {
 public:
  Scanner(const SourceLines& lines, std::size_t begin, std::size_t end, int lineno,
          bool expression_mode)
      : lines_(lines), src_(lines.source()), pos_(begin), end_(end), line_(lineno),
        line_start_(lines.line_start(lineno)), expr_mode_(expression_mode),
        at_line_start_(!expression_mode) {}

  LexResult run() {
    try {
      while (step()) {
      }
    } catch (const StopScan&) {
      push(Tok::ErrorToken, pos_, pos_);
    }
    return std::move(out_);
  }

 private:
  const SourceLines& lines_;
  std::string_view src_;
  std::size_t pos_;
  std::size_t end_;
  int line_;
  std::size_t line_start_;
  bool expr_mode_;
  bool at_line_start_;
  bool line_has_tokens_ = false;  // the logical line has a token: EOF needs a NEWLINE
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};  // same, counting a tab as one column
  std::vector<Token> brackets_;
  LexResult out_;

  char peek(std::size_t k = 0) const { return pos_ + k < end_ ? src_[pos_ + k] : '\0'; }
  bool at_end(std::size_t k = 0) const { return pos_ + k >= end_; }
  int col_of(std::size_t p) const { return static_cast<int>(p - line_start_); }
  bool newline_at(std::size_t p) const {
    return p < end_ && (src_[p] == '\n' || src_[p] == '\r');
  }

  // Consumes the line terminator at pos_ and starts a new physical line.
  void consume_newline() {
    if (src_[pos_] == '\r' && pos_ + 1 < end_ && src_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  void push(Tok kind, std::size_t begin, std::size_t endp, int lineno, int col) {
    Token t;
    t.kind = kind;
    t.text = src_.substr(begin, endp - begin);
    t.lineno = lineno;
    t.col = col;
    t.end_lineno = line_;
    t.end_col = col_of(endp);
    t.bracket_depth = static_cast<int>(brackets_.size()) + (expr_mode_ ? 1 : 0);
    out_.tokens.push_back(t);
  }
  void push(Tok kind, std::size_t begin, std::size_t endp) {
    push(kind, begin, endp, line_, col_of(begin));
  }

  [[noreturn]] void fail(SyntaxError error, bool overrides) {
    out_.error = std::move(error);
    out_.error_overrides_parser = overrides;
    throw StopScan{};
  }
  // Error at byte columns [col, end_col) of the current line.
  [[noreturn]] void fail_at(const char* msg, int col, int end_col, bool overrides = true) {
    fail(lines_.error("SyntaxError", msg, line_, col, line_, end_col), overrides);
  }
  // CPython reports number errors at the offending character's 0-based
  // column, since it has already consumed that character.
  [[noreturn]] void fail_number(const std::string& msg, std::size_t bad) {
    int offset = lines_.char_offset(line_, col_of(bad)) - 1;
    fail(lines_.raw_error("SyntaxError", msg, line_, offset, line_, offset), true);
  }

  bool step();
  void indentation();
  void dedent_to(int col, int alt);
  void finish();
  void scan_name();
  void scan_number();
  int scan_digits(int base);
  void verify_end_of_number(std::size_t start, const char* kind);
  void scan_string(std::size_t start, int lineno, int col);
  void scan_operator();
  void open_bracket(std::size_t start);
  void close_bracket(std::size_t start);
  void line_continuation();
  void stray_character();
};

// Scans one token (or a line's indentation); false at the end of input.
bool Scanner::step() {
  if (at_line_start_ && brackets_.empty()) {
    indentation();
    if (at_line_start_) {  // a blank line was consumed
      if (!at_end()) return true;
      finish();
      return false;
    }
  }
  while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\f')) ++pos_;
  if (peek() == '#') {
    while (!at_end() && !newline_at(pos_)) ++pos_;
  }
  if (at_end()) {
    finish();
    return false;
  }
  const char c = peek();
  if (c == '\n' || c == '\r') {
    if (!brackets_.empty() || expr_mode_) {
      consume_newline();
      return true;
    }
    const std::size_t start = pos_;
    const int col = col_of(start);
    const int lineno = line_;
    consume_newline();
    Token t;
    t.kind = Tok::Newline;
    t.text = src_.substr(start, pos_ - start);
    t.lineno = t.end_lineno = lineno;
    t.col = t.end_col = col;  // the C tokenizer leaves the newline out
    out_.tokens.push_back(t);
    at_line_start_ = true;
    line_has_tokens_ = false;
    return true;
  }
  line_has_tokens_ = true;
  if (c == '\\') {
    line_continuation();
  } else if (is_ident_start(c)) {
    scan_name();
  } else if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
    scan_number();
  } else if (c == '"' || c == '\'') {
    scan_string(pos_, line_, col_of(pos_));
  } else {
    scan_operator();
  }
  return true;
}

// Measures the indentation of a new line and emits INDENT/DEDENT tokens;
// blank and comment-only lines are consumed whole and leave at_line_start_.
void Scanner::indentation() {
  int col = 0;
  int alt = 0;
  for (;; ++pos_) {
    const char c = peek();
    if (c == ' ') {
      ++col, ++alt;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++alt;
    } else if (c == '\f') {
      col = alt = 0;
    } else {
      break;
    }
  }
  if (peek() == '#' || newline_at(pos_) || at_end()) {
    while (!at_end() && !newline_at(pos_)) ++pos_;
    if (!at_end()) consume_newline();
    return;
  }
  at_line_start_ = false;
  const int width = col_of(pos_);
  if (col == indents_.back()) {
    if (alt != alt_indents_.back()) {
      fail(lines_.raw_error("TabError", "inconsistent use of tabs and spaces in indentation",
                            line_, 1, line_, 0), false);
    }
  } else if (col > indents_.back()) {
    if (static_cast<int>(indents_.size()) >= kMaxIndentLevels) {
      fail(lines_.raw_error("IndentationError", "too many levels of indentation", line_,
                            width + 1, line_, -1), false);
    }
    if (alt <= alt_indents_.back()) {
      fail(lines_.raw_error("TabError", "inconsistent use of tabs and spaces in indentation",
                            line_, 1, line_, 0), false);
    }
    indents_.push_back(col);
    alt_indents_.push_back(alt);
    push(Tok::Indent, line_start_, pos_, line_, 0);
  } else {
    dedent_to(col, alt);
  }
}

void Scanner::dedent_to(int col, int alt) {
  std::size_t keep = indents_.size();
  while (keep > 1 && col < indents_[keep - 1]) --keep;
  if (col != indents_[keep - 1]) {
    // CPython points past the end of the line, newline included.
    const int offset = static_cast<int>(lines_.line(line_).size()) + 1;
    fail(lines_.raw_error("IndentationError",
                          "unindent does not match any outer indentation level", line_, offset,
                          line_, -1), false);
  }
  if (alt != alt_indents_[keep - 1]) {
    fail(lines_.raw_error("TabError", "inconsistent use of tabs and spaces in indentation",
                          line_, 1, line_, 0), false);
  }
  while (indents_.size() > keep) {
    indents_.pop_back();
    alt_indents_.pop_back();
    push(Tok::Dedent, pos_, pos_);
  }
}

// End of input: close the logical line, the blocks, then ENDMARKER.
void Scanner::finish() {
  if (!brackets_.empty() && !expr_mode_) {
    const Token& open = brackets_.back();
    out_.unclosed_bracket = open;
    std::string msg = "'" + std::string(open.text) + "' was never closed";
    fail(lines_.raw_error("SyntaxError", msg, open.lineno,
                          lines_.char_offset(open.lineno, open.col), open.lineno, 0), false);
  }
  if (line_has_tokens_ && !expr_mode_) {
    // CPython appends the missing final newline: NEWLINE spans one column.
    push(Tok::Newline, pos_, pos_, line_, col_of(pos_));
    line_has_tokens_ = false;
  }
  // CPython places the end of input on the last line read, after its text.
  int eof_line = line_;
  if (line_start_ == pos_ && line_ > 1 && !expr_mode_) --eof_line;
  const int eof_col = eof_line == line_ ? col_of(pos_) : static_cast<int>(lines_.line(eof_line).size());
  auto push_eof = [&](Tok kind) {
    push(kind, pos_, pos_, eof_line, eof_col);
    out_.tokens.back().end_lineno = eof_line;
    out_.tokens.back().end_col = eof_col;
  };
  while (indents_.size() > 1) {
    indents_.pop_back();
    push_eof(Tok::Dedent);
  }
  push_eof(Tok::EndMarker);
}

void Scanner::scan_name() {
  const std::size_t start = pos_;
  while (!at_end() && is_ident_char(peek())) {
    if (static_cast<unsigned char>(peek()) >= 0x80) {
      std::size_t len = 0;
      const char32_t cp = decode_utf8(src_, pos_, len);
      if (is_non_identifier_code_point(cp)) {
        if (pos_ == start) stray_character();
        break;
      }
      pos_ += len;
    } else {
      ++pos_;
    }
  }
  std::string_view text = src_.substr(start, pos_ - start);
  if ((peek() == '"' || peek() == '\'') && is_string_prefix(text)) {
    scan_string(start, line_, col_of(start));
    return;
  }
  push(classify_name(text), start, pos_);
}

// Digits of `base` with single underscores between them; returns how many
// digits were read. An underscore not followed by a digit is an error.
int Scanner::scan_digits(int base) {
  int count = 0;
  while (!at_end()) {
    if (is_digit_in_base(peek(), base)) {
      ++pos_;
      ++count;
    } else if (peek() == '_' && count > 0) {
      ++pos_;
      if (!is_digit_in_base(peek(), base)) {
        fail_number(base == 16 ? "invalid hexadecimal literal"
                    : base == 8 ? "invalid octal literal"
                    : base == 2 ? "invalid binary literal"
                                : "invalid decimal literal",
                    pos_);
      }
    } else {
      break;
    }
  }
  return count;
}

// A number may be directly followed by a few keywords (`1if x else 2`), but
// not by any other name character.
void Scanner::verify_end_of_number(std::size_t start, const char* kind) {
  (void)start;
  const char c = peek();
  if (!is_ident_start(c)) return;
  static constexpr std::array<std::string_view, 8> kAllowed = {"and", "else", "for", "if",
                                                               "in", "is", "not", "or"};
  const std::string_view rest = src_.substr(pos_, end_ - pos_);
  for (std::string_view kw : kAllowed) {
    if (rest.substr(0, kw.size()) == kw) return;
  }
  fail_number(std::string("invalid ") + kind + " literal", pos_);
}

void Scanner::scan_number() {
  const std::size_t start = pos_;
  const char c1 = static_cast<char>(peek(1) | 0x20);
  if (peek() == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
    const int base = c1 == 'x' ? 16 : c1 == 'o' ? 8 : 2;
    const char* kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
    pos_ += 2;
    if (peek() == '_') ++pos_;
    if (!is_digit_in_base(peek(), base)) {
      if (is_digit(peek())) {
        fail_number(std::string("invalid digit '") + peek() + "' in " + kind + " literal", pos_ + 1);
      }
      fail_number(std::string("invalid ") + kind + " literal", pos_);
    }
    scan_digits(base);
    if (is_digit(peek())) {
      fail_number(std::string("invalid digit '") + peek() + "' in " + kind + " literal", pos_ + 1);
    }
    verify_end_of_number(start, kind);
    push(Tok::Number, start, pos_);
    return;
  }
  bool is_float = false;
  if (peek() != '.') scan_digits(10);
  if (peek() == '.') {
    is_float = true;
    ++pos_;
    if (is_digit(peek())) scan_digits(10);
  }
  if (peek() == 'e' || peek() == 'E') {
    const std::size_t e = pos_;
    ++pos_;
    if (peek() == '+' || peek() == '-') ++pos_;
    if (!is_digit(peek())) {
      pos_ = e;  // CPython backs up: "1e" is the number 1 followed by a name
      verify_end_of_number(start, "decimal");
    }
    scan_digits(10);
    is_float = true;
  }
  if (peek() == 'j' || peek() == 'J') {
    ++pos_;
    verify_end_of_number(start, "imaginary");
  } else {
    if (!is_float && src_[start] == '0') {
      // "0", "00" are fine; "012" is not (no implicit octal in Python 3).
      for (std::size_t p = start; p < pos_; ++p) {
        if (src_[p] != '0' && src_[p] != '_') {
          fail(lines_.raw_error("SyntaxError",
                                "leading zeros in decimal integer literals are not permitted; "
                                "use an 0o prefix for octal integers",
                                line_, lines_.char_offset(line_, col_of(start)), line_,
                                lines_.char_offset(line_, col_of(p))), true);
        }
      }
    }
    verify_end_of_number(start, "decimal");
  }
  push(Tok::Number, start, pos_);
}

// A string literal from `start` (its prefix) to the closing quote; escapes
// are decoded later by the parser, which needs the raw text for f-strings.
void Scanner::scan_string(std::size_t start, int lineno, int col) {
  const char quote = peek();
  const bool triple = peek(1) == quote && peek(2) == quote;
  pos_ += triple ? 3 : 1;
  for (;;) {
    if (at_end()) {
      if (triple) {
        const bool trailing_newline = end_ > 0 && (src_[end_ - 1] == '\n' || src_[end_ - 1] == '\r');
        const int detected = trailing_newline && line_start_ == end_ ? line_ - 1 : line_;
        const std::string msg = "unterminated triple-quoted string literal (detected at line " +
                                std::to_string(detected) + ")";
        const int offset = lines_.char_offset(lineno, col);
        fail(lines_.raw_error("SyntaxError", msg, lineno, offset, lineno, offset), true);
      }
      break;
    }
    const char c = peek();
    if (c == '\\') {
      ++pos_;
      if (newline_at(pos_)) {
        consume_newline();
      } else if (!at_end()) {
        ++pos_;
      }
    } else if (c == '\n' || c == '\r') {
      if (!triple) break;
      consume_newline();
    } else if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
      pos_ += triple ? 3 : 1;
      push(Tok::String, start, pos_, lineno, col);
      return;
    } else {
      ++pos_;
    }
  }
  const std::string msg =
      "unterminated string literal (detected at line " + std::to_string(line_) + ")";
  const int offset = lines_.char_offset(lineno, col);
  fail(lines_.raw_error("SyntaxError", msg, lineno, offset, lineno, offset), true);
}

void Scanner::scan_operator() {
  const std::size_t start = pos_;
  const std::string_view rest = src_.substr(pos_, end_ - pos_);
  for (const Operator& op : kOperators) {
    if (op.text.empty()) break;
    if (rest.substr(0, op.text.size()) != op.text) continue;
    pos_ += op.text.size();
    if (op.kind == Tok::LPar || op.kind == Tok::LSqb || op.kind == Tok::LBrace) {
      open_bracket(start);
    } else if (op.kind == Tok::RPar || op.kind == Tok::RSqb || op.kind == Tok::RBrace) {
      close_bracket(start);
    } else {
      push(op.kind, start, pos_);
    }
    return;
  }
  stray_character();
}

void Scanner::open_bracket(std::size_t start) {
  if (static_cast<int>(brackets_.size()) >= kMaxBracketDepth) {
    fail_at("too many nested parentheses", col_of(start), col_of(start));
  }
  const Tok kind = src_[start] == '(' ? Tok::LPar : src_[start] == '[' ? Tok::LSqb : Tok::LBrace;
  push(kind, start, pos_);
  brackets_.push_back(out_.tokens.back());
  out_.tokens.back().bracket_depth += 1;
}

void Scanner::close_bracket(std::size_t start) {
  const char close = src_[start];
  const int col = col_of(start);
  if (brackets_.empty()) {
    fail_at((std::string("unmatched '") + close + "'").c_str(), col, col);
  }
  const Token open = brackets_.back();
  const char expected = open.text[0] == '(' ? ')' : open.text[0] == '[' ? ']' : '}';
  if (close != expected) {
    std::string msg = std::string("closing parenthesis '") + close +
                      "' does not match opening parenthesis '" + open.text[0] + "'";
    if (open.lineno != line_) msg += " on line " + std::to_string(open.lineno);
    fail_at(msg.c_str(), col, col);
  }
  brackets_.pop_back();
  const Tok kind = close == ')' ? Tok::RPar : close == ']' ? Tok::RSqb : Tok::RBrace;
  push(kind, start, pos_);
}

// A backslash joins the next physical line; anything else after it is an
// error (reported when the parser reaches it, as CPython does).
void Scanner::line_continuation() {
  const std::size_t start = pos_;
  ++pos_;
  if (newline_at(pos_)) {
    consume_newline();
    if (at_end()) {
      fail(lines_.raw_error("SyntaxError", "unexpected EOF while parsing", line_ - 1,
                            col_of(start) + 2, line_ - 1, -1), false);
    }
    line_has_tokens_ = true;
    return;
  }
  if (at_end()) {
    fail(lines_.raw_error("SyntaxError", "unexpected EOF while parsing", line_,
                          lines_.char_offset(line_, col_of(start)) + 1, line_, -1), false);
  }
  fail(lines_.raw_error("SyntaxError", "unexpected character after line continuation character",
                        line_, lines_.char_offset(line_, col_of(start)) + 1, line_, 0), false);
}

// A character that starts no token: CPython names non-ASCII and
// non-printable ones, and calls the rest (`$`, `?`, `!`) invalid syntax.
void Scanner::stray_character() {
  const std::size_t start = pos_;
  const int col = col_of(start);
  const auto byte = static_cast<unsigned char>(peek());
  char buf[64];
  if (byte >= 0x80) {
    std::size_t len = 0;
    const char32_t cp = decode_utf8(src_, pos_, len);
    std::snprintf(buf, sizeof buf, "(U+%04X)", static_cast<unsigned>(cp));
    const std::string msg = "invalid character '" + std::string(src_.substr(pos_, len)) + "' " + buf;
    fail_at(msg.c_str(), col, col);
  }
  if (byte < 0x20 || byte == 0x7F) {
    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(byte));
    fail_at(buf, col, col);
  }
  fail(lines_.error("SyntaxError", "invalid syntax", line_, col, line_, col + 1), false);
}

}  // namespace

LexResult Lexer::tokenize(const SourceLines& lines) {
  Scanner scanner(lines, 0, lines.source().size(), 1, false);
  return scanner.run();
}

LexResult Lexer::tokenize_expression(const SourceLines& lines, std::size_t begin,
                                     std::size_t end, int lineno) {
  Scanner scanner(lines, begin, end, lineno, true);
  return scanner.run();
}

}  // namespace corio::py
