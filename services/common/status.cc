#include "status.h"

#include <algorithm>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"

namespace ekinerja {
namespace {
constexpr char kBadRequestUrl[] = "type.googleapis.com/google.rpc.BadRequest";
}  // namespace

// The length of the valid UTF-8 sequence at the start of `s` (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF), 0 if there is none.
size_t Utf8SequenceLength(absl::string_view s) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
  }
  if (len == 0 || s.size() < len || b(1) < lo || b(1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

// At most `max_bytes` of `text`, cut at a character boundary ("..." where cut), with each byte
// that is not valid UTF-8 or is a control character replaced by '?': proto3 strings must be valid
// UTF-8, and what a client sent is never echoed at length.
std::string SafePrefix(absl::string_view text, size_t max_bytes) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t len = Utf8SequenceLength(text.substr(i));
    const auto c = static_cast<unsigned char>(text[i]);
    const bool control = len == 1 && (c < 0x20 || c == 0x7F) && c != '\n' && c != '\t';
    if (out.size() + std::max<size_t>(len, 1) > max_bytes) {
      absl::StrAppend(&out, "...");
      break;
    }
    if (len == 0 || control) {
      out.push_back('?');
      len = 1;
    } else {
      out.append(text.data() + i, len);
    }
    i += len;
  }
  return out;
}

void Violations::Add(std::string field, std::string description) {
  list_.push_back({SafePrefix(field, kMaxViolationFieldBytes),
                   SafePrefix(description, kMaxViolationDescriptionBytes)});
}

void Violations::Merge(const absl::Status& status, absl::string_view prefix) {
  for (auto& v : FieldViolationsOf(status)) {
    Add(absl::StrCat(prefix, v.field), std::move(v.description));
  }
}

absl::Status Violations::ToStatus(absl::string_view message) const {
  if (list_.empty()) return absl::OkStatus();
  google::rpc::BadRequest bad;
  std::string text(message);
  for (const auto& v : list_) {
    auto* fv = bad.add_field_violations();
    fv->set_field(v.field);
    fv->set_description(v.description);
  }
  // The message names the first violation so that logs and plain clients see the reason.
  absl::StrAppend(&text, ": ", list_.front().field, ": ", list_.front().description);
  if (list_.size() > 1) absl::StrAppend(&text, " (and ", list_.size() - 1, " more)");
  absl::Status st = absl::InvalidArgumentError(text);
  st.SetPayload(kBadRequestUrl, absl::Cord(bad.SerializeAsString()));
  return st;
}

absl::Status InvalidField(std::string field, std::string description) {
  Violations v;
  v.Add(std::move(field), std::move(description));
  return v.ToStatus();
}

std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> out;
  auto payload = status.GetPayload(kBadRequestUrl);
  if (!payload) return out;
  google::rpc::BadRequest bad;
  if (!bad.ParseFromString(std::string(*payload))) return out;
  for (const auto& fv : bad.field_violations()) out.push_back({fv.field(), fv.description()});
  return out;
}

}  // namespace ekinerja
