#pragma once

// The rules of DOMAIN §8 that count days: consecutive missing workdays (escalation to the
// supervisor) and late days in a month. Each is a small state per employee that the sweep carries
// from day to day (the store keeps it beside the warnings, in the same transaction), advanced by
// one pure step per judged day. A day on or before the state's last day changes nothing, so a
// sweep rerun or a backfill of an earlier day never counts a day twice.

#include <optional>

#include "absl/time/civil_time.h"
#include "domain/warning_checks.h"
#include "domain/warning_rules.h"

namespace ekinerja::warning {

// How a judged day bears on the streak of missing reports.
enum class DayOutcome {
  kNotOwed,  // not a workday, or an approved absence: neutral, neither adds nor breaks
  kFiled,    // a report was owed and submitted: the streak breaks
  kMissing,  // a report was owed and nothing submitted: the streak grows
};

// The outcome of one employee-day (ReportOwed, MissingReport).
DayOutcome OutcomeOf(const EmployeeDay& d);

// A count of days up to and including last_day.
struct DayCount {
  absl::CivilDay last_day;
  int count = 0;
  bool operator==(const DayCount& o) const { return last_day == o.last_day && count == o.count; }
};

// The state after a step, and whether that step warns.
struct CountStep {
  DayCount state;
  bool warn = false;
};

// DOMAIN §8 escalation: consecutive workdays missing. From `previous` (nullopt: nothing judged
// yet) and `day`'s outcome: kMissing adds one, kFiled resets to 0, kNotOwed keeps the count (a
// holiday or an approved absence between missing days does not break the run; a weekend is not
// a workday). The step warns exactly when the count reaches escalation_workdays (3 by default),
// once per run. The caller judges the days in order without a gap; a day on or before
// previous->last_day returns `previous` unchanged and no warning.
CountStep NextMissingStreak(const std::optional<DayCount>& previous, absl::CivilDay day,
                            DayOutcome outcome, const WarningRules& rules);

// DOMAIN §8 attendance: late days in a calendar month. A day of a month other than
// previous->last_day's starts from 0; a late day adds one; the step warns exactly when the count
// reaches late_times (the 3rd late day by default), once per month. A day on or before
// previous->last_day returns `previous` unchanged and no warning.
CountStep NextLateCount(const std::optional<DayCount>& previous, absl::CivilDay day, bool late,
                        const WarningRules& rules);

}  // namespace ekinerja::warning
