#include "transcode/path_template.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace ekinerja::gateway {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 6570 reserved characters (gen-delims and sub-delims of RFC 3986).
bool IsReserved(char c) {
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case '/':
    case ':':
    case ';':
    case '=':
    case '?':
    case '@':
    case '[':
    case ']':
      return true;
    default:
      return false;
  }
}

// Characters a literal segment or verb may hold as written: RFC 3986 pchar without ':' (it
// introduces the verb) and '*' (a wildcard), plus '%' for escapes (checked separately).
bool IsLiteralChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '+':
    case ',':
    case ';':
    case '=':
    case '@':
    case '%':
      return true;
    default:
      return false;
  }
}

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

// Recursive descent over the grammar in path_template.h.
class Parser {
 public:
  explicit Parser(absl::string_view text) : text_(text) {}

  absl::Status Run() {
    if (text_.empty() || text_[0] != '/') return Error("must start with '/'");
    pos_ = 1;
    if (text_.size() == 1) return absl::OkStatus();  // "/": the root
    if (auto st = Segments(false); !st.ok()) return st;
    if (pos_ < text_.size() && text_[pos_] == ':') {
      ++pos_;
      auto verb = Literal("verb");
      if (!verb.ok()) return verb.status();
      verb_ = *std::move(verb);
    }
    if (pos_ < text_.size()) {
      return Error(absl::StrCat("unexpected '", text_.substr(pos_, 1), "'"));
    }
    for (size_t i = 0; i + 1 < segments_.size(); ++i) {
      if (segments_[i].kind == PathTemplate::Kind::kMulti) {
        return absl::InvalidArgumentError(
            absl::StrCat("path template \"", text_, "\": '**' must be the last segment"));
      }
    }
    for (size_t i = 0; i < variables_.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (variables_[i].field_path == variables_[j].field_path) {
          return absl::InvalidArgumentError(
              absl::StrCat("path template \"", text_, "\": field \"",
                           absl::StrJoin(variables_[i].field_path, "."), "\" is bound twice"));
        }
      }
    }
    return absl::OkStatus();
  }

  std::vector<PathTemplate::Segment> segments_;
  std::vector<PathTemplate::Variable> variables_;
  std::string verb_;

 private:
  absl::Status Error(absl::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat("path template \"", text_, "\": ", what, " at offset ", pos_));
  }

  bool AtEnd() const { return pos_ >= text_.size(); }

  // Segments = Segment { "/" Segment }
  absl::Status Segments(bool in_variable) {
    for (;;) {
      if (auto st = Segment(in_variable); !st.ok()) return st;
      if (AtEnd() || text_[pos_] != '/') return absl::OkStatus();
      ++pos_;
    }
  }

  absl::Status Segment(bool in_variable) {
    if (AtEnd()) return Error("empty segment");
    const char c = text_[pos_];
    if (c == '*') {
      ++pos_;
      PathTemplate::Segment s;
      s.kind = PathTemplate::Kind::kSingle;
      if (!AtEnd() && text_[pos_] == '*') {
        ++pos_;
        s.kind = PathTemplate::Kind::kMulti;
      }
      if (!AtEnd() && text_[pos_] != '/' && text_[pos_] != ':' && text_[pos_] != '}') {
        return Error("a wildcard must be a whole segment");
      }
      segments_.push_back(std::move(s));
      return absl::OkStatus();
    }
    if (c == '{') {
      if (in_variable) return Error("a variable inside a variable");
      return Variable();
    }
    if (c == '/' || c == ':' || c == '}') return Error("empty segment");
    auto literal = Literal("literal segment");
    if (!literal.ok()) return literal.status();
    PathTemplate::Segment s;
    s.literal = *std::move(literal);
    segments_.push_back(std::move(s));
    return absl::OkStatus();
  }

  // Variable = "{" FieldPath [ "=" Segments ] "}"
  absl::Status Variable() {
    ++pos_;  // '{'
    PathTemplate::Variable v;
    v.begin = static_cast<int>(segments_.size());
    for (;;) {
      if (AtEnd() || !IsIdentStart(text_[pos_])) return Error("expected a field name");
      const size_t start = pos_;
      while (!AtEnd() && IsIdentChar(text_[pos_])) ++pos_;
      v.field_path.emplace_back(text_.substr(start, pos_ - start));
      if (AtEnd() || text_[pos_] != '.') break;
      ++pos_;
    }
    if (!AtEnd() && text_[pos_] == '=') {
      ++pos_;
      if (auto st = Segments(true); !st.ok()) return st;
    } else {
      segments_.push_back({PathTemplate::Kind::kSingle, ""});
    }
    if (AtEnd() || text_[pos_] != '}') return Error("expected '}'");
    ++pos_;
    v.end = static_cast<int>(segments_.size());
    variables_.push_back(std::move(v));
    return absl::OkStatus();
  }

  // A literal segment or verb: up to the next '/', ':', '}' or the end.
  absl::StatusOr<std::string> Literal(absl::string_view what) {
    const size_t start = pos_;
    while (!AtEnd() && text_[pos_] != '/' && text_[pos_] != ':' && text_[pos_] != '}') {
      const char c = text_[pos_];
      if (!IsLiteralChar(c)) {
        return Error(absl::StrCat("character '", text_.substr(pos_, 1), "' in a ", what));
      }
      if (c == '%' && (pos_ + 2 >= text_.size() || HexValue(text_[pos_ + 1]) < 0 ||
                       HexValue(text_[pos_ + 2]) < 0)) {
        return Error(absl::StrCat("'%' not followed by two hex digits in a ", what));
      }
      ++pos_;
    }
    if (pos_ == start) return Error(absl::StrCat("empty ", what));
    return std::string(text_.substr(start, pos_ - start));
  }

  absl::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

