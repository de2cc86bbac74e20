#include "domain/warning_rules.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "enum_names.h"
#include "status.h"
#include "wall_clock.h"

namespace ekinerja::warning {
namespace {

constexpr EnumNames<Rule, kRuleCount> kRuleNames = {{
    {Rule::kMissingReport, "MISSING_REPORT"},
    {Rule::kEscalation, "ESCALATION"},
    {Rule::kPendingApprovals, "PENDING_APPROVALS"},
    {Rule::kNoCheckout, "NO_CHECKOUT"},
    {Rule::kLateRepeated, "LATE_REPEATED"},
    {Rule::kSkpNotSubmitted, "SKP_NOT_SUBMITTED"},
    {Rule::kSkpNotApproved, "SKP_NOT_APPROVED"},
    {Rule::kLowKotak, "LOW_KOTAK"},
    {Rule::kEarlyReminder, "EARLY_REMINDER"},
}};

constexpr EnumNames<Audience, 3> kAudienceNames = {{
    {Audience::kEmployee, "EMPLOYEE"},
    {Audience::kSupervisor, "SUPERVISOR"},
    {Audience::kBkpsdm, "BKPSDM"},
}};

// Days of each month in a common year: a yearly deadline must exist every year, so 29 February
// is refused.
constexpr int kDaysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool IsYearlyDate(MonthDay d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= kDaysInMonth[d.month - 1];
}

}  // namespace

std::string_view RuleName(Rule rule) { return NameOf(kRuleNames, rule); }

std::optional<Rule> ParseRule(std::string_view name) { return ValueOf(kRuleNames, name); }

std::string_view AudienceName(Audience audience) { return NameOf(kAudienceNames, audience); }

std::optional<Audience> ParseAudience(std::string_view name) {
  return ValueOf(kAudienceNames, name);
}

Audience AudienceOf(Rule rule) {
  switch (rule) {
    case Rule::kEscalation:
    case Rule::kPendingApprovals:
    case Rule::kSkpNotApproved:
      return Audience::kSupervisor;
    case Rule::kLowKotak:
      return Audience::kBkpsdm;
    case Rule::kMissingReport:
    case Rule::kNoCheckout:
    case Rule::kLateRepeated:
    case Rule::kSkpNotSubmitted:
    case Rule::kEarlyReminder:
      return Audience::kEmployee;
  }
  return Audience::kEmployee;
}

WarningRules DefaultWarningRules() {
  WarningRules r;
  r.version = 1;
  r.enabled.fill(true);
  return r;
}

absl::Status Validate(const WarningRules& rules) {
  Violations v;
  const auto range = [&](const char* field, int64_t value, int64_t low, int64_t high) {
    if (value < low || value > high) {
      v.Add(absl::StrCat("rules.", field), absl::StrCat(low, " to ", high, ", got ", value));
    }
  };
  // A week past the day is as late as activity's own deadline may be set (rules.h).
  range("cutoff_days", rules.cutoff_days, 0, 7);
  range("cutoff_minute", rules.cutoff_minute, 0, kMinutesPerDay - 1);
  range("early_reminder_minute", rules.early_reminder_minute, 0, kMinutesPerDay - 1);
  // A reminder after the report is due would remind of what can no longer be done.
  if (rules.cutoff_days == 0 && rules.early_reminder_minute >= 0 &&
      rules.early_reminder_minute > rules.cutoff_minute) {
    v.Add("rules.early_reminder_minute", "must not be after cutoff_minute on the day itself");
  }
  range("escalation_workdays", rules.escalation_workdays, 1, 31);
  range("pending_workdays", rules.pending_workdays, 1, 60);
  range("late_times", rules.late_times, 1, 31);
  if (!IsYearlyDate(rules.skp_submit_by)) {
    v.Add("rules.skp_submit_by", "must be a date of every year (month 1-12, no 29 February)");
  }
  if (!IsYearlyDate(rules.skp_approve_by)) {
    v.Add("rules.skp_approve_by", "must be a date of every year (month 1-12, no 29 February)");
  } else if (IsYearlyDate(rules.skp_submit_by) &&
             (rules.skp_approve_by.month < rules.skp_submit_by.month ||
              (rules.skp_approve_by.month == rules.skp_submit_by.month &&
               rules.skp_approve_by.day < rules.skp_submit_by.day))) {
    v.Add("rules.skp_approve_by", "must not be before skp_submit_by");
  }
  for (int box : rules.low_kotak_boxes) {
    if (box < 1 || box > 9) {
      v.Add("rules.low_kotak_boxes", absl::StrCat("boxes are 1 to 9, got ", box));
      break;
    }
  }
  return v.ToStatus("invalid warning rule set");
}

}  // namespace ekinerja::warning
