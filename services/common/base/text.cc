#include "text.h"

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"

namespace ekinerja {
namespace {

bool IsLineBreakOrTab(uint32_t cp) { return cp == '\n' || cp == '\r' || cp == '\t'; }

// C0 controls (NUL included), DEL and C1 controls.
bool IsControl(uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

}  // namespace

std::optional<uint32_t> NextCodePoint(absl::string_view s, size_t* i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b0 = byte(*i);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  int extra;
  uint32_t cp, min;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return std::nullopt;  // a continuation byte first, or 0xF8..0xFF
  }
  if (s.size() - *i <= static_cast<size_t>(extra)) return std::nullopt;  // cut short
  for (int k = 1; k <= extra; ++k) {
    const uint8_t b = byte(*i + k);
    if ((b & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  *i += extra + 1;
  return cp;
}

std::string JsonEscape(absl::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t start = i;
      if (NextCodePoint(s, &i)) {
        out.append(s.data() + start, i - start);
      } else {
        out += "\\ufffd";
        i = start + 1;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  return out;
}

std::optional<std::string> TextProblem(absl::string_view value, TextRule rule) {
  int64_t chars = 0;
  bool line_break = false;
  for (size_t i = 0; i < value.size();) {
    const std::optional<uint32_t> cp = NextCodePoint(value, &i);
    if (!cp) return "not valid UTF-8";
    if (IsLineBreakOrTab(*cp)) {
      line_break = true;
    } else if (IsControl(*cp)) {
      return "contains a control character";
    }
    ++chars;
  }
  if (line_break && !rule.multiline) return "contains a line break or tab";
  if (chars > rule.max_chars) return absl::StrCat("at most ", rule.max_chars, " characters");
  return std::nullopt;
}

bool CheckText(Violations& v, absl::string_view field, absl::string_view value, TextRule rule) {
  std::optional<std::string> problem = TextProblem(value, rule);
  if (!problem) return true;
  v.Add(std::string(field), std::move(*problem));
  return false;
}

std::string SafePrefix(absl::string_view text, size_t max_bytes) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const std::optional<uint32_t> cp = NextCodePoint(text, &i);
    const bool keep = cp && (!IsControl(*cp) || *cp == '\n' || *cp == '\t');
    if (!cp) i = start + 1;  // one bad byte at a time
    const size_t len = keep ? i - start : 1;
    if (out.size() + len > max_bytes) {
      out += "...";
      break;
    }
    if (keep) {
      out.append(text.data() + start, len);
    } else {
      out.push_back('?');
    }
  }
  return out;
}

}  // namespace ekinerja
