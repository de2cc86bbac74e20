#pragma once

// The life of one daily activity entry (DOMAIN §5: "the supervisor approves, rejects (reason
// required) or asks for revision"; issue 11: "update and withdraw while not yet decided"):
//
//   UPDATE    DRAFT, SUBMITTED, RETURNED -> unchanged
//   SUBMIT    DRAFT or RETURNED -> SUBMITTED
//   WITHDRAW  DRAFT, SUBMITTED or RETURNED -> WITHDRAWN
//   APPROVE   SUBMITTED -> APPROVED
//   REJECT    SUBMITTED -> REJECTED
//   RETURN    SUBMITTED -> RETURNED (asks for revision)
//
// APPROVED, REJECTED and WITHDRAWN are final.

#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ekinerja::activity {

enum class EntryStatus { kDraft, kSubmitted, kApproved, kRejected, kReturned, kWithdrawn };
enum class EntryAction { kUpdate, kSubmit, kWithdraw, kApprove, kReject, kReturn };

// "DRAFT", "SUBMITTED", "APPROVED", "REJECTED", "RETURNED", "WITHDRAWN"; "UPDATE", "SUBMIT",
// "WITHDRAW", "APPROVE", "REJECT", "RETURN"; and back, exactly as printed (enum_names.h).
absl::string_view StatusName(EntryStatus status);
std::optional<EntryStatus> ParseStatus(absl::string_view name);
absl::string_view ActionName(EntryAction action);
std::optional<EntryAction> ParseAction(absl::string_view name);

// The status after `action` on an entry in `from`; FAILED_PRECONDITION for a pair the table above
// does not hold, naming the status and the ones the action needs: "entry is APPROVED; SUBMIT needs
// DRAFT or RETURNED".
absl::StatusOr<EntryStatus> NextStatus(EntryStatus from, EntryAction action);

// Whether the entry's span blocks another entry of the day (DOMAIN §5, "entries may not overlap")
// and counts toward the day's minutes: DRAFT, SUBMITTED, APPROVED, RETURNED; a REJECTED or
// WITHDRAWN entry frees its time.
bool HoldsTime(EntryStatus status);

// Whether the entry has been submitted to the supervisor (what the month summary and the approval
// ratio count): SUBMITTED, APPROVED, REJECTED, RETURNED.
bool WasSubmitted(EntryStatus status);

}  // namespace ekinerja::activity
