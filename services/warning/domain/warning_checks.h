#pragma once

// When each warning rule of DOMAIN §8 fires, as pure functions of plain facts: the report's
// cutoff and the early reminder in the tenant's zone, one employee-day's facts (attendance's day
// and activity's filings), the pending-approvals threshold, the SKP deadlines and the low kotak.
// The streaks (escalation, late days in a month) are in warning_streaks.h.

#include <optional>
#include <set>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "domain/warning_rules.h"

namespace ekinerja::warning {

// ---- The day's cutoff (the tenant's zone: the cutoff is local time)

// DOMAIN §5/§8: the first instant after the report for `day` was due, i.e. local
// (day + cutoff_days) at cutoff_minute, plus one minute: 00:00:00 of D+2 by default (23:59:59
// of D+1 is still in time). The same instant as activity's entry deadline for the same
// settings, so a warning never comes while an entry would still be accepted.
absl::Time ReportDeadline(absl::CivilDay day, const WarningRules& rules, absl::TimeZone tz);

// The daily sweep may judge `day` at `now`: its reports were due (now >= ReportDeadline).
bool DailySweepDue(absl::CivilDay day, absl::Time now, const WarningRules& rules,
                   absl::TimeZone tz);

// Issue 13: the early reminder for `day` is sent from this instant on, local `day` at
// early_reminder_minute (15:00 by default).
absl::Time EarlyReminderFrom(absl::CivilDay day, const WarningRules& rules, absl::TimeZone tz);

// ---- One employee's day

// What the sweep knows of one employee on one day: attendance's day (StreamDays) and activity's
// filings (StreamDayFilings; 0 and 0 when the employee has no entry that day).
struct EmployeeDay {
  std::string nip;
  bool workday = false;
  // A check-in counts for the day (a punch or an approved correction) or an approved dinas luar
  // covers it: activity's gate for filing.
  bool checked_in = false;
  bool has_first_in = false;
  bool has_last_out = false;
  int tl_tier = 0;  // 0 on time .. 4 (DOMAIN §4)
  // The approved absence covering the day ("IZIN", "CUTI_TAHUNAN", "DINAS_LUAR", ...); "" none.
  std::string absence_kind;
  int entries = 0;    // non-withdrawn entries
  int submitted = 0;  // of them, submitted (SUBMITTED, APPROVED, REJECTED or RETURNED)
};

// DOMAIN §8: a report is owed for the day: a workday on which the employee was present or had no
// approved absence. A day off, or a day covered by an absence without a check-in, owes nothing
// (dinas luar counts as checked in: activity accepts entries for it).
bool ReportOwed(const EmployeeDay& d);

// DOMAIN §8 "missing daily report": a report was owed and nothing was submitted by the cutoff
// (the caller reads the filings after ReportDeadline). Entries saved but never submitted do not
// count: the supervisor never saw them.
bool MissingReport(const EmployeeDay& d);

// Issue 13 early reminder: a workday, checked in, nothing submitted yet (asked from
// EarlyReminderFrom on, before the cutoff).
bool EarlyReminder(const EmployeeDay& d);

// DOMAIN §8 attendance: a workday with a first check-in and no check-out (DOMAIN §6 charges it
// PSW tier 4).
bool NoCheckout(const EmployeeDay& d);

// DOMAIN §8 attendance: a late workday, any TL tier above 0 (tier 4 includes a check-out without
// a check-in, DOMAIN §6).
bool Late(const EmployeeDay& d);

// ---- Pending approvals

// DOMAIN §8 "submissions waiting more than pending_workdays workdays", judged for `day`: a
// submission made on local date S has waited the workdays after S up to and including `day`
// (workdays: Monday to Friday not in `holidays`; the submission's own day does not count, `day`
// does). It has waited MORE than N exactly when S is before W, the (N+1)th workday counting back
// from `day` (`day` itself first when it is a workday). Returns the start of W in `tz`: a
// submission strictly before it is overdue. Default N = 3, `day` Friday 9 October 2026, no
// holidays: W = Tuesday 6 October, so Monday's submissions are overdue (Tue, Wed, Thu, Fri
// waited) and Tuesday's are not (Wed, Thu, Fri).
absl::Time PendingSubmittedBefore(absl::CivilDay day, const WarningRules& rules,
                                  const std::set<absl::CivilDay>& holidays, absl::TimeZone tz);

// ---- SKP (DOMAIN §8; PermenPANRB 6/2022)

// The sweep of `day` judges SKP submission: `day` is skp_submit_by (31 January) of its year. The
// warning's day is that date, judged once its cutoff has passed like any day.
bool SkpSubmitCheckDay(absl::CivilDay day, const WarningRules& rules);

// The employee's SKP of `year` was not submitted by skp_submit_by 23:59:59 local: never
// submitted, or first submitted from the next day on.
bool SkpNotSubmitted(std::optional<absl::Time> first_submit, int year, const WarningRules& rules,
                     absl::TimeZone tz);

// The sweep of `day` judges SKP approval: `day` is skp_approve_by (15 February) of its year.
bool SkpApproveCheckDay(absl::CivilDay day, const WarningRules& rules);

// The supervisor was given an SKP of `year` to approve and did not approve it by
// skp_approve_by 23:59:59 local: submitted before that instant, and never approved or first
// approved from the next day on. An SKP never submitted by then is the employee's omission
// (SKP_NOT_SUBMITTED), not the supervisor's: nothing waited on them.
bool SkpNotApproved(std::optional<absl::Time> first_submit, std::optional<absl::Time> first_approve,
                    int year, const WarningRules& rules, absl::TimeZone tz);

// ---- Kotak kinerja

// DOMAIN §7/§8: the monthly box is one BKPSDM is told about (1, 2, 3, 4, 7 by default).
bool LowKotak(int box, const WarningRules& rules);

}  // namespace ekinerja::warning
