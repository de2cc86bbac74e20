#include "transcode/json_scan.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"

namespace ekinerja::gateway {
namespace {

namespace pb = google::protobuf;

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

void AppendUtf8(unsigned cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsWellKnown(const pb::Descriptor& d) {
  return absl::StartsWith(d.full_name(), "google.protobuf.");
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
        return String(nullptr);
      default:
        return Bare();
    }
  }

  // A quoted string; its decoded text goes to `decoded` when not null (escapes other than the
  // JSON ones decode to the escaped character, as protobuf's parser does).
  bool String(std::string* decoded) {
    const char quote = in_[pos_++];
    while (pos_ < in_.size()) {
      const char c = in_[pos_++];
      if (c == quote) return true;
      if (c != '\\') {
        if (decoded != nullptr) decoded->push_back(c);
        continue;
      }
      if (pos_ >= in_.size()) return false;
      const char e = in_[pos_++];
      if (e == 'u') {
        if (pos_ + 4 > in_.size()) return false;
        unsigned cp = 0;
        for (int i = 0; i < 4; ++i) {
          const int h = HexValue(in_[pos_ + i]);
          if (h < 0) return false;
          cp = (cp << 4) | static_cast<unsigned>(h);
        }
        pos_ += 4;
        if (decoded != nullptr) AppendUtf8(cp, decoded);
        continue;
      }
      if (decoded == nullptr) continue;
      switch (e) {
        case 'n':
          decoded->push_back('\n');
          break;
        case 't':
          decoded->push_back('\t');
          break;
        case 'r':
          decoded->push_back('\r');
          break;
        case 'b':
          decoded->push_back('\b');
          break;
        case 'f':
          decoded->push_back('\f');
          break;
        default:
          decoded->push_back(e);
      }
    }
    return false;
  }

  bool Bare() {
    const size_t start = pos_;
    while (pos_ < in_.size() && !EndsBare(in_[pos_])) ++pos_;
    return pos_ > start;
  }

  // A member key, quoted or bare; `key` gets its decoded text.
  bool Key(std::string* key) {
    SkipSpace();
    if (AtEnd()) return false;
    if (Peek() == '"' || Peek() == '\'') return String(key);
    const size_t start = pos_;
    if (!Bare()) return false;
    key->assign(in_.data() + start, pos_ - start);
    return true;
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
      std::string key;
      if (!Key(&key) || !Colon() || !Value(depth + 1) || !Separator('}', &done)) return false;
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

  // Copies one value verbatim to `out`.
  bool CopyValue(int depth, std::string* out) {
    SkipSpace();
    const size_t start = pos_;
    if (!Value(depth)) return false;
    out->append(in_.data() + start, pos_ - start);
    return true;
  }

  // One value meant for a message of `type`: an object is filtered, anything else (null, or a
  // value the parser will reject) is copied.
  bool FilterMessage(const pb::Descriptor& type, int depth, std::string* out, bool* dropped) {
    if (depth > kMaxDepth) return false;
    SkipSpace();
    if (AtEnd()) return false;
    if (Peek() != '{' || IsWellKnown(type)) return CopyValue(depth, out);
    ++pos_;
    out->push_back('{');
    bool first = true;
    SkipSpace();
    if (!AtEnd() && Peek() == '}') {
      ++pos_;
      out->push_back('}');
      return true;
    }
    for (bool done = false; !done;) {
      SkipSpace();
      const size_t key_start = pos_;
      std::string key;
      if (!Key(&key)) return false;
      const size_t key_end = pos_;
      if (!Colon()) return false;
      const pb::FieldDescriptor* field = FindField(type, key);
      if (field == nullptr) {
        *dropped = true;
        if (!Value(depth + 1)) return false;
      } else {
        if (!first) out->push_back(',');
        first = false;
        out->append(in_.data() + key_start, key_end - key_start);
        out->push_back(':');
        if (!FilterField(*field, depth + 1, out, dropped)) return false;
      }
      if (!Separator('}', &done)) return false;
    }
    out->push_back('}');
    return true;
  }

  // The value of `field`: messages (singular, repeated, map values) are filtered.
  bool FilterField(const pb::FieldDescriptor& field, int depth, std::string* out, bool* dropped) {
    if (field.is_map()) {
      const pb::FieldDescriptor* value = field.message_type()->map_value();
      if (value->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) {
        return CopyValue(depth, out);
      }
      return Each('{', '}', depth, out, [&](std::string* o) {
        SkipSpace();
        const size_t key_start = pos_;
        std::string key;
        if (!Key(&key)) return false;
        o->append(in_.data() + key_start, pos_ - key_start);
        if (!Colon()) return false;
        o->push_back(':');
        return FilterMessage(*value->message_type(), depth + 1, o, dropped);
      });
    }
    if (field.cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) return CopyValue(depth, out);
    if (field.is_repeated()) {
      return Each('[', ']', depth, out, [&](std::string* o) {
        return FilterMessage(*field.message_type(), depth + 1, o, dropped);
      });
    }
    return FilterMessage(*field.message_type(), depth, out, dropped);
  }

  // An object or array whose items `item` copies; anything else is copied whole.
  template <typename Item>
  bool Each(char open, char close, int depth, std::string* out, Item item) {
    if (depth > kMaxDepth) return false;
    SkipSpace();
    if (AtEnd()) return false;
    if (Peek() != open) return CopyValue(depth, out);
    ++pos_;
    out->push_back(open);
    SkipSpace();
    if (!AtEnd() && Peek() == close) {
      ++pos_;
      out->push_back(close);
      return true;
    }
    for (bool done = false, first = true; !done; first = false) {
      if (!first) out->push_back(',');
      if (!item(out) || !Separator(close, &done)) return false;
    }
    out->push_back(close);
    return true;
  }

  static const pb::FieldDescriptor* FindField(const pb::Descriptor& type, const std::string& key) {
    if (const pb::FieldDescriptor* f = type.FindFieldByName(key)) return f;
    for (int i = 0; i < type.field_count(); ++i) {
      if (type.field(i)->json_name() == key) return type.field(i);
    }
    return nullptr;
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

absl::StatusOr<std::string> DropUnknownFields(absl::string_view json, const pb::Descriptor& type,
                                              bool* dropped) {
  *dropped = false;
  Scanner s(json);
  std::string out;
  out.reserve(json.size());
  if (!s.FilterMessage(type, 0, &out, dropped)) {
    return absl::InvalidArgumentError("malformed JSON");
  }
  s.SkipSpace();
  if (!s.AtEnd()) return absl::InvalidArgumentError("malformed JSON: text after the value");
  return out;
}

}  // namespace ekinerja::gateway
