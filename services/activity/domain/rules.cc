#include "domain/rules.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace ekinerja::activity {

ActivityRules NationalDefaults() { return ActivityRules{}; }

std::vector<FieldViolation> RulesViolations(const ActivityRules& rules) {
  std::vector<FieldViolation> out;
  const auto range = [&](absl::string_view field, int64_t value, int64_t low, int64_t high) {
    if (value < low || value > high) {
      out.push_back({absl::StrCat("rules.", field), absl::StrCat(low, " to ", high)});
    }
  };
  range("deadline_days_after", rules.deadline.days_after, 0, 7);
  range("deadline_minute_of_day", rules.deadline.minute_of_day, 0, 24 * 60 - 1);
  range("target_minutes", rules.target_minutes, 1, 100000);
  range("unknown_presence_minutes", rules.unknown_presence_minutes, 1, 24 * 60);
  range("effective_minutes_per_workday", rules.effective_minutes_per_workday, 1, 24 * 60);
  const EjBands& b = rules.ej_bands;
  if (!(b.a_above_bp > b.b_from_bp && b.b_from_bp > b.c_from_bp && b.c_from_bp > b.d_from_bp &&
        b.d_from_bp > 0)) {
    out.push_back(
        {"rules.ej_bands", "strictly decreasing: a_above > b_from > c_from > d_from > 0"});
  }
  const MaturityThresholds& m = rules.maturity;
  for (int percent : {m.entry_days_percent, m.rhk_minutes_percent, m.catalogue_minutes_percent}) {
    if (percent < 1 || percent > 100) {
      out.push_back({"rules.maturity", "each percent 1 to 100"});
      break;
    }
  }
  return out;
}

}  // namespace ekinerja::activity
