#pragma once

// The life of one SKP revision (DOMAIN §2; PermenPANRB 6/2022): the employee drafts and submits,
// the pejabat penilai approves or rejects with a reason, the employee revises. An approved SKP
// changes only through a new revision: REVISE starts a DRAFT copy while the approved one stays in
// force until the copy is approved. The submission gate keeps a subordinate from submitting before
// the atasan's SKP of the year is approved.
//
//   EDIT      DRAFT → DRAFT, REJECTED → REJECTED
//   SUBMIT    DRAFT or REJECTED → SUBMITTED
//   APPROVE   SUBMITTED → APPROVED
//   REJECT    SUBMITTED → REJECTED
//   WITHDRAW  SUBMITTED → DRAFT (the employee takes it back)
//   REVISE    APPROVED → DRAFT (the status of the new revision; the approved one is unchanged)

#include <cstddef>
#include <optional>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace ekinerja::skp {

enum class SkpStatus { kDraft, kSubmitted, kApproved, kRejected };
enum class SkpAction { kEdit, kSubmit, kApprove, kReject, kRevise, kWithdraw };

// "DRAFT", "SUBMITTED", "APPROVED", "REJECTED"; "EDIT", "SUBMIT", "APPROVE", "REJECT", "REVISE",
// "WITHDRAW"; and back, exactly as printed.
std::string_view SkpStatusName(SkpStatus status);
std::optional<SkpStatus> ParseSkpStatus(std::string_view name);
std::string_view SkpActionName(SkpAction action);
std::optional<SkpAction> ParseSkpAction(std::string_view name);

// The status after `action` on a revision in `from` (for REVISE: the new revision's status);
// FAILED_PRECONDITION naming both for a pair the table above does not hold.
absl::StatusOr<SkpStatus> NextStatus(SkpStatus from, SkpAction action);

// A rejection says why: not empty after trimming ASCII whitespace, at most 2000 bytes as given;
// else INVALID_ARGUMENT naming "reason".
inline constexpr size_t kMaxRejectionReasonBytes = 2000;
absl::Status CheckRejectionReason(std::string_view reason);

// DOMAIN §2: a subordinate cannot submit before their atasan's SKP of `year` is approved. OK at
// the top of the tree (no atasan), when the tenant has switched the gate off, or once approved;
// else FAILED_PRECONDITION "SKP atasan tahun <year> belum disetujui (...)".
absl::Status CheckSubmissionGate(int year, bool has_atasan, bool atasan_skp_approved,
                                 bool gate_enabled);

}  // namespace ekinerja::skp
