// corio::py AST dump: prints a tree exactly as CPython 3.11's
// `ast.dump(tree)` does (fields in declaration order, optional fields that
// are None left out, constants as Python's repr), so tests can compare the
// parser against CPython's output pasted verbatim.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "py/ast.hpp"
#include "py/bigint.hpp"
#include "py/float_format.hpp"

namespace corio::py::ast {

const char* name_of(ExprContext ctx) {
  switch (ctx) {
    case ExprContext::Load: return "Load";
    case ExprContext::Store: return "Store";
    case ExprContext::Del: return "Del";
  }
  return "?";
}

const char* name_of(BoolOpKind op) { return op == BoolOpKind::And ? "And" : "Or"; }

const char* name_of(BinOpKind op) {
  static constexpr const char* kNames[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",
                                           "Mod",    "Pow",    "LShift", "RShift", "BitOr",
                                           "BitXor", "BitAnd", "FloorDiv"};
  return kNames[static_cast<int>(op)];
}

const char* name_of(UnaryOpKind op) {
  static constexpr const char* kNames[] = {"Invert", "Not", "UAdd", "USub"};
  return kNames[static_cast<int>(op)];
}

const char* name_of(CmpOpKind op) {
  static constexpr const char* kNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                           "GtE", "Is", "IsNot", "In", "NotIn"};
  return kNames[static_cast<int>(op)];
}

namespace {

// ------------------------------------------------------ constant reprs

// repr of a float constant; `complex_part` leaves out the ".0" as repr(1j)
// does.
std::string constant_float_repr(double x, bool complex_part) {
  std::string text = float_repr(x);
  if (complex_part && text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
    text.resize(text.size() - 2);
  return text;
}

// Decimal text of a non-negative integer given as digits in `base`.
std::string to_decimal(const std::string& digits, int base) {
  return BigInt::from_string(digits, base, 0).to_string(10, 0);
}

char32_t next_code_point(const std::string& s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : 0;
  char32_t cp = extra == 3 ? (b0 & 0x07u) : extra == 2 ? (b0 & 0x0Fu) : extra == 1 ? (b0 & 0x1Fu) : b0;
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3Fu);
  }
  return cp;
}

// Python's repr(str) for printable-range text (non-printable code points in
// the Latin-1 and surrogate ranges are escaped as Python escapes them).
std::string str_repr(const std::string& s) {
  const bool has_single = s.find('\'') != std::string::npos;
  const bool has_double = s.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  char buf[16];
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(s, i);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x2028 || cp == 0x2029) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(s, start, i - start);
    }
  }
  return out + quote;
}

std::string bytes_repr(const std::string& s) {
  const bool has_single = s.find('\'') != std::string::npos;
  const bool has_double = s.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  char buf[8];
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c >= 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + quote;
}

std::string constant_repr(const Constant& c) {
  switch (c.value_kind) {
    case ConstantKind::None: return "None";
    case ConstantKind::True: return "True";
    case ConstantKind::False: return "False";
    case ConstantKind::Ellipsis: return "Ellipsis";
    case ConstantKind::Int: return c.int_fits ? std::to_string(c.int_value) : to_decimal(c.text, c.int_base);
    case ConstantKind::Float: return constant_float_repr(c.float_value, false);
    case ConstantKind::Complex: return constant_float_repr(c.float_value, true) + "j";
    case ConstantKind::Str: return str_repr(c.text);
    case ConstantKind::Bytes: return bytes_repr(c.text);
  }
  return "?";
}

// ------------------------------------------------------------- dumper

// One `Name(field=value, ...)` being written; the destructor closes it.
class NodeWriter {
 public:
  NodeWriter(std::string& out, const char* name) : out_(out) {
    out_ += name;
    out_ += '(';
  }
  ~NodeWriter() { out_ += ')'; }
  NodeWriter(const NodeWriter&) = delete;
  NodeWriter& operator=(const NodeWriter&) = delete;

