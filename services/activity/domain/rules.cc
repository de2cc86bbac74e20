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
  // Each band below the one above it; the lowest above 0.
  const EjBands& b = rules.ej_bands;
  const auto below = [&](absl::string_view field, int value, int above, absl::string_view name) {
    if (value < 1 || value >= above) {
      out.push_back({absl::StrCat("rules.", field), absl::StrCat("from 1, below ", name)});
    }
  };
  range("ej_a_above_bp", b.a_above_bp, 1, 100000);
  below("ej_b_from_bp", b.b_from_bp, b.a_above_bp, "ej_a_above_bp");
  below("ej_c_from_bp", b.c_from_bp, b.b_from_bp, "ej_b_from_bp");
  below("ej_d_from_bp", b.d_from_bp, b.c_from_bp, "ej_c_from_bp");
  const MaturityThresholds& m = rules.maturity;
  range("maturity_entry_days_percent", m.entry_days_percent, 1, 100);
  range("maturity_rhk_minutes_percent", m.rhk_minutes_percent, 1, 100);
  range("maturity_catalogue_minutes_percent", m.catalogue_minutes_percent, 1, 100);
  return out;
}

}  // namespace ekinerja::activity
