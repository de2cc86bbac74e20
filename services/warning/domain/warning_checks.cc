#include "domain/warning_checks.h"

#include <algorithm>

#include "civil.h"
#include "domain/gates.h"

namespace ekinerja::warning {
namespace {

// Monday to Friday not in `holidays`: the 5-day week of DOMAIN §4, holidays and cuti bersama
// from attendance's calendar.
bool IsWorkday(absl::CivilDay day, const std::set<absl::CivilDay>& holidays) {
  const absl::Weekday w = absl::GetWeekday(day);
  return w != absl::Weekday::saturday && w != absl::Weekday::sunday && holidays.count(day) == 0;
}

// The first instant after local `date` of `year` ended.
absl::Time EndOfYearlyDate(int year, MonthDay date, absl::TimeZone tz) {
  return StartOfDay(absl::CivilDay(year, date.month, date.day) + 1, tz);
}

bool IsYearlyDate(absl::CivilDay day, MonthDay date) {
  return day.month() == date.month && day.day() == date.day;
}

}  // namespace

absl::Time ReportDeadline(absl::CivilDay day, const WarningRules& rules, absl::TimeZone tz) {
  // Activity's gate computes the same instant; calling it keeps one definition of "due".
  return activity::EntryDeadline(
      day, activity::DeadlineRule{rules.cutoff_days, rules.cutoff_minute}, tz);
}

bool DailySweepDue(absl::CivilDay day, absl::Time now, const WarningRules& rules,
                   absl::TimeZone tz) {
  return now >= ReportDeadline(day, rules, tz);
}

absl::Time EarlyReminderFrom(absl::CivilDay day, const WarningRules& rules, absl::TimeZone tz) {
  return absl::FromCivil(absl::CivilMinute(day) + rules.early_reminder_minute, tz);
}

bool ReportOwed(const EmployeeDay& d) {
  return d.workday && (d.checked_in || d.absence_kind.empty());
}

bool MissingReport(const EmployeeDay& d) { return ReportOwed(d) && d.submitted == 0; }

bool EarlyReminder(const EmployeeDay& d) { return d.workday && d.checked_in && d.submitted == 0; }

bool NoCheckout(const EmployeeDay& d) { return d.workday && d.has_first_in && !d.has_last_out; }

bool Late(const EmployeeDay& d) { return d.workday && d.tl_tier > 0; }

absl::Time PendingSubmittedBefore(absl::CivilDay day, const WarningRules& rules,
                                  const std::set<absl::CivilDay>& holidays, absl::TimeZone tz) {
  // Walk back from `day` to the (N+1)th workday. Terminates: holidays is finite, so workdays
  // keep coming (and a negative N, which Validate refuses, reads as 0).
  const int wanted = std::max(rules.pending_workdays, 0) + 1;
  int found = 0;
  absl::CivilDay w = day;
  for (;; --w) {
    if (IsWorkday(w, holidays) && ++found == wanted) break;
  }
  return StartOfDay(w, tz);
}

bool SkpSubmitCheckDay(absl::CivilDay day, const WarningRules& rules) {
  return IsYearlyDate(day, rules.skp_submit_by);
}

bool SkpNotSubmitted(std::optional<absl::Time> first_submit, int year, const WarningRules& rules,
                     absl::TimeZone tz) {
  return !first_submit || *first_submit >= EndOfYearlyDate(year, rules.skp_submit_by, tz);
}

bool SkpApproveCheckDay(absl::CivilDay day, const WarningRules& rules) {
  return IsYearlyDate(day, rules.skp_approve_by);
}

bool SkpNotApproved(std::optional<absl::Time> first_submit, std::optional<absl::Time> first_approve,
                    int year, const WarningRules& rules, absl::TimeZone tz) {
  const absl::Time end = EndOfYearlyDate(year, rules.skp_approve_by, tz);
  if (!first_submit || *first_submit >= end) return false;
  return !first_approve || *first_approve >= end;
}

bool LowKotak(int box, const WarningRules& rules) { return rules.low_kotak_boxes.count(box) > 0; }

}  // namespace ekinerja::warning
