#include "domain/warning_streaks.h"

namespace ekinerja::warning {

DayOutcome OutcomeOf(const EmployeeDay& d) {
  if (!ReportOwed(d)) return DayOutcome::kNotOwed;
  return MissingReport(d) ? DayOutcome::kMissing : DayOutcome::kFiled;
}

CountStep NextMissingStreak(const std::optional<DayCount>& previous, absl::CivilDay day,
                            DayOutcome outcome, const WarningRules& rules) {
  if (previous && day <= previous->last_day) return {*previous, false};
  int count = previous ? previous->count : 0;
  switch (outcome) {
    case DayOutcome::kNotOwed:
      break;
    case DayOutcome::kFiled:
      count = 0;
      break;
    case DayOutcome::kMissing:
      ++count;
      break;
  }
  return {{day, count}, outcome == DayOutcome::kMissing && count == rules.escalation_workdays};
}

CountStep NextLateCount(const std::optional<DayCount>& previous, absl::CivilDay day, bool late,
                        const WarningRules& rules) {
  if (previous && day <= previous->last_day) return {*previous, false};
  const bool same_month = previous && absl::CivilMonth(previous->last_day) == absl::CivilMonth(day);
  const int count = (same_month ? previous->count : 0) + (late ? 1 : 0);
  return {{day, count}, late && count == rules.late_times};
}

}  // namespace ekinerja::warning