  void key(const char* name) {
    if (!first_) out_ += ", ";
    first_ = false;
    out_ += name;
    out_ += '=';
  }

 private:
  std::string& out_;
  bool first_ = true;
};

class Dumper {
 public:
  std::string out;

  void module(const Module& m) {
    NodeWriter n(out, "Module");
    n.key("body");
    stmts(m.body);
    n.key("type_ignores");
    out += "[]";
  }

  void expr(const Expr* e);
  void stmt(const Stmt* s);

 private:
  template <class T, class F>
  void list(const std::vector<T>& items, F&& each) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ", ";
      each(items[i]);
    }
    out += ']';
  }
  void exprs(const ExprList& items) {
    list(items, [this](const Expr* e) { expr(e); });
  }
  void stmts(const StmtList& items) {
    list(items, [this](const Stmt* s) { stmt(s); });
  }
  void names(const std::vector<std::string>& items) {
    list(items, [this](const std::string& s) { out += str_repr(s); });
  }
  void field(NodeWriter& n, const char* key, const Expr* e) {
    n.key(key);
    expr(e);
  }
  void optional(NodeWriter& n, const char* key, const Expr* e) {
    if (e != nullptr) field(n, key, e);
  }
  void ident(NodeWriter& n, const char* key, const std::string& s) {
    n.key(key);
    out += str_repr(s);
  }
  void ctx(NodeWriter& n, ExprContext c) {
    n.key("ctx");
    out += name_of(c);
    out += "()";
  }
  void op(NodeWriter& n, const char* name) {
    n.key("op");
    out += name;
    out += "()";
  }

  void arg(const Arg* a);
  void arguments(const Arguments* a);
  void keyword(const Keyword* k);
  void comprehensions(const std::vector<Comprehension*>& gens);
  void pattern(const Pattern* p);
  void expr_body(const Expr* e);
  void stmt_body(const Stmt* s);
  void def_body(const Stmt* s);
  void handlers(const std::vector<ExceptHandler*>& hs);
  void match_cases(const std::vector<MatchCase*>& cases);
};

void Dumper::arg(const Arg* a) {
  NodeWriter n(out, "arg");
  ident(n, "arg", a->arg);
  optional(n, "annotation", a->annotation);
}

void Dumper::arguments(const Arguments* a) {
  NodeWriter n(out, "arguments");
  auto args = [this](const std::vector<Arg*>& v) { list(v, [this](const Arg* x) { arg(x); }); };
  n.key("posonlyargs");
  args(a->posonlyargs);
  n.key("args");
  args(a->args);
  if (a->vararg != nullptr) {
    n.key("vararg");
    arg(a->vararg);
  }
  n.key("kwonlyargs");
  args(a->kwonlyargs);
  n.key("kw_defaults");
  exprs(a->kw_defaults);
  if (a->kwarg != nullptr) {
    n.key("kwarg");
    arg(a->kwarg);
  }
  n.key("defaults");
  exprs(a->defaults);
}

void Dumper::keyword(const Keyword* k) {
  NodeWriter n(out, "keyword");
  if (k->has_arg) ident(n, "arg", k->arg);
  field(n, "value", k->value);
}

void Dumper::comprehensions(const std::vector<Comprehension*>& gens) {
  list(gens, [this](const Comprehension* c) {
    NodeWriter n(out, "comprehension");
    field(n, "target", c->target);
    field(n, "iter", c->iter);
    n.key("ifs");
    exprs(c->ifs);
    n.key("is_async");
    out += c->is_async ? "1" : "0";
  });
}

void Dumper::expr(const Expr* e) {
  if (e == nullptr) {
    out += "None";
    return;
  }
  expr_body(e);
}

