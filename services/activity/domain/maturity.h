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

// The highest level whose criterion and every one below it are met.
Maturity MaturityOf(const MaturityFacts& facts, const MaturityThresholds& thresholds);

}  // namespace ekinerja::activity
