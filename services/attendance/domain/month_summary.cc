#include "domain/month_summary.h"

namespace ekinerja::attendance {

MonthSummary SummarizeMonth(const std::vector<DayOfMonth>& days) {
  MonthSummary m;
  for (const auto& d : days) {
    const DaySummary& s = d.summary;
    ++m.by_status[s.status];
    if (s.status == DayStatus::kLibur || !d.scheduled) continue;
    ++m.workdays;
    switch (s.status) {
      case DayStatus::kHadir:
      case DayStatus::kTerlambat:
      case DayStatus::kPulangCepat:
      case DayStatus::kTerlambatDanPulangCepat:
        ++m.tl_tier_days[s.tl_tier];
        ++m.psw_tier_days[s.psw_tier];
        m.minutes_late += s.minutes_late;
        m.minutes_early += s.minutes_early;
        break;
      default:
        break;
    }
  }
  return m;
}

}  // namespace ekinerja::attendance