void Dumper::expr_body(const Expr* e) {
  switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* x = as<BoolOp>(e);
      NodeWriter n(out, "BoolOp");
      op(n, name_of(x->op));
      n.key("values");
      exprs(x->values);
      return;
    }
    case ExprKind::NamedExpr: {
      auto* x = as<NamedExpr>(e);
      NodeWriter n(out, "NamedExpr");
      field(n, "target", x->target);
      field(n, "value", x->value);
      return;
    }
    case ExprKind::BinOp: {
      auto* x = as<BinOp>(e);
      NodeWriter n(out, "BinOp");
      field(n, "left", x->left);
      op(n, name_of(x->op));
      field(n, "right", x->right);
      return;
    }
    case ExprKind::UnaryOp: {
      auto* x = as<UnaryOp>(e);
      NodeWriter n(out, "UnaryOp");
      op(n, name_of(x->op));
      field(n, "operand", x->operand);
      return;
    }
    case ExprKind::Lambda: {
      auto* x = as<Lambda>(e);
      NodeWriter n(out, "Lambda");
      n.key("args");
      arguments(x->args);
      field(n, "body", x->body);
      return;
    }
    case ExprKind::IfExp: {
      auto* x = as<IfExp>(e);
      NodeWriter n(out, "IfExp");
      field(n, "test", x->test);
      field(n, "body", x->body);
      field(n, "orelse", x->orelse);
      return;
    }
    case ExprKind::Dict: {
      auto* x = as<Dict>(e);
      NodeWriter n(out, "Dict");
      n.key("keys");
      exprs(x->keys);
      n.key("values");
      exprs(x->values);
      return;
    }
    case ExprKind::Set: {
      NodeWriter n(out, "Set");
      n.key("elts");
      exprs(as<Set>(e)->elts);
      return;
    }
    case ExprKind::ListComp: {
      auto* x = as<ListComp>(e);
      NodeWriter n(out, "ListComp");
      field(n, "elt", x->elt);
      n.key("generators");
      comprehensions(x->generators);
      return;
    }
    case ExprKind::SetComp: {
      auto* x = as<SetComp>(e);
      NodeWriter n(out, "SetComp");
      field(n, "elt", x->elt);
      n.key("generators");
      comprehensions(x->generators);
      return;
    }
    case ExprKind::DictComp: {
      auto* x = as<DictComp>(e);
      NodeWriter n(out, "DictComp");
      field(n, "key", x->key);
      field(n, "value", x->value);
      n.key("generators");
      comprehensions(x->generators);
      return;
    }
    case ExprKind::GeneratorExp: {
      auto* x = as<GeneratorExp>(e);
      NodeWriter n(out, "GeneratorExp");
      field(n, "elt", x->elt);
      n.key("generators");
      comprehensions(x->generators);
      return;
    }
    case ExprKind::Await: {
      NodeWriter n(out, "Await");
      field(n, "value", as<Await>(e)->value);
      return;
    }
    case ExprKind::Yield: {
      NodeWriter n(out, "Yield");
      optional(n, "value", as<Yield>(e)->value);
      return;
    }
    case ExprKind::YieldFrom: {
      NodeWriter n(out, "YieldFrom");
      field(n, "value", as<YieldFrom>(e)->value);
      return;
    }
    case ExprKind::Compare: {
      auto* x = as<Compare>(e);
      NodeWriter n(out, "Compare");
      field(n, "left", x->left);
      n.key("ops");
      list(x->ops, [this](CmpOpKind o) { out += name_of(o); out += "()"; });
      n.key("comparators");
      exprs(x->comparators);
      return;
    }
    case ExprKind::Call: {
      auto* x = as<Call>(e);
      NodeWriter n(out, "Call");
      field(n, "func", x->func);
      n.key("args");
      exprs(x->args);
      n.key("keywords");
      list(x->keywords, [this](const Keyword* k) { keyword(k); });
      return;
    }
    case ExprKind::FormattedValue: {
      auto* x = as<FormattedValue>(e);
      NodeWriter n(out, "FormattedValue");
      field(n, "value", x->value);
      n.key("conversion");
      out += std::to_string(x->conversion);
      optional(n, "format_spec", x->format_spec);
      return;
    }
    case ExprKind::JoinedStr: {
      NodeWriter n(out, "JoinedStr");
      n.key("values");
      exprs(as<JoinedStr>(e)->values);
      return;
    }
    case ExprKind::Constant: {
      auto* x = as<Constant>(e);
      NodeWriter n(out, "Constant");
      n.key("value");
      out += constant_repr(*x);
      if (x->u_prefix) {
        n.key("kind");
        out += "'u'";
      }
      return;
    }
    case ExprKind::Attribute: {
      auto* x = as<Attribute>(e);
      NodeWriter n(out, "Attribute");
      field(n, "value", x->value);
      ident(n, "attr", x->attr);
      ctx(n, x->ctx);
      return;
    }
    case ExprKind::Subscript: {
      auto* x = as<Subscript>(e);
      NodeWriter n(out, "Subscript");
      field(n, "value", x->value);
      field(n, "slice", x->slice);
      ctx(n, x->ctx);
      return;
    }
    case ExprKind::Starred: {
      auto* x = as<Starred>(e);
      NodeWriter n(out, "Starred");
      field(n, "value", x->value);
      ctx(n, x->ctx);
      return;
    }
    case ExprKind::Name: {
      auto* x = as<Name>(e);
      NodeWriter n(out, "Name");
      ident(n, "id", x->id);
      ctx(n, x->ctx);
      return;
    }
    case ExprKind::List: {
      auto* x = as<List>(e);
      NodeWriter n(out, "List");
      n.key("elts");
      exprs(x->elts);
      ctx(n, x->ctx);
      return;
    }
    case ExprKind::Tuple: {
      auto* x = as<Tuple>(e);
      NodeWriter n(out, "Tuple");
      n.key("elts");
      exprs(x->elts);
      ctx(n, x->ctx);
      return;
    }
    case ExprKind::Slice: {
      auto* x = as<Slice>(e);
      NodeWriter n(out, "Slice");
      optional(n, "lower", x->lower);
      optional(n, "upper", x->upper);
      optional(n, "step", x->step);
      return;
    }
  }
}

