#pragma once

// What a warning says (issue 13 item 3), in Bahasa Indonesia and short enough for a phone: the
// rule as a title, the fact with its day(s), what to do, and the TPP at stake where the tenant's
// TPP rule set says (DOMAIN §6: each workday without a report costs missing_report_bp of the
// produktivitas part). The text is written once, when the warning is created, and stored with it:
// a later change of the rule set does not rewrite what a user was told.

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "domain/warning_rules.h"

namespace ekinerja::warning {

struct WarningText {
  std::string title;
  std::string message;   // the fact, naming the day(s)
  std::string action;    // what to do
  std::string at_stake;  // the TPP at stake; "" where the rule costs nothing by itself
};

// "Senin, 5 Oktober 2026": weekday, day, month name, year, as Indonesian letters write a date.
std::string FormatTanggal(absl::CivilDay day);

// "Oktober 2026".
std::string FormatBulan(int year, int month);

// A rate in basis points as a percentage with the Indonesian decimal comma and no trailing
// zeros: 200 → "2%", 250 → "2,5%", 125 → "1,25%", 5 → "0,05%", 0 → "0%".
std::string FormatPercentBp(int32_t bp);

// "pukul 23.59 WIB": a local minute on the wall clock with the zone's Indonesian abbreviation
// (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura; any other zone by its IANA name).
std::string FormatPukul(absl::CivilMinute minute, absl::TimeZone tz);

// "Potongan 2% dari bagian produktivitas TPP per hari"; "" when the rate is 0 (nothing at stake).
std::string MissingReportStake(int32_t missing_report_bp);

// One function per rule; each names what the rule's warning is about.

// MISSING_REPORT for `day`, naming the cutoff that passed.
WarningText MissingReportText(absl::CivilDay day, const WarningRules& rules, absl::TimeZone tz,
                              int32_t missing_report_bp);
// EARLY_REMINDER on `day`, naming the cutoff still ahead.
WarningText EarlyReminderText(absl::CivilDay day, const WarningRules& rules, absl::TimeZone tz,
                              int32_t missing_report_bp);
// ESCALATION to the supervisor: `subject_nip` missed `days` consecutive workdays up to
// `last_day`.
WarningText EscalationText(std::string_view subject_nip, int days, absl::CivilDay last_day,
                           int32_t missing_report_bp);
// PENDING_APPROVALS: `count` submissions waiting more than pending_workdays workdays, the oldest
// submitted at `oldest_submit`. At stake for the subordinates: DOMAIN §6 deducts per workday
// without an APPROVED report.
WarningText PendingApprovalsText(int count, absl::Time oldest_submit, const WarningRules& rules,
                                 absl::TimeZone tz, int32_t missing_report_bp);
// NO_CHECKOUT for `day`.
WarningText NoCheckoutText(absl::CivilDay day);
// LATE_REPEATED: the `count`th late day of the month, on `day`.
WarningText LateRepeatedText(int count, absl::CivilDay day);
// SKP_NOT_SUBMITTED for the SKP of `year`.
WarningText SkpNotSubmittedText(int year, const WarningRules& rules);
// SKP_NOT_APPROVED to the supervisor, for `subject_nip`'s SKP of `year`.
WarningText SkpNotApprovedText(std::string_view subject_nip, int year, const WarningRules& rules);
// LOW_KOTAK to BKPSDM: `subject_nip` in monthly `box` (1..9) of `month` of `year`.
WarningText LowKotakText(std::string_view subject_nip, int box, int year, int month);

}  // namespace ekinerja::warning
