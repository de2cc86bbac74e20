#include "status.h"

#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "text.h"

namespace ekinerja {
namespace {

// The violations ride on the status as a payload of our own, read back only by FieldViolationsOf
// in this process: each field and each description as a netstring ("<bytes>:<text>"). The
// google.rpc.BadRequest a client sees is built from them at the gRPC edge (grpc_status.cc), so
// this layer needs no protobuf.
constexpr char kViolationsUrl[] = "ekinerja/field_violations";
// A precondition violation rides the same way: type, subject and description as netstrings.
constexpr char kPreconditionUrl[] = "ekinerja/precondition_violation";

void AppendNetstring(std::string* out, absl::string_view s) {
  absl::StrAppend(out, s.size(), ":", s);
}

// Reads one netstring off the front of `in`; false when `in` does not start with one.
bool ConsumeNetstring(absl::string_view* in, std::string* out) {
  const size_t colon = in->find(':');
  if (colon == absl::string_view::npos || colon == 0) return false;
  size_t size = 0;
  if (!absl::SimpleAtoi(in->substr(0, colon), &size) || size > in->size() - colon - 1) {
    return false;
  }
  *out = std::string(in->substr(colon + 1, size));
  in->remove_prefix(colon + 1 + size);
  return true;
}

}  // namespace

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
  std::string text(message);
  std::string payload;
  for (const auto& v : list_) {
    AppendNetstring(&payload, v.field);
    AppendNetstring(&payload, v.description);
  }
  // The message names the first violation so that logs and plain clients see the reason.
  absl::StrAppend(&text, ": ", list_.front().field, ": ", list_.front().description);
  if (list_.size() > 1) absl::StrAppend(&text, " (and ", list_.size() - 1, " more)");
  absl::Status st = absl::InvalidArgumentError(text);
  st.SetPayload(kViolationsUrl, absl::Cord(std::move(payload)));
  return st;
}

absl::Status InvalidField(std::string field, std::string description) {
  Violations v;
  v.Add(std::move(field), std::move(description));
  return v.ToStatus();
}

std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> out;
  auto payload = status.GetPayload(kViolationsUrl);
  if (!payload) return out;
  const std::string flat(*payload);
  absl::string_view in = flat;
  while (!in.empty()) {
    FieldViolation v;
    if (!ConsumeNetstring(&in, &v.field) || !ConsumeNetstring(&in, &v.description)) return {};
    out.push_back(std::move(v));
  }
  return out;
}

absl::Status FailedPrecondition(PreconditionViolation v) {
  v.description = SafePrefix(v.description, kMaxViolationDescriptionBytes);
  std::string payload;
  AppendNetstring(&payload, v.type);
  AppendNetstring(&payload, v.subject);
  AppendNetstring(&payload, v.description);
  absl::Status st = absl::FailedPreconditionError(v.description);
  st.SetPayload(kPreconditionUrl, absl::Cord(std::move(payload)));
  return st;
}

std::optional<PreconditionViolation> PreconditionViolationOf(const absl::Status& status) {
  auto payload = status.GetPayload(kPreconditionUrl);
  if (!payload) return std::nullopt;
  const std::string flat(*payload);
  absl::string_view in = flat;
  PreconditionViolation v;
  if (!ConsumeNetstring(&in, &v.type) || !ConsumeNetstring(&in, &v.subject) ||
      !ConsumeNetstring(&in, &v.description)) {
    return std::nullopt;
  }
  return v;
}

}  // namespace ekinerja
