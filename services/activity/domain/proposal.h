#pragma once

// Realisation proposals (issue 11 item 6; DOMAIN §2 and §5): an employee's approved entries of an
// SKP period, summed per RHK, offered to the SKP service as the period's realisation. The period
// is written as the SKP service writes it (services/skp/domain/periods.h): a month "2026-M03" or
// a quarter "2026-Q1"; which of the two the employee's SKP uses is the SKP service's to check.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace ekinerja::activity {

struct ProposalPeriod {
  absl::CivilDay first, last;
};

// "YYYY-Mmm" (month 01-12) or "YYYY-Qn" (quarter 1-4), year 2000-2100, exactly that form: its
// first and last day. INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<ProposalPeriod> ParseProposalPeriod(absl::string_view text,
                                                   absl::string_view field = "period");

struct ProposalEntry {
  int64_t rhk_id = 0;  // 0: tugas tambahan
  bool approved = false;
  int64_t output_quantity = 0, earned_minutes = 0;
};

struct RhkProposal {
  int64_t rhk_id = 0;
  int64_t output_quantity = 0, earned_minutes = 0;
  int entries = 0;
};

// Per RHK (by id) the approved entries naming it: their output quantity and earned minutes
// summed. Tugas tambahan and entries not approved count nowhere (DOMAIN §5: approved minutes
// count; tugas tambahan is outside the SKP).
std::vector<RhkProposal> SumProposals(const std::vector<ProposalEntry>& entries);

}  // namespace ekinerja::activity
