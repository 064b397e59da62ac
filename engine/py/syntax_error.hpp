// corio::py::SyntaxError: a compile-time error as data (kind, message,
// CPython-compatible position and the offending source line), plus
// SourceLines, which maps byte positions to lines so errors can carry text
// and character offsets exactly as CPython's SyntaxError attributes do.
#pragma once

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corio::py {

class SyntaxError : public std::exception {
 public:
  // "SyntaxError", "IndentationError" or "TabError" (CPython's class name).
  std::string kind = "SyntaxError";
  std::string msg;
  int lineno = 0;      // 1-based, as SyntaxError.lineno
  int offset = 0;      // 1-based character column, as SyntaxError.offset
  int end_lineno = 0;  // as SyntaxError.end_lineno
  int end_offset = 0;  // as SyntaxError.end_offset (CPython uses -1/0 in places)
  std::string text;    // the source line, without its line terminator

  SyntaxError(std::string kind_, std::string msg_, int lineno_, int offset_,
              int end_lineno_, int end_offset_, std::string text_)
      : kind(std::move(kind_)), msg(std::move(msg_)), lineno(lineno_), offset(offset_),
        end_lineno(end_lineno_), end_offset(end_offset_), text(std::move(text_)) {}

  const char* what() const noexcept override { return msg.c_str(); }

  // The last line CPython prints for it, e.g. "SyntaxError: expected ':'".
  std::string last_line() const { return kind + ": " + msg; }
};

// Line table of a source buffer: byte offset of each line start.
class SourceLines {
 public:
  explicit SourceLines(std::string_view source) : source_(source) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < source.size(); ++i) {
      const bool cr_alone = source[i] == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n');
      if (source[i] == '\n' || cr_alone) starts_.push_back(i + 1);
    }
  }

  std::string_view source() const { return source_; }
  int line_count() const { return static_cast<int>(starts_.size()); }

  // Text of a 1-based line without its terminator ("" when out of range).
  std::string_view line(int lineno) const {
    if (lineno < 1 || lineno > line_count()) return {};
    std::size_t begin = starts_[static_cast<std::size_t>(lineno - 1)];
    std::size_t end = begin;
    while (end < source_.size() && source_[end] != '\n' && source_[end] != '\r') ++end;
    return source_.substr(begin, end - begin);
  }

  // Byte offset of the start of a 1-based line.
  std::size_t line_start(int lineno) const {
    if (lineno < 1) return 0;
    if (lineno > line_count()) return source_.size();
    return starts_[static_cast<std::size_t>(lineno - 1)];
  }

  // CPython's 1-based character offset for a 0-based byte column: it counts
  // code points, so UTF-8 continuation bytes do not count.
  int char_offset(int lineno, int byte_col) const {
    std::string_view text = line(lineno);
    int chars = 0;
    for (int i = 0; i < byte_col; ++i) {
      const bool continuation = static_cast<std::size_t>(i) < text.size() &&
                                (static_cast<unsigned char>(text[static_cast<std::size_t>(i)]) & 0xC0) == 0x80;
      if (!continuation) ++chars;
    }
    return chars + 1;
  }

  // An error spanning byte columns [col, end_col) of the given lines.
  SyntaxError error(std::string kind, std::string msg, int lineno, int col, int end_lineno,
                    int end_col) const {
    return SyntaxError(std::move(kind), std::move(msg), lineno, char_offset(lineno, col),
                       end_lineno, char_offset(end_lineno, end_col), std::string(line(lineno)));
  }

  // An error whose offsets are given raw (CPython's tokenizer errors use
  // end offsets such as -1 or 0 that are not positions).
  SyntaxError raw_error(std::string kind, std::string msg, int lineno, int offset,
                        int end_lineno, int end_offset) const {
    return SyntaxError(std::move(kind), std::move(msg), lineno, offset, end_lineno, end_offset,
                       std::string(line(lineno)));
  }

 private:
  std::string_view source_;
  std::vector<std::size_t> starts_;
};

}  // namespace corio::py
