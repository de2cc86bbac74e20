#include "status.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "text.h"

namespace ekinerja {
namespace {
constexpr char kBadRequestUrl[] = "type.googleapis.com/google.rpc.BadRequest";
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
