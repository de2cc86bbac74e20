#include "transcode/json_scan.h"

namespace ekinerja::gateway {
namespace {

// protobuf's JSON parser refuses deeper documents (JsonStreamParser's recursion limit is 100);
// the scanner stops a little later so its own recursion stays bounded.
constexpr int kMaxDepth = 128;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Characters that end a bare token (a number, true/false/null, or an unquoted key).
bool EndsBare(char c) {
  switch (c) {
    case '{':
    case '}':
    case '[':
    case ']':
    case ',':
    case ':':
    case '"':
    case '\'':
      return true;
    default:
      return IsSpace(c);
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Scanner {
 public:
  explicit Scanner(absl::string_view in) : in_(in) {}

  void SkipSpace() {
    while (pos_ < in_.size() && IsSpace(in_[pos_])) ++pos_;
  }
  bool AtEnd() const { return pos_ >= in_.size(); }
  char Peek() const { return in_[pos_]; }

  // Skips one value of any kind.
  bool Value(int depth) {
    if (depth > kMaxDepth) return false;
    SkipSpace();
    if (AtEnd()) return false;
    switch (Peek()) {
      case '{':
        return Object(depth);
      case '[':
        return Array(depth);
      case '"':
      case '\'':
        return String();
      default:
        return Bare();
    }
  }

  // A quoted string (escapes checked only as far as protobuf's parser needs: \u and 4 hex digits).
  bool String() {
    const char quote = in_[pos_++];
    while (pos_ < in_.size()) {
      const char c = in_[pos_++];
      if (c == quote) return true;
      if (c != '\\') continue;
      if (pos_ >= in_.size()) return false;
      if (in_[pos_++] != 'u') continue;
      if (pos_ + 4 > in_.size()) return false;
      for (int i = 0; i < 4; ++i) {
        if (HexValue(in_[pos_ + i]) < 0) return false;
      }
      pos_ += 4;
    }
    return false;
  }

  bool Bare() {
    const size_t start = pos_;
    while (pos_ < in_.size() && !EndsBare(in_[pos_])) ++pos_;
    return pos_ > start;
  }

  // A member key, quoted or bare.
  bool Key() {
    SkipSpace();
    if (AtEnd()) return false;
    if (Peek() == '"' || Peek() == '\'') return String();
    return Bare();
  }

  bool Colon() {
    SkipSpace();
    if (AtEnd() || Peek() != ':') return false;
    ++pos_;
    return true;
  }

  // After a member or element: a ',' (a trailing one before `close` is allowed), or `close`.
  // Sets `done` when `close` was consumed.
  bool Separator(char close, bool* done) {
    SkipSpace();
    if (AtEnd()) return false;
    if (Peek() == close) {
      ++pos_;
      *done = true;
      return true;
    }
    if (Peek() != ',') return false;
    ++pos_;
    SkipSpace();
    if (!AtEnd() && Peek() == close) {
      ++pos_;
      *done = true;
    }
    return true;
  }

  bool Object(int depth) {
    ++pos_;  // '{'
    SkipSpace();
    if (!AtEnd() && Peek() == '}') {
      ++pos_;
      return true;
    }
    for (bool done = false; !done;) {
      if (!Key() || !Colon() || !Value(depth + 1) || !Separator('}', &done)) return false;
    }
    return true;
  }

  bool Array(int depth) {
    ++pos_;  // '['
    SkipSpace();
    if (!AtEnd() && Peek() == ']') {
      ++pos_;
      return true;
    }
    for (bool done = false; !done;) {
      if (!Value(depth + 1) || !Separator(']', &done)) return false;
    }
    return true;
  }

 private:
  absl::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

bool IsSingleJsonValue(absl::string_view json) {
  Scanner s(json);
  if (!s.Value(0)) return false;
  s.SkipSpace();
  return s.AtEnd();
}

}  // namespace ekinerja::gateway
