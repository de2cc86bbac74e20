#pragma once

// A tenant's activity rule set, effective-dated (DOMAIN §5 and §9: the numbers marked
// *(default)* are tenant data): the entry deadline, the minute target, the day cap when presence
// is unknown, effective minutes per workday for beban kerja, whether catalogue minutes are capped
// by the span, the EJ bands and the maturity thresholds.

#include <cstdint>
#include <vector>

#include "absl/time/civil_time.h"
#include "domain/gates.h"
#include "domain/maturity.h"
#include "domain/workload.h"
#include "status.h"

namespace ekinerja::activity {

struct ActivityRules {
  absl::CivilDay effective_from = absl::CivilDay(2000, 1, 1);
  DeadlineRule deadline;          // D+1 23:59
  int64_t target_minutes = 6750;  // Bandung E-RK (also seen 6000, 7260)
  int unknown_presence_minutes = 450;
  int effective_minutes_per_workday = 300;  // Perka BKN 19/2011
  bool cap_norm_by_span = true;
  EjBands ej_bands;
  MaturityThresholds maturity;
  int version = 0;
};

// The defaults of DOMAIN §5 and §9, in force from 2000-01-01 until a tenant sets its own.
ActivityRules NationalDefaults();

// One violation per bad field, named as the API's: "rules.deadline_days_after" 0..7,
// "rules.deadline_minute_of_day" 0..1439, "rules.target_minutes" 1..100000,
// "rules.unknown_presence_minutes" 1..1440, "rules.effective_minutes_per_workday" 1..1440,
// "rules.ej_a_above_bp" 1..100000, "rules.ej_b_from_bp", "rules.ej_c_from_bp" and
// "rules.ej_d_from_bp" each from 1 and below the band above it (a > b > c > d > 0),
// "rules.maturity_entry_days_percent", "rules.maturity_rhk_minutes_percent" and
// "rules.maturity_catalogue_minutes_percent" 1..100 (DOMAIN §9).
std::vector<FieldViolation> RulesViolations(const ActivityRules& rules);

}  // namespace ekinerja::activity
