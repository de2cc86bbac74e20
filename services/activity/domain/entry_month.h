#pragma once

// One employee's month as scoring and warnings read it (DOMAIN §5; issue 11 item 5): workdays
// present, present workdays without a submitted entry and without an approved one, approved
// earned minutes, capaian against the tenant's minute target (Bandung E-RK), the approval ratio
// and the entries by status.

#include <cstdint>
#include <map>
#include <vector>

#include "absl/time/civil_time.h"
#include "domain/entry_lifecycle.h"
#include "rational.h"

namespace ekinerja::activity {

// A day of the month as attendance gives it. `present`: the caller's decision that the employee
// was there (a check-in, or an approved correction or dinas luar).
struct DayFacts {
  absl::CivilDay date;
  bool workday = false;
  bool present = false;
};

struct EntryFacts {
  absl::CivilDay date;
  EntryStatus status = EntryStatus::kDraft;
  int64_t earned_minutes = 0;  // EarnedMinutes (earned.h)
};

struct MonthSummary {
  int workdays = 0;
  int workdays_present = 0;
  // Present workdays, in the order of `days`.
  std::vector<absl::CivilDay> present_without_submitted;
  std::vector<absl::CivilDay> present_without_approved;
  int64_t approved_minutes = 0;
  int64_t target_minutes = 0;
  Rational capaian;
  Rational approval_ratio;
  // Every entry of the month by status; a status without entries is absent.
  std::map<EntryStatus, int> entries_by_status;
};

// DOMAIN §5 (Bandung E-RK): capaian = min(1, approved minutes / target), exact. The target is
// > 0 (RulesViolations refuses anything else); a target <= 0 gives an invalid Rational.
Rational MinuteCapaian(int64_t approved_minutes, int64_t target_minutes);

// The share of submitted entries (WasSubmitted) that were approved; 0 when none was submitted.
Rational ApprovalRatio(int64_t approved_entries, int64_t submitted_entries);

// The month of `days` (each day once) and `entries` (every entry of the month, any status):
// workdays, present workdays, present workdays without an entry that WasSubmitted and without an
// APPROVED one; approved minutes = the sum of the APPROVED entries' earned minutes (any day of
// the month); capaian against `target_minutes`; the approval ratio by entries.
MonthSummary Summarize(const std::vector<DayFacts>& days, const std::vector<EntryFacts>& entries,
                       int64_t target_minutes);

}  // namespace ekinerja::activity
