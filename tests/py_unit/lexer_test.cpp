// Lexer tests: token kinds, text and start positions (in UTF-8 bytes) as CPython 3.11's
// tokenize module reports them (COMMENT and NL tokens, which the parser never
// sees, are left out), plus the tokenizer errors.
#include <catch2/catch.hpp>

#include <string>

#include "py/lexer.hpp"

namespace {

using namespace corio::py;

// One "KIND 'text' line:col" row per token.
std::string tokens_of(const std::string& source) {
  SourceLines lines(source);
  LexResult result = Lexer::tokenize(lines);
  std::string out;
  for (const Token& t : result.tokens) {
    std::string kind(token_spelling(t.kind));
    if (t.kind > Tok::ErrorToken && t.kind < Tok::KwFalse) kind = "OP";
    if (is_keyword(t.kind)) kind = "NAME";
    const bool layout = t.kind == Tok::Newline || t.kind == Tok::Indent || t.kind == Tok::Dedent ||
                        t.kind == Tok::EndMarker;
    out += kind + (layout ? std::string() : " '" + std::string(t.text) + "'") + " " +
           std::to_string(t.lineno) + ":" + std::to_string(t.col) + "\n";
  }
  if (result.error) out += "error: " + result.error->msg + "\n";
  return out;
}

}  // namespace

TEST_CASE("lexer: blank and comment-only lines produce no NEWLINE", "[lexer]") {
  std::string tokens = tokens_of(R"py(x = 1

# c
   # c2
y
)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NAME 'x' 1:0
OP '=' 1:2
NUMBER '1' 1:4
NEWLINE 1:5
NAME 'y' 5:0
NEWLINE 5:1
)py");
  CHECK(dedents == 0);
}

TEST_CASE("lexer: indentation produces INDENT and DEDENT tokens", "[lexer]") {
  std::string tokens = tokens_of(R"py(if a:
    b
    if c:
        d
e
)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NAME 'if' 1:0
NAME 'a' 1:3
OP ':' 1:4
NEWLINE 1:5
INDENT 2:0
NAME 'b' 2:4
NEWLINE 2:5
NAME 'if' 3:4
NAME 'c' 3:7
OP ':' 3:8
NEWLINE 3:9
INDENT 4:0
NAME 'd' 4:8
NEWLINE 4:9
NAME 'e' 5:0
NEWLINE 5:1
)py");
  CHECK(dedents == 2);
}

TEST_CASE("lexer: brackets join lines implicitly", "[lexer]") {
  std::string tokens = tokens_of(R"py(x = (1,
     2)
)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NAME 'x' 1:0
OP '=' 1:2
OP '(' 1:4
NUMBER '1' 1:5
OP ',' 1:6
NUMBER '2' 2:5
OP ')' 2:6
NEWLINE 2:7
)py");
  CHECK(dedents == 0);
}

TEST_CASE("lexer: a backslash joins lines", "[lexer]") {
  std::string tokens = tokens_of(R"py(x = 1 + \
  2
)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NAME 'x' 1:0
OP '=' 1:2
NUMBER '1' 1:4
OP '+' 1:6
NUMBER '2' 2:2
NEWLINE 2:3
)py");
  CHECK(dedents == 0);
}

TEST_CASE("lexer: every operator is one token", "[lexer]") {
  std::string tokens = tokens_of(R"py(a **= b //= c >>= d <<= e -> f := g ... @ @= != == <= >= ** // << >> ~ ^ | & % +=)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NAME 'a' 1:0
OP '**=' 1:2
NAME 'b' 1:6
OP '//=' 1:8
NAME 'c' 1:12
OP '>>=' 1:14
NAME 'd' 1:18
OP '<<=' 1:20
NAME 'e' 1:24
OP '->' 1:26
NAME 'f' 1:29
OP ':=' 1:31
NAME 'g' 1:34
OP '...' 1:36
OP '@' 1:40
OP '@=' 1:42
OP '!=' 1:45
OP '==' 1:48
OP '<=' 1:51
OP '>=' 1:54
OP '**' 1:57
OP '//' 1:60
OP '<<' 1:63
OP '>>' 1:66
OP '~' 1:69
OP '^' 1:71
OP '|' 1:73
OP '&' 1:75
OP '%' 1:77
OP '+=' 1:79
NEWLINE 1:81
)py");
  CHECK(dedents == 0);
}

