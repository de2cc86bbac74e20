#pragma once

// Maturity levels (DOMAIN §9, Banjar), measured per employee and month, each level requiring the
// ones below; the percentages are the tenant's (default 80), compared exactly:
//   1 entries on at least 80% of the workdays present
//   2 at least 80% of the month's entry minutes name an RHK of the approved SKP
//   3 every RHK of the approved SKP has a breakdown for this month
//   4 every RHK is linked to an RHK of the atasan's approved SKP (the top of the tree is exempt)
//   5 the position has a norma waktu catalogue and at least 80% of entry minutes use it
//   6 the month's TPP run is locked (and the kotak kinerja was computed from it)

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/entry_lifecycle.h"
#include "domain/entry_month.h"

namespace ekinerja::activity {

struct MaturityThresholds {
  int entry_days_percent = 80;
  int rhk_minutes_percent = 80;
  int catalogue_minutes_percent = 80;
};

struct MaturityFacts {
  int workdays_present = 0;
  int days_with_entries = 0;  // of the workdays present
  int64_t entry_minutes = 0;
  int64_t rhk_minutes = 0;  // entry minutes naming an RHK of the approved SKP
  int rhks = 0;             // RHKs of the approved SKP (0 without one)
  int rhks_with_breakdown = 0;
  int rhks_linked = 0;  // linked to an RHK of the atasan's approved SKP
  bool top_of_tree = false;
  bool position_has_catalogue = false;
  int64_t catalogue_minutes = 0;  // entry minutes naming a catalogue item
  bool month_locked = false;
};

struct Maturity {
  int level = 0;         // 0..6
  int held_back_by = 0;  // the first level not reached; 0 at 6
  std::string reason;    // why that level is not reached; "" at 6
};

// Why `level` (1..6) is not reached on its own criterion, ignoring the levels below; nullopt when
// it is. "no workday present", "entries on 7 of 10 workdays present, under 80%", ...
std::optional<std::string> LevelShortfall(int level, const MaturityFacts& facts,
                                          const MaturityThresholds& thresholds);

// An entry of the month as the levels read it: its day, span, status, RHK (0: tugas tambahan)
// and whether it names a catalogue item.
struct MaturityEntry {
  absl::CivilDay date;
  int64_t minutes = 0;
  EntryStatus status = EntryStatus::kDraft;
  int64_t rhk_id = 0;
  bool catalogued = false;
};

// An RHK of the approved plan: its id, the atasan's RHK it is linked to (0: none), and the months
// (1-12) it has a breakdown for.
struct MaturityRhk {
  int64_t id = 0;
  int64_t parent_rhk_id = 0;
  std::vector<int> breakdown_months;
};

// The facts of one employee's `month` (1-12): the days present are the workdays present of
// `days`; the entries that count are those that hold time (HoldsTime: a rejected or withdrawn one
// records nothing), their minutes the span; an entry names an RHK of the approved SKP when its
// rhk_id is one of `rhks` (the plan in force); an RHK is linked when it names an atasan's RHK
// (SKP checked that link against the atasan's approved SKP when it approved the plan).
MaturityFacts MaturityFactsOf(int month, const std::vector<DayFacts>& days,
                              const std::vector<MaturityEntry>& entries,
                              const std::vector<MaturityRhk>& rhks, bool top_of_tree,
                              bool position_has_catalogue, bool month_locked);

// The highest level whose criterion and every one below it are met.
Maturity MaturityOf(const MaturityFacts& facts, const MaturityThresholds& thresholds);

}  // namespace ekinerja::activity
