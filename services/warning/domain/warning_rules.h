#pragma once

// A tenant's warning rule set (DOMAIN §8): which warnings it sends, when a day's report is due,
// and the thresholds of each rule. DOMAIN marks every figure *(default)*, so the rule set is data,
// versioned per tenant and audited when changed; DefaultWarningRules seeds a new tenant.

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>

#include "absl/status/status.h"

namespace ekinerja::warning {

// The rules of DOMAIN §8, plus the early reminder of issue 13 (the point is to prevent the cut,
// not only to record it).
enum class Rule {
  kMissingReport,
  kEscalation,
  kPendingApprovals,
  kNoCheckout,
  kLateRepeated,
  kSkpNotSubmitted,
  kSkpNotApproved,
  kLowKotak,
  kEarlyReminder,
};
inline constexpr int kRuleCount = 9;
inline constexpr std::array<Rule, kRuleCount> kAllRules = {
    Rule::kMissingReport,  Rule::kEscalation,   Rule::kPendingApprovals,
    Rule::kNoCheckout,     Rule::kLateRepeated, Rule::kSkpNotSubmitted,
    Rule::kSkpNotApproved, Rule::kLowKotak,     Rule::kEarlyReminder};

// "MISSING_REPORT", "ESCALATION", "PENDING_APPROVALS", "NO_CHECKOUT", "LATE_REPEATED",
// "SKP_NOT_SUBMITTED", "SKP_NOT_APPROVED", "LOW_KOTAK", "EARLY_REMINDER": the names the store and
// the API use.
std::string_view RuleName(Rule rule);
std::optional<Rule> ParseRule(std::string_view name);

// Whose inbox a warning lands in.
enum class Audience { kEmployee, kSupervisor, kBkpsdm };
// "EMPLOYEE", "SUPERVISOR", "BKPSDM".
std::string_view AudienceName(Audience audience);
std::optional<Audience> ParseAudience(std::string_view name);

// DOMAIN §8: the employee for their own day (missing report, early reminder, no check-out, late,
// SKP not submitted); the atasan langsung for what waits on them or what they must follow up
// (escalation, pending approvals, SKP not approved); BKPSDM of the tenant for low kotak.
Audience AudienceOf(Rule rule);

// A day of the year without the year (a deadline that recurs every year).
struct MonthDay {
  int month = 1;
  int day = 1;
};

struct WarningRules {
  int32_t version = 0;

  // Per rule, indexed by static_cast<int>(Rule): a switched-off rule creates no warnings.
  std::array<bool, kRuleCount> enabled{};
  bool Enabled(Rule rule) const { return enabled[static_cast<int>(rule)]; }

  // DOMAIN §5/§8: the report for day D is due by local (D + cutoff_days) at cutoff_minute
  // (minutes from midnight), inclusive: D+1 23:59 by default, activity's entry deadline.
  int cutoff_days = 1;
  int cutoff_minute = 23 * 60 + 59;
  // Issue 13: the early reminder on the day itself from this local minute (15:00).
  int early_reminder_minute = 15 * 60;
  // DOMAIN §8: the supervisor is warned after this many consecutive missing workdays.
  int escalation_workdays = 3;
  // DOMAIN §8: submissions waiting more than this many workdays.
  int pending_workdays = 3;
  // DOMAIN §8: the nth late day of a month warns.
  int late_times = 3;
  // DOMAIN §8 (PermenPANRB 6/2022 planning calendar): SKP submitted by 31 January, approved by
  // 15 February, both inclusive, local time.
  MonthDay skp_submit_by{1, 31};
  MonthDay skp_approve_by{2, 15};
  // DOMAIN §7: the monthly boxes with a low band, which BKPSDM is told about.
  std::set<int> low_kotak_boxes{1, 2, 3, 4, 7};
};

// The defaults of DOMAIN §8 with every rule switched on; version 1.
WarningRules DefaultWarningRules();

// OK, or INVALID_ARGUMENT with one field violation per bad field, named as the API's:
// "rules.cutoff_days" 0..7, "rules.cutoff_minute" and "rules.early_reminder_minute" 0..1439 (and
// the reminder before the cutoff when the cutoff is on the day itself),
// "rules.escalation_workdays" 1..31, "rules.pending_workdays" 1..60, "rules.late_times" 1..31,
// "rules.skp_submit_by" and "rules.skp_approve_by" a date of every year (no 29 February) with
// the approval not before the submission, "rules.low_kotak_boxes" boxes 1..9.
absl::Status Validate(const WarningRules& rules);

}  // namespace ekinerja::warning