void Dumper::pattern(const Pattern* p) {
  auto patterns = [this](const PatternList& v) { list(v, [this](const Pattern* q) { pattern(q); }); };
  switch (p->kind) {
    case PatternKind::MatchValue: {
      NodeWriter n(out, "MatchValue");
      field(n, "value", as<MatchValue>(p)->value);
      return;
    }
    case PatternKind::MatchSingleton: {
      NodeWriter n(out, "MatchSingleton");
      n.key("value");
      const ConstantKind v = as<MatchSingleton>(p)->value;
      out += v == ConstantKind::None ? "None" : v == ConstantKind::True ? "True" : "False";
      return;
    }
    case PatternKind::MatchSequence: {
      NodeWriter n(out, "MatchSequence");
      n.key("patterns");
      patterns(as<MatchSequence>(p)->patterns);
      return;
    }
    case PatternKind::MatchMapping: {
      auto* x = as<MatchMapping>(p);
      NodeWriter n(out, "MatchMapping");
      n.key("keys");
      exprs(x->keys);
      n.key("patterns");
      patterns(x->patterns);
      if (x->has_rest) ident(n, "rest", x->rest);
      return;
    }
    case PatternKind::MatchClass: {
      auto* x = as<MatchClass>(p);
      NodeWriter n(out, "MatchClass");
      field(n, "cls", x->cls);
      n.key("patterns");
      patterns(x->patterns);
      n.key("kwd_attrs");
      names(x->kwd_attrs);
      n.key("kwd_patterns");
      patterns(x->kwd_patterns);
      return;
    }
    case PatternKind::MatchStar: {
      auto* x = as<MatchStar>(p);
      NodeWriter n(out, "MatchStar");
      if (x->has_name) ident(n, "name", x->name);
      return;
    }
    case PatternKind::MatchAs: {
      auto* x = as<MatchAs>(p);
      NodeWriter n(out, "MatchAs");
      if (x->pattern != nullptr) {
        n.key("pattern");
        pattern(x->pattern);
      }
      if (x->has_name) ident(n, "name", x->name);
      return;
    }
    case PatternKind::MatchOr: {
      NodeWriter n(out, "MatchOr");
      n.key("patterns");
      patterns(as<MatchOr>(p)->patterns);
      return;
    }
  }
}

