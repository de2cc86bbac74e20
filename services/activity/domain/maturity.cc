#include "domain/maturity.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"

namespace ekinerja::activity {
namespace {

constexpr int kTopLevel = 6;

// part / whole >= percent / 100, exactly (80% of 10 days is 8 days).
bool AtLeastPercent(int64_t part, int64_t whole, int percent) {
  return part * 100 >= whole * percent;
}

std::optional<std::string> MinuteShare(int64_t part, int64_t whole, int percent, const char* what) {
  if (whole == 0) return "no entry minutes";
  if (AtLeastPercent(part, whole, percent)) return std::nullopt;
  return absl::StrCat(part, " of ", whole, " entry minutes ", what, ", under ", percent, "%");
}

}  // namespace

std::optional<std::string> LevelShortfall(int level, const MaturityFacts& f,
                                          const MaturityThresholds& t) {
  switch (level) {
    case 1:
      if (f.workdays_present == 0) return "no workday present";
      if (AtLeastPercent(f.days_with_entries, f.workdays_present, t.entry_days_percent)) break;
      return absl::StrCat("entries on ", f.days_with_entries, " of ", f.workdays_present,
                          " workdays present, under ", t.entry_days_percent, "%");
    case 2:
      return MinuteShare(f.rhk_minutes, f.entry_minutes, t.rhk_minutes_percent,
                         "name an RHK of the approved SKP");
    case 3:
      if (f.rhks == 0) return "no approved SKP with an RHK";
      if (f.rhks_with_breakdown == f.rhks) break;
      return absl::StrCat(f.rhks_with_breakdown, " of ", f.rhks,
                          " RHKs have a breakdown for the month");
    case 4:
      if (f.rhks == 0) return "no approved SKP with an RHK";
      if (f.top_of_tree || f.rhks_linked == f.rhks) break;
      return absl::StrCat(f.rhks_linked, " of ", f.rhks,
                          " RHKs are linked to an RHK of the atasan's SKP");
    case 5:
      if (!f.position_has_catalogue) return "the position has no norma waktu catalogue";
      return MinuteShare(f.catalogue_minutes, f.entry_minutes, t.catalogue_minutes_percent,
                         "use the catalogue");
    case 6:
      if (!f.month_locked) return "the month's TPP run is not locked";
      break;
  }
  return std::nullopt;
}

Maturity MaturityOf(const MaturityFacts& facts, const MaturityThresholds& thresholds) {
  Maturity m;
  for (int level = 1; level <= kTopLevel; ++level) {
    if (std::optional<std::string> why = LevelShortfall(level, facts, thresholds)) {
      m.held_back_by = level;
      m.reason = *std::move(why);
      return m;
    }
    m.level = level;
  }
  return m;
}

MaturityFacts MaturityFactsOf(int month, const std::vector<DayFacts>& days,
                              const std::vector<MaturityEntry>& entries,
                              const std::vector<MaturityRhk>& rhks, bool top_of_tree,
                              bool position_has_catalogue, bool month_locked) {
  MaturityFacts f;
  std::set<absl::CivilDay> present;
  for (const DayFacts& d : days) {
    if (d.workday && d.present) present.insert(d.date);
  }
  f.workdays_present = static_cast<int>(present.size());
  std::set<int64_t> plan_rhks;
  for (const MaturityRhk& r : rhks) {
    plan_rhks.insert(r.id);
    ++f.rhks;
    const auto& months = r.breakdown_months;
    if (std::find(months.begin(), months.end(), month) != months.end()) ++f.rhks_with_breakdown;
    if (r.parent_rhk_id != 0) ++f.rhks_linked;
  }
  std::set<absl::CivilDay> entry_days;
  for (const MaturityEntry& e : entries) {
    if (!HoldsTime(e.status)) continue;
    if (present.count(e.date)) entry_days.insert(e.date);
    f.entry_minutes += e.minutes;
    if (e.rhk_id != 0 && plan_rhks.count(e.rhk_id)) f.rhk_minutes += e.minutes;
    if (e.catalogued) f.catalogue_minutes += e.minutes;
  }
  f.days_with_entries = static_cast<int>(entry_days.size());
  f.top_of_tree = top_of_tree;
  f.position_has_catalogue = position_has_catalogue;
  f.month_locked = month_locked;
  return f;
}

}  // namespace ekinerja::activity
