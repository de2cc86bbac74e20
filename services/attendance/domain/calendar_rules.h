#pragma once

// The checks of the tenant's calendar data (DOMAIN §4, DESIGN §6: rules are data): schedule
// template codes and weeks, the built-in templates every tenant has, and the attendance rules.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "domain/schedule.h"
#include "domain/work_dates.h"

namespace ekinerja::attendance {

// OK for 1-16 characters of A-Z, 0-9, '-' and '_' ("5HK", "RAMADAN-2026"); INVALID_ARGUMENT with
// one violation on `field` otherwise.
absl::Status ValidateTemplateCode(std::string_view code, std::string_view field);

// The templates every tenant has without storing them: "5HK" (DefaultFiveDayWeek) and "6HK"
// (DefaultSixDayWeek), in that order, with their display names.
struct BuiltInTemplate {
  WeekTemplate week;
  std::string name;
};
std::vector<BuiltInTemplate> BuiltInTemplates();
bool IsBuiltInTemplate(std::string_view code);

// The seven days of a template, Monday first, as the API writes them ("HH:MM" start and end, both
// empty for a day off). INVALID_ARGUMENT with every violation: "<field>" when there are not
// exactly seven, "<field>[i].start" / "<field>[i].end" for a bad day (ParseWorkHours).
struct DayText {
  std::string start, end;
};
absl::StatusOr<std::array<std::optional<WorkHours>, 7>> ParseWeekDays(
    const std::vector<DayText>& days, std::string_view field);

// The tenant's attendance rules as the API gives them. Checked by ValidateRules:
// - time_zone: one of the Indonesian zones (IsIndonesianZone);
// - tier_max_minutes: exactly three, positive, strictly increasing, at most kMaxTierMinutes;
// - future_tolerance_minutes: 0..1440;
// - window_margin_minutes: 1..720 (0 would count no punch before the scheduled start);
// - work_dates: as ValidateWorkDateWindow.
inline constexpr int kMaxTierMinutes = 24 * 60;
struct RulesInput {
  std::string time_zone;
  std::vector<int> tier_max_minutes;
  int future_tolerance_minutes = 0;
  int window_margin_minutes = 0;
  WorkDateWindow work_dates;
};
// INVALID_ARGUMENT with one violation per bad field, each on "<prefix><field name>"
// ("rules.time_zone").
absl::Status ValidateRules(const RulesInput& rules, std::string_view prefix);

}  // namespace ekinerja::attendance