void Dumper::handlers(const std::vector<ExceptHandler*>& hs) {
  list(hs, [this](const ExceptHandler* h) {
    NodeWriter n(out, "ExceptHandler");
    optional(n, "type", h->type);
    if (h->has_name) ident(n, "name", h->name);
    n.key("body");
    stmts(h->body);
  });
}

void Dumper::match_cases(const std::vector<MatchCase*>& cases) {
  list(cases, [this](const MatchCase* c) {
    NodeWriter n(out, "match_case");
    n.key("pattern");
    pattern(c->pattern);
    optional(n, "guard", c->guard);
    n.key("body");
    stmts(c->body);
  });
}

void Dumper::stmt(const Stmt* s) {
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef:
    case StmtKind::ClassDef:
      def_body(s);
      return;
    default:
      stmt_body(s);
  }
}

// The definitions: functions (sync and async) and classes.
void Dumper::def_body(const Stmt* s) {
  if (s->kind == StmtKind::ClassDef) {
    auto* x = as<ClassDef>(s);
    NodeWriter n(out, "ClassDef");
    ident(n, "name", x->name);
    n.key("bases");
    exprs(x->bases);
    n.key("keywords");
    list(x->keywords, [this](const Keyword* k) { keyword(k); });
    n.key("body");
    stmts(x->body);
    n.key("decorator_list");
    exprs(x->decorator_list);
    return;
  }
  const bool is_async = s->kind == StmtKind::AsyncFunctionDef;
  const auto* x = as<FunctionDef>(s);
  NodeWriter n(out, is_async ? "AsyncFunctionDef" : "FunctionDef");
  ident(n, "name", x->name);
  n.key("args");
  arguments(x->args);
  n.key("body");
  stmts(x->body);
  n.key("decorator_list");
  exprs(x->decorator_list);
  optional(n, "returns", x->returns);
}

