#include "domain/maturity.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace ekinerja::activity {
namespace {

// An employee who reaches level 6: each test switches one criterion off.
MaturityFacts Full() {
  MaturityFacts f;
  f.workdays_present = 10;
  f.days_with_entries = 10;
  f.entry_minutes = 3000;
  f.rhk_minutes = 3000;
  f.rhks = 4;
  f.rhks_with_breakdown = 4;
  f.rhks_linked = 4;
  f.top_of_tree = false;
  f.position_has_catalogue = true;
  f.catalogue_minutes = 3000;
  f.month_locked = true;
  return f;
}

Maturity Of(const MaturityFacts& f) { return MaturityOf(f, MaturityThresholds{}); }

void ExpectHeldAt(const MaturityFacts& f, int held_back_by, const std::string& reason) {
  const Maturity m = Of(f);
  EXPECT_EQ(m.level, held_back_by - 1);
  EXPECT_EQ(m.held_back_by, held_back_by);
  EXPECT_EQ(m.reason, reason);
}

TEST(Maturity, EveryCriterionMetIsSix) {
  const Maturity m = Of(Full());
  EXPECT_EQ(m.level, 6);
  EXPECT_EQ(m.held_back_by, 0);
  EXPECT_EQ(m.reason, "");
}

TEST(Maturity, Level1EntriesOnEightyPercentOfDaysPresent) {
  MaturityFacts f = Full();
  f.days_with_entries = 8;  // 80% of 10: reached
  EXPECT_EQ(Of(f).level, 6);
  f.days_with_entries = 7;
  ExpectHeldAt(f, 1, "entries on 7 of 10 workdays present, under 80%");
}

TEST(Maturity, Level1NeedsAWorkdayPresent) {
  MaturityFacts f = Full();
  f.workdays_present = 0;
  f.days_with_entries = 0;
  ExpectHeldAt(f, 1, "no workday present");
}

TEST(Maturity, Level2RhkMinutesAtEightyPercent) {
  MaturityFacts f = Full();
  f.rhk_minutes = 2400;  // exactly 80% of 3000
  EXPECT_EQ(Of(f).level, 6);
  f.rhk_minutes = 2399;
  ExpectHeldAt(f, 2, "2399 of 3000 entry minutes name an RHK of the approved SKP, under 80%");
}

TEST(Maturity, Level2NeedsEntryMinutes) {
  MaturityFacts f = Full();
  f.entry_minutes = 0;
  f.rhk_minutes = 0;
  f.catalogue_minutes = 0;
  ExpectHeldAt(f, 2, "no entry minutes");
}

TEST(Maturity, Level3EveryRhkBrokenDown) {
  MaturityFacts f = Full();
  f.rhks_with_breakdown = 3;
  ExpectHeldAt(f, 3, "3 of 4 RHKs have a breakdown for the month");
}

TEST(Maturity, Level3NeedsAnApprovedSkpWithAnRhk) {
  MaturityFacts f = Full();
  f.rhks = 0;
  f.rhks_with_breakdown = 0;
  f.rhks_linked = 0;
  ExpectHeldAt(f, 3, "no approved SKP with an RHK");
}

TEST(Maturity, Level4EveryRhkLinkedTopOfTreeExempt) {
  MaturityFacts f = Full();
  f.rhks_linked = 3;
  ExpectHeldAt(f, 4, "3 of 4 RHKs are linked to an RHK of the atasan's SKP");
  f.top_of_tree = true;
  EXPECT_EQ(Of(f).level, 6);
  f.rhks_linked = 0;
  EXPECT_EQ(Of(f).level, 6);
  // On its own, level 4 too needs an approved SKP with an RHK, even at the top.
  f.rhks = 0;
  EXPECT_EQ(LevelShortfall(4, f, MaturityThresholds{}), "no approved SKP with an RHK");
}

TEST(Maturity, Level5CatalogueAndItsMinutes) {
  MaturityFacts f = Full();
  f.catalogue_minutes = 2400;
  EXPECT_EQ(Of(f).level, 6);
  f.catalogue_minutes = 2399;
  ExpectHeldAt(f, 5, "2399 of 3000 entry minutes use the catalogue, under 80%");
  f = Full();
  f.position_has_catalogue = false;
  ExpectHeldAt(f, 5, "the position has no norma waktu catalogue");
}

TEST(Maturity, Level6MonthLocked) {
  MaturityFacts f = Full();
  f.month_locked = false;
  ExpectHeldAt(f, 6, "the month's TPP run is not locked");
}

TEST(Maturity, EachLevelNeedsTheOnesBelow) {
  // Level 1 missed: nothing above counts, though every other criterion holds.
  MaturityFacts f = Full();
  f.days_with_entries = 0;
  EXPECT_EQ(Of(f).level, 0);
  EXPECT_EQ(Of(f).held_back_by, 1);
  // Only level 3 missed: 2, though 4-6 hold.
  f = Full();
  f.rhks_with_breakdown = 0;
  EXPECT_EQ(Of(f).level, 2);
}

TEST(Maturity, TheTenantsThresholds) {
  MaturityFacts f = Full();
  f.days_with_entries = 9;
  const MaturityThresholds all_days{100, 80, 80};
  EXPECT_EQ(MaturityOf(f, all_days).held_back_by, 1);
  EXPECT_EQ(LevelShortfall(1, f, MaturityThresholds{90, 80, 80}), std::nullopt);
}

TEST(MaturityFactsOf, CountsWhatEachLevelReads) {
  const absl::CivilDay mon(2026, 2, 2), tue(2026, 2, 3), wed(2026, 2, 4), sat(2026, 2, 7);
  const std::vector<DayFacts> days = {
      {mon, true, true}, {tue, true, true}, {wed, true, false}, {sat, false, true}};
  const std::vector<MaturityEntry> entries = {
      {mon, 120, EntryStatus::kApproved, 11, true},
      {mon, 60, EntryStatus::kSubmitted, 0, false},  // tugas tambahan
      {wed, 30, EntryStatus::kDraft, 12, false},     // a day not present: minutes count
      {tue, 90, EntryStatus::kRejected, 11, true},   // frees its time: counts nowhere
      {tue, 45, EntryStatus::kWithdrawn, 11, true},  // likewise
      {sat, 15, EntryStatus::kReturned, 99, true},   // an RHK not in the plan
  };
  const std::vector<MaturityRhk> rhks = {{11, 501, {1, 2, 3}}, {12, 0, {1}}};
  const MaturityFacts f = MaturityFactsOf(2, days, entries, rhks, false, true, true);
  EXPECT_EQ(f.workdays_present, 2);   // Monday and Tuesday
  EXPECT_EQ(f.days_with_entries, 1);  // Tuesday's entries hold no time
  EXPECT_EQ(f.entry_minutes, 225);
  EXPECT_EQ(f.rhk_minutes, 150);
  EXPECT_EQ(f.catalogue_minutes, 135);
  EXPECT_EQ(f.rhks, 2);
  EXPECT_EQ(f.rhks_with_breakdown, 1);  // RHK 12 has January only
  EXPECT_EQ(f.rhks_linked, 1);
  EXPECT_FALSE(f.top_of_tree);
  EXPECT_TRUE(f.position_has_catalogue);
  EXPECT_TRUE(f.month_locked);
}

TEST(MaturityFactsOf, NoPlanNoDays) {
  const MaturityFacts f = MaturityFactsOf(2, {}, {}, {}, true, false, false);
  EXPECT_EQ(f.workdays_present, 0);
  EXPECT_EQ(f.rhks, 0);
  EXPECT_EQ(f.entry_minutes, 0);
  EXPECT_TRUE(f.top_of_tree);
  EXPECT_EQ(MaturityOf(f, MaturityThresholds{}).held_back_by, 1);
}

}  // namespace
}  // namespace ekinerja::activity
