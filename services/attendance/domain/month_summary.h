#pragma once

// One employee's month as scoring and warnings read it (issue 4 §6): workdays, days by status,
// days by TL and PSW tier, and the minutes late and early, from the month's daily summaries.

#include <array>
#include <map>
#include <optional>
#include <vector>

#include "domain/day_classifier.h"
#include "domain/schedule.h"

namespace ekinerja::attendance {

struct DayOfMonth {
  std::optional<WorkHours> scheduled;  // nullopt: a day off or a holiday
  DaySummary summary;
};

struct MonthSummary {
  // Days with scheduled hours that are not holidays: LIBUR is never a workday.
  int workdays = 0;
  std::map<DayStatus, int> by_status;
  // Days at tier 0..4, counted on the workdays judged by punches (HADIR, TERLAMBAT,
  // PULANG_CEPAT, both): absences and TANPA_KETERANGAN carry no tier (DOMAIN §6.3).
  std::array<int, 5> tl_tier_days{};
  std::array<int, 5> psw_tier_days{};
  int minutes_late = 0;
  int minutes_early = 0;
};

MonthSummary SummarizeMonth(const std::vector<DayOfMonth>& days);

}  // namespace ekinerja::attendance