void Dumper::stmt_body(const Stmt* s) {
  auto aliases = [this](const std::vector<Alias*>& v) {
    list(v, [this](const Alias* a) {
      NodeWriter n(out, "alias");
      ident(n, "name", a->name);
      if (a->has_asname) ident(n, "asname", a->asname);
    });
  };
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef:
    case StmtKind::ClassDef:
      def_body(s);
      return;
    case StmtKind::Return: {
      NodeWriter n(out, "Return");
      optional(n, "value", as<Return>(s)->value);
      return;
    }
    case StmtKind::Delete: {
      NodeWriter n(out, "Delete");
      n.key("targets");
      exprs(as<Delete>(s)->targets);
      return;
    }
    case StmtKind::Assign: {
      auto* x = as<Assign>(s);
      NodeWriter n(out, "Assign");
      n.key("targets");
      exprs(x->targets);
      field(n, "value", x->value);
      return;
    }
    case StmtKind::AugAssign: {
      auto* x = as<AugAssign>(s);
      NodeWriter n(out, "AugAssign");
      field(n, "target", x->target);
      op(n, name_of(x->op));
      field(n, "value", x->value);
      return;
    }
    case StmtKind::AnnAssign: {
      auto* x = as<AnnAssign>(s);
      NodeWriter n(out, "AnnAssign");
      field(n, "target", x->target);
      field(n, "annotation", x->annotation);
      optional(n, "value", x->value);
      n.key("simple");
      out += x->simple ? "1" : "0";
      return;
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
      const bool is_async = s->kind == StmtKind::AsyncFor;
      const auto* x = as<For>(s);
      NodeWriter n(out, is_async ? "AsyncFor" : "For");
      field(n, "target", x->target);
      field(n, "iter", x->iter);
      n.key("body");
      stmts(x->body);
      n.key("orelse");
      stmts(x->orelse);
      return;
    }
    case StmtKind::While: {
      auto* x = as<While>(s);
      NodeWriter n(out, "While");
      field(n, "test", x->test);
      n.key("body");
      stmts(x->body);
      n.key("orelse");
      stmts(x->orelse);
      return;
    }
    case StmtKind::If: {
      auto* x = as<If>(s);
      NodeWriter n(out, "If");
      field(n, "test", x->test);
      n.key("body");
      stmts(x->body);
      n.key("orelse");
      stmts(x->orelse);
      return;
    }
    case StmtKind::With:
    case StmtKind::AsyncWith: {
      const bool is_async = s->kind == StmtKind::AsyncWith;
      const auto* x = as<With>(s);
      NodeWriter n(out, is_async ? "AsyncWith" : "With");
      n.key("items");
      list(x->items, [this](const WithItem& w) {
        NodeWriter item(out, "withitem");
        field(item, "context_expr", w.context_expr);
        optional(item, "optional_vars", w.optional_vars);
      });
      n.key("body");
      stmts(x->body);
      return;
    }
    case StmtKind::Match: {
      auto* x = as<Match>(s);
      NodeWriter n(out, "Match");
      field(n, "subject", x->subject);
      n.key("cases");
      match_cases(x->cases);
      return;
    }
    case StmtKind::Raise: {
      auto* x = as<Raise>(s);
      NodeWriter n(out, "Raise");
      optional(n, "exc", x->exc);
      optional(n, "cause", x->cause);
      return;
    }
    case StmtKind::Try:
    case StmtKind::TryStar: {
      const bool star = s->kind == StmtKind::TryStar;
      const auto* x = as<Try>(s);
      NodeWriter n(out, star ? "TryStar" : "Try");
      n.key("body");
      stmts(x->body);
      n.key("handlers");
      handlers(x->handlers);
      n.key("orelse");
      stmts(x->orelse);
      n.key("finalbody");
      stmts(x->finalbody);
      return;
    }
    case StmtKind::Assert: {
      auto* x = as<Assert>(s);
      NodeWriter n(out, "Assert");
      field(n, "test", x->test);
      optional(n, "msg", x->msg);
      return;
    }
    case StmtKind::Import: {
      NodeWriter n(out, "Import");
      n.key("names");
      aliases(as<Import>(s)->names);
      return;
    }
    case StmtKind::ImportFrom: {
      auto* x = as<ImportFrom>(s);
      NodeWriter n(out, "ImportFrom");
      if (x->has_module) ident(n, "module", x->module);
      n.key("names");
      aliases(x->names);
      n.key("level");
      out += std::to_string(x->level);
      return;
    }
    case StmtKind::Global: {
      NodeWriter n(out, "Global");
      n.key("names");
      names(as<Global>(s)->names);
      return;
    }
    case StmtKind::Nonlocal: {
      NodeWriter n(out, "Nonlocal");
      n.key("names");
      names(as<Nonlocal>(s)->names);
      return;
    }
    case StmtKind::Expr: {
      NodeWriter n(out, "Expr");
      field(n, "value", as<ExprStmt>(s)->value);
      return;
    }
    case StmtKind::Pass: out += "Pass()"; return;
    case StmtKind::Break: out += "Break()"; return;
    case StmtKind::Continue: out += "Continue()"; return;
  }
}

}  // namespace

std::string dump(const Module& module) {
  Dumper d;
  d.module(module);
  return std::move(d.out);
}

std::string dump(const Expr& expr) {
  Dumper d;
  d.expr(&expr);
  return std::move(d.out);
}

}  // namespace corio::py::ast
