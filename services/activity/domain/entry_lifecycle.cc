#include "domain/entry_lifecycle.h"

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "enum_names.h"

namespace ekinerja::activity {
namespace {

constexpr EnumNames<EntryStatus, 6> kStatusNames = {{
    {EntryStatus::kDraft, "DRAFT"},
    {EntryStatus::kSubmitted, "SUBMITTED"},
    {EntryStatus::kApproved, "APPROVED"},
    {EntryStatus::kRejected, "REJECTED"},
    {EntryStatus::kReturned, "RETURNED"},
    {EntryStatus::kWithdrawn, "WITHDRAWN"},
}};

constexpr EnumNames<EntryAction, 6> kActionNames = {{
    {EntryAction::kUpdate, "UPDATE"},
    {EntryAction::kSubmit, "SUBMIT"},
    {EntryAction::kWithdraw, "WITHDRAW"},
    {EntryAction::kApprove, "APPROVE"},
    {EntryAction::kReject, "REJECT"},
    {EntryAction::kReturn, "RETURN"},
}};

struct Transition {
  EntryStatus from;
  EntryAction action;
  EntryStatus to;
};

// DOMAIN §5 and issue 11, the flow of one entry; every pair not listed is refused.
constexpr Transition kTransitions[] = {
    {EntryStatus::kDraft, EntryAction::kUpdate, EntryStatus::kDraft},
    {EntryStatus::kSubmitted, EntryAction::kUpdate, EntryStatus::kSubmitted},
    {EntryStatus::kReturned, EntryAction::kUpdate, EntryStatus::kReturned},
    {EntryStatus::kDraft, EntryAction::kSubmit, EntryStatus::kSubmitted},
    {EntryStatus::kReturned, EntryAction::kSubmit, EntryStatus::kSubmitted},
    {EntryStatus::kDraft, EntryAction::kWithdraw, EntryStatus::kWithdrawn},
    {EntryStatus::kSubmitted, EntryAction::kWithdraw, EntryStatus::kWithdrawn},
    {EntryStatus::kReturned, EntryAction::kWithdraw, EntryStatus::kWithdrawn},
    {EntryStatus::kSubmitted, EntryAction::kApprove, EntryStatus::kApproved},
    {EntryStatus::kSubmitted, EntryAction::kReject, EntryStatus::kRejected},
    {EntryStatus::kSubmitted, EntryAction::kReturn, EntryStatus::kReturned},
};

// enum_names.h speaks std::string_view, a type apart from absl::string_view in this abseil.
absl::string_view Absl(std::string_view s) { return absl::string_view(s.data(), s.size()); }
std::string_view Std(absl::string_view s) { return std::string_view(s.data(), s.size()); }

}  // namespace

absl::string_view StatusName(EntryStatus status) { return Absl(NameOf(kStatusNames, status)); }
std::optional<EntryStatus> ParseStatus(absl::string_view name) {
  return ValueOf(kStatusNames, Std(name));
}
absl::string_view ActionName(EntryAction action) { return Absl(NameOf(kActionNames, action)); }
std::optional<EntryAction> ParseAction(absl::string_view name) {
  return ValueOf(kActionNames, Std(name));
}

absl::StatusOr<EntryStatus> NextStatus(EntryStatus from, EntryAction action) {
  std::string needs;
  int count = 0;
  for (const Transition& t : kTransitions) {
    if (t.action != action) continue;
    if (t.from == from) return t.to;
    ++count;
    absl::StrAppend(&needs, needs.empty() ? "" : ", ", StatusName(t.from));
  }
  // "DRAFT, SUBMITTED, RETURNED" -> "DRAFT, SUBMITTED or RETURNED".
  if (count > 1) needs.replace(needs.rfind(", "), 2, " or ");
  return absl::FailedPreconditionError(
      absl::StrCat("entry is ", StatusName(from), "; ", ActionName(action), " needs ", needs));
}

bool HoldsTime(EntryStatus status) {
  return status != EntryStatus::kRejected && status != EntryStatus::kWithdrawn;
}

bool WasSubmitted(EntryStatus status) {
  return status == EntryStatus::kSubmitted || status == EntryStatus::kApproved ||
         status == EntryStatus::kRejected || status == EntryStatus::kReturned;
}

}  // namespace ekinerja::activity