RequestPath SplitRequestPath(absl::string_view path,
                             const absl::flat_hash_set<std::string>& known_verbs) {
  RequestPath out;
  const size_t colon = path.rfind(':');
  const size_t slash = path.rfind('/');
  if (colon != absl::string_view::npos && (slash == absl::string_view::npos || colon > slash)) {
    const absl::string_view verb = path.substr(colon + 1);
    if (known_verbs.contains(verb)) {
      out.verb = std::string(verb);
      path = path.substr(0, colon);
    }
  }
  if (!path.empty() && path[0] == '/') path.remove_prefix(1);
  if (!path.empty()) out.segments = absl::StrSplit(path, '/');
  while (!out.segments.empty() && out.segments.back().empty()) out.segments.pop_back();
  return out;
}

std::string PercentDecode(absl::string_view in, Unescape mode, bool plus_as_space) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '+' && plus_as_space) {
      out.push_back(' ');
      continue;
    }
    if (c == '%' && i + 2 < in.size()) {
      const int hi = HexValue(in[i + 1]);
      const int lo = HexValue(in[i + 2]);
      if (hi >= 0 && lo >= 0) {
        const char decoded = static_cast<char>((hi << 4) | lo);
        if (mode == Unescape::kAll || !IsReserved(decoded)) {
          out.push_back(decoded);
          i += 2;
          continue;
        }
      }
    }
    out.push_back(c);
  }
  return out;
}

absl::StatusOr<PathTemplate> PathTemplate::Parse(absl::string_view text) {
  Parser parser(text);
  if (auto st = parser.Run(); !st.ok()) return st;
  PathTemplate t;
  t.text_ = std::string(text);
  t.segments_ = std::move(parser.segments_);
  t.variables_ = std::move(parser.variables_);
  t.verb_ = std::move(parser.verb_);
  return t;
}

bool PathTemplate::Match(const RequestPath& path, std::vector<std::string>* values) const {
  if (path.verb != verb_) return false;
  const size_t m = segments_.size();
  const size_t n = path.segments.size();
  const bool multi = m > 0 && segments_.back().kind == Kind::kMulti;
  // Segments before a trailing `**` match one request segment each; `**` takes the rest.
  const size_t fixed = multi ? m - 1 : m;
  if (multi ? n < fixed : n != m) return false;
  for (size_t i = 0; i < fixed; ++i) {
    if (segments_[i].kind == Kind::kLiteral && segments_[i].literal != path.segments[i]) {
      return false;
    }
  }
  if (values == nullptr) return true;
  values->clear();
  values->reserve(variables_.size());
  for (const Variable& v : variables_) {
    const size_t begin = static_cast<size_t>(v.begin);
    const bool to_multi = multi && static_cast<size_t>(v.end) == m;
    const size_t end = to_multi ? n : static_cast<size_t>(v.end);
    const Unescape mode =
        (to_multi || end - begin > 1) ? Unescape::kAllExceptReserved : Unescape::kAll;
    std::string value;
    for (size_t i = begin; i < end; ++i) {
      if (i > begin) value.push_back('/');
      value += PercentDecode(path.segments[i], mode, false);
    }
    values->push_back(std::move(value));
  }
  return true;
}

int PathTemplate::ComparePrecedence(const PathTemplate& a, const PathTemplate& b) {
  const size_t common = std::min(a.segments_.size(), b.segments_.size());
  for (size_t i = 0; i < common; ++i) {
    const int ka = static_cast<int>(a.segments_[i].kind);
    const int kb = static_cast<int>(b.segments_[i].kind);
    if (ka != kb) return ka - kb;
  }
  return static_cast<int>(a.segments_.size()) - static_cast<int>(b.segments_.size());
}

bool PathTemplate::SameShape(const PathTemplate& other) const {
  if (verb_ != other.verb_ || segments_.size() != other.segments_.size()) return false;
  for (size_t i = 0; i < segments_.size(); ++i) {
    if (segments_[i].kind != other.segments_[i].kind ||
        segments_[i].literal != other.segments_[i].literal) {
      return false;
    }
  }
  return true;
}

}  // namespace ekinerja::gateway
