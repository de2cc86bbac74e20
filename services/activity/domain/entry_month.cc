#include "domain/entry_month.h"

#include <set>

namespace ekinerja::activity {

Rational MinuteCapaian(int64_t approved_minutes, int64_t target_minutes) {
  if (target_minutes <= 0) return Rational(approved_minutes, 0);  // invalid
  const Rational capaian(approved_minutes, target_minutes);
  return capaian > 1 ? Rational(1) : capaian;
}

Rational ApprovalRatio(int64_t approved_entries, int64_t submitted_entries) {
  if (submitted_entries == 0) return Rational(0);
  return Rational(approved_entries, submitted_entries);
}

MonthSummary Summarize(const std::vector<DayFacts>& days, const std::vector<EntryFacts>& entries,
                       int64_t target_minutes) {
  MonthSummary s;
  s.target_minutes = target_minutes;
  std::set<absl::CivilDay> submitted_days, approved_days;
  int64_t submitted = 0, approved = 0;
  for (const EntryFacts& e : entries) {
    ++s.entries_by_status[e.status];
    if (WasSubmitted(e.status)) {
      ++submitted;
      submitted_days.insert(e.date);
    }
    if (e.status == EntryStatus::kApproved) {
      ++approved;
      approved_days.insert(e.date);
      s.approved_minutes += e.earned_minutes;
    }
  }
  for (const DayFacts& d : days) {
    if (!d.workday) continue;
    ++s.workdays;
    if (!d.present) continue;
    ++s.workdays_present;
    if (submitted_days.count(d.date) == 0) s.present_without_submitted.push_back(d.date);
    if (approved_days.count(d.date) == 0) s.present_without_approved.push_back(d.date);
  }
  s.capaian = MinuteCapaian(s.approved_minutes, target_minutes);
  s.approval_ratio = ApprovalRatio(approved, submitted);
  return s;
}

}  // namespace ekinerja::activity
