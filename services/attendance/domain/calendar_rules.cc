#include "domain/calendar_rules.h"

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "domain/hhmm.h"
#include "status.h"
#include "text.h"

namespace ekinerja::attendance {
namespace {

constexpr size_t kMaxTemplateCode = 16;

std::string Str(std::string_view s) { return std::string(s); }

}  // namespace

absl::Status ValidateTemplateCode(std::string_view code, std::string_view field) {
  if (code.empty()) return InvalidField(Str(field), "required");
  if (code.size() > kMaxTemplateCode) {
    return InvalidField(Str(field), absl::StrCat("at most ", kMaxTemplateCode, " characters"));
  }
  for (char c : code) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) {
      return InvalidField(Str(field), "only upper-case letters A-Z, digits, '-' and '_'");
    }
  }
  return absl::OkStatus();
}

std::vector<BuiltInTemplate> BuiltInTemplates() {
  return {{DefaultFiveDayWeek(), "5 hari kerja"}, {DefaultSixDayWeek(), "6 hari kerja"}};
}

bool IsBuiltInTemplate(std::string_view code) {
  for (const BuiltInTemplate& t : BuiltInTemplates()) {
    if (t.week.code == code) return true;
  }
  return false;
}

absl::StatusOr<std::array<std::optional<WorkHours>, 7>> ParseWeekDays(
    const std::vector<DayText>& days, std::string_view field) {
  if (days.size() != 7) {
    return InvalidField(Str(field),
                        absl::StrCat("exactly 7 days, Monday first; got ", days.size()));
  }
  std::array<std::optional<WorkHours>, 7> week;
  Violations v;
  for (size_t i = 0; i < days.size(); ++i) {
    absl::StatusOr<std::optional<WorkHours>> hours =
        ParseWorkHours(days[i].start, days[i].end, absl::StrCat(Str(field), "[", i, "]"));
    v.Merge(hours.status());
    if (hours.ok()) week[i] = *hours;
  }
  EK_RETURN_IF_ERROR(v.ToStatus());
  return week;
}

absl::Status ValidateRules(const RulesInput& rules, std::string_view prefix) {
  const std::string p(prefix);
  Violations v;
  if (rules.time_zone.empty()) {
    v.Add(p + "time_zone", "required: Asia/Jakarta, Asia/Makassar or Asia/Jayapura");
  } else if (!CheckText(v, p + "time_zone", rules.time_zone, kNameText)) {
    // described without quoting it
  } else if (!IsIndonesianZone(rules.time_zone)) {
    v.Add(p + "time_zone", absl::StrCat("\"", rules.time_zone,
                                        "\" is not Asia/Jakarta, Asia/Makassar or Asia/Jayapura"));
  }
  const std::vector<int>& tiers = rules.tier_max_minutes;
  if (tiers.size() != 3) {
    v.Add(p + "tier_max_minutes",
          absl::StrCat("exactly 3 upper bounds (tiers 1, 2, 3); got ", tiers.size()));
  } else if (tiers[0] <= 0 || tiers[1] <= tiers[0] || tiers[2] <= tiers[1]) {
    v.Add(p + "tier_max_minutes", "positive and strictly increasing (e.g. 30, 60, 90)");
  } else if (tiers[2] > kMaxTierMinutes) {
    v.Add(p + "tier_max_minutes", absl::StrCat("each at most ", kMaxTierMinutes, " (a day)"));
  }
  if (rules.future_tolerance_minutes < 0 || rules.future_tolerance_minutes > 24 * 60) {
    v.Add(p + "future_tolerance_minutes", "between 0 and 1440");
  }
  if (rules.window_margin_minutes < 1 || rules.window_margin_minutes > 720) {
    v.Add(p + "window_margin_minutes", "between 1 and 720");
  }
  v.Merge(ValidateWorkDateWindow(rules.work_dates, prefix));
  return v.ToStatus();
}

}  // namespace ekinerja::attendance
