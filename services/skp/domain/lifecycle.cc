#include "domain/lifecycle.h"

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "enum_names.h"
#include "status.h"

namespace ekinerja::skp {
namespace {

constexpr EnumNames<SkpStatus, 4> kStatusNames = {{
    {SkpStatus::kDraft, "DRAFT"},
    {SkpStatus::kSubmitted, "SUBMITTED"},
    {SkpStatus::kApproved, "APPROVED"},
    {SkpStatus::kRejected, "REJECTED"},
}};

constexpr EnumNames<SkpAction, 6> kActionNames = {{
    {SkpAction::kEdit, "EDIT"},
    {SkpAction::kSubmit, "SUBMIT"},
    {SkpAction::kApprove, "APPROVE"},
    {SkpAction::kReject, "REJECT"},
    {SkpAction::kRevise, "REVISE"},
    {SkpAction::kWithdraw, "WITHDRAW"},
}};

struct Transition {
  SkpStatus from;
  SkpAction action;
  SkpStatus to;
};

// DOMAIN §2, the flow of one revision; every pair not listed is refused.
constexpr Transition kTransitions[] = {
    {SkpStatus::kDraft, SkpAction::kEdit, SkpStatus::kDraft},
    {SkpStatus::kRejected, SkpAction::kEdit, SkpStatus::kRejected},
    {SkpStatus::kDraft, SkpAction::kSubmit, SkpStatus::kSubmitted},
    {SkpStatus::kRejected, SkpAction::kSubmit, SkpStatus::kSubmitted},
    {SkpStatus::kSubmitted, SkpAction::kApprove, SkpStatus::kApproved},
    {SkpStatus::kSubmitted, SkpAction::kReject, SkpStatus::kRejected},
    {SkpStatus::kSubmitted, SkpAction::kWithdraw, SkpStatus::kDraft},
    {SkpStatus::kApproved, SkpAction::kRevise, SkpStatus::kDraft},
};

}  // namespace

std::string_view SkpStatusName(SkpStatus status) { return NameOf(kStatusNames, status); }
std::optional<SkpStatus> ParseSkpStatus(std::string_view name) {
  return ValueOf(kStatusNames, name);
}
std::string_view SkpActionName(SkpAction action) { return NameOf(kActionNames, action); }
std::optional<SkpAction> ParseSkpAction(std::string_view name) {
  return ValueOf(kActionNames, name);
}

absl::StatusOr<SkpStatus> NextStatus(SkpStatus from, SkpAction action) {
  for (const Transition& t : kTransitions) {
    if (t.from == from && t.action == action) return t.to;
  }
  return absl::FailedPreconditionError(absl::StrCat("cannot ", std::string(SkpActionName(action)),
                                                    " an SKP that is ",
                                                    std::string(SkpStatusName(from))));
}

absl::Status CheckRejectionReason(std::string_view reason) {
  if (absl::StripAsciiWhitespace(absl::string_view(reason.data(), reason.size())).empty()) {
    return InvalidField("reason", "required: why the SKP is rejected");
  }
  if (reason.size() > kMaxRejectionReasonBytes) {
    return InvalidField("reason", absl::StrCat("at most ", kMaxRejectionReasonBytes, " bytes"));
  }
  return absl::OkStatus();
}

absl::Status CheckSubmissionGate(int year, bool has_atasan, bool atasan_skp_approved,
                                 bool gate_enabled) {
  if (!has_atasan || !gate_enabled || atasan_skp_approved) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat("SKP atasan tahun ", year,
                                                    " belum disetujui (the atasan's SKP of ", year,
                                                    " is not approved yet)"));
}

}  // namespace ekinerja::skp