TEST_CASE("lexer: numbers in every form are single tokens", "[lexer]") {
  std::string tokens = tokens_of(R"py(0xff 0o17 0b1 1_000 1.5 .5 1e10 1E-3 2j 1.5J 0 00)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NUMBER '0xff' 1:0
NUMBER '0o17' 1:5
NUMBER '0b1' 1:10
NUMBER '1_000' 1:14
NUMBER '1.5' 1:20
NUMBER '.5' 1:24
NUMBER '1e10' 1:27
NUMBER '1E-3' 1:32
NUMBER '2j' 1:37
NUMBER '1.5J' 1:40
NUMBER '0' 1:45
NUMBER '00' 1:47
NEWLINE 1:49
)py");
  CHECK(dedents == 0);
}

TEST_CASE("lexer: strings with every prefix are single tokens", "[lexer]") {
  std::string tokens = tokens_of(R"py(r'a' b"b" Rb'c' bR'd' f'{x}' rf'e' FR'g' u'h' '''t
q''' """u""")py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(STRING 'r'a'' 1:0
STRING 'b"b"' 1:5
STRING 'Rb'c'' 1:10
STRING 'bR'd'' 1:16
STRING 'f'{x}'' 1:22
STRING 'rf'e'' 1:29
STRING 'FR'g'' 1:35
STRING 'u'h'' 1:41
STRING ''''t
q'''' 1:46
STRING '"""u"""' 2:5
NEWLINE 2:12
)py");
  CHECK(dedents == 0);
}

TEST_CASE("lexer: keywords and soft keywords", "[lexer]") {
  std::string tokens = tokens_of(R"py(match case _ async await None True False lambda)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NAME 'match' 1:0
NAME 'case' 1:6
NAME '_' 1:11
NAME 'async' 1:13
NAME 'await' 1:19
NAME 'None' 1:25
NAME 'True' 1:30
NAME 'False' 1:35
NAME 'lambda' 1:41
NEWLINE 1:47
)py");
  CHECK(dedents == 0);
}

TEST_CASE("lexer: unicode identifiers", "[lexer]") {
  std::string tokens = tokens_of(R"py(café = naïve
)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NAME 'café' 1:0
OP '=' 1:6
NAME 'naïve' 1:8
NEWLINE 1:14
)py");
  CHECK(dedents == 0);
}

TEST_CASE("lexer: a missing final newline still ends the line", "[lexer]") {
  std::string tokens = tokens_of(R"py(x = 1)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NAME 'x' 1:0
OP '=' 1:2
NUMBER '1' 1:4
NEWLINE 1:5
)py");
  CHECK(dedents == 0);
}

TEST_CASE("lexer: tabs and spaces mix when consistent", "[lexer]") {
  std::string tokens = tokens_of(R"py(if x:
	if y:
	    z
	w
)py");
  // DEDENT and ENDMARKER positions differ between tokenize.py and the C
  // tokenizer; they are compared by count only.
  std::string kept;
  int dedents = 0;
  for (std::size_t start = 0; start < tokens.size();) {
    const std::size_t end = tokens.find('\n', start) + 1;
    const std::string row = tokens.substr(start, end - start);
    if (row.rfind("DEDENT", 0) == 0) {
      ++dedents;
    } else if (row.rfind("ENDMARKER", 0) != 0) {
      kept += row;
    }
    start = end;
  }
  CHECK(kept == R"py(NAME 'if' 1:0
NAME 'x' 1:3
OP ':' 1:4
NEWLINE 1:5
INDENT 2:0
NAME 'if' 2:1
NAME 'y' 2:4
OP ':' 2:5
NEWLINE 2:6
INDENT 3:0
NAME 'z' 3:5
NEWLINE 3:6
NAME 'w' 4:1
NEWLINE 4:2
)py");
  CHECK(dedents == 2);
}

// The C tokenizer's own facts, checked with python3 -c "compile(SRC, 'f', 'exec')".

TEST_CASE("lexer: the NEWLINE token is zero-width at the end of the line", "[lexer]") {
  // CPython: `if x\n` -> "expected ':'" at offset 5, end_offset 5.
  SourceLines lines("if x\n");
  LexResult r = Lexer::tokenize(lines);
  REQUIRE(r.tokens.size() >= 3);
  CHECK(r.tokens[2].kind == Tok::Newline);
  CHECK(r.tokens[2].col == 4);
  CHECK(r.tokens[2].end_col == 4);
}

TEST_CASE("lexer: a token records how many brackets are open after it", "[lexer]") {
  SourceLines lines("f(a, [b])\n");
  LexResult r = Lexer::tokenize(lines);
  REQUIRE(r.tokens.size() >= 8);
  CHECK(r.tokens[0].bracket_depth == 0);  // f
  CHECK(r.tokens[1].bracket_depth == 1);  // (
  CHECK(r.tokens[4].bracket_depth == 2);  // [
  CHECK(r.tokens[6].bracket_depth == 1);  // ]
  CHECK(r.tokens[7].bracket_depth == 0);  // )
}

TEST_CASE("lexer: an unterminated string ends the stream with its error", "[lexer]") {
  SourceLines lines("x = 'abc\n");
  LexResult r = Lexer::tokenize(lines);
  REQUIRE(r.error.has_value());
  CHECK(r.tokens.back().kind == Tok::ErrorToken);
  CHECK(r.error->msg == "unterminated string literal (detected at line 1)");
  CHECK(r.error->offset == 5);
  CHECK(r.error_overrides_parser);
}

TEST_CASE("lexer: an indentation error waits for the parser to reach it", "[lexer]") {
  SourceLines lines("if x:\n    a\n  b\n");
  LexResult r = Lexer::tokenize(lines);
  REQUIRE(r.error.has_value());
  CHECK(r.error->kind == "IndentationError");
  CHECK_FALSE(r.error_overrides_parser);
}

TEST_CASE("lexer: more than 100 indentation levels are an IndentationError", "[lexer]") {
  // CPython 3.11: "too many levels of indentation" (MAXINDENT = 100).
  std::string source;
  for (int i = 0; i < kMaxIndentLevels + 1; ++i) source += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
  source += std::string(kMaxIndentLevels + 1, ' ') + "pass\n";
  SourceLines lines(source);
  LexResult r = Lexer::tokenize(lines);
  REQUIRE(r.error.has_value());
  CHECK(r.error->msg == "too many levels of indentation");
}

TEST_CASE("lexer: more than 200 nested brackets are a SyntaxError", "[lexer]") {
  // CPython 3.11: "too many nested parentheses" (MAXLEVEL = 200).
  const std::string source = std::string(kMaxBracketDepth + 1, '(') + "\n";
  SourceLines lines(source);  // SourceLines views the text: keep it alive
  LexResult r = Lexer::tokenize(lines);
  REQUIRE(r.error.has_value());
  CHECK(r.error->msg == "too many nested parentheses");
}

TEST_CASE("lexer: a non-identifier character is named in the error", "[lexer]") {
  // CPython: "invalid character '€' (U+20AC)"
  SourceLines lines("x = \xe2\x82\xac\n");
  LexResult r = Lexer::tokenize(lines);
  REQUIRE(r.error.has_value());
  CHECK(r.error->msg == "invalid character '\xe2\x82\xac' (U+20AC)");
}
