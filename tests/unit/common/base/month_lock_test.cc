#include "month_lock.h"

#include <string>

#include "gtest/gtest.h"
#include "unit/common/violation_fields.h"

namespace ekinerja {
namespace {

absl::CivilDay D(int y, int m, int d) { return absl::CivilDay(y, m, d); }

TEST(MonthOfTest, GivesTheMonthsFirstAndLastDayOrOneViolationPerBadField) {
  Violations v;
  const Month feb = MonthOf(v, 2024, 2);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(feb.first, absl::CivilDay(2024, 2, 1));
  EXPECT_EQ(feb.last, absl::CivilDay(2024, 2, 29));
  const Month dec = MonthOf(v, 2100, 12);
  EXPECT_EQ(dec.last, absl::CivilDay(2100, 12, 31));
  EXPECT_TRUE(v.empty());
  MonthOf(v, 1999, 13);
  EXPECT_EQ(Fields(v.list()), (std::vector<std::string>{"year", "month"}));
  Violations low;
  MonthOf(low, 2101, 0);
  EXPECT_EQ(Fields(low.list()), (std::vector<std::string>{"year", "month"}));
}

TEST(CheckLockReferenceTest, RequiresOneLineOfAtMost200Characters) {
  for (const std::string& good : {std::string("tpp-runs/42"), std::string(200, 'r')}) {
    Violations v;
    CheckLockReference(v, good);
    EXPECT_TRUE(v.empty()) << good;
  }
  for (const std::string& bad : {std::string(), std::string(201, 'r'), std::string("a\nb")}) {
    Violations v;
    CheckLockReference(v, bad);
    EXPECT_EQ(Fields(v.list()), std::vector<std::string>{"reference"}) << bad;
  }
}

// DOMAIN §6: a LOCKED TPP run locks its month: a change touching any of its days is refused.
TEST(FirstLockedDayTest, FindsTheFirstDayOfTheRangeInALockedMonth) {
  const std::vector<LockedMonth> locked = {{absl::CivilMonth(2026, 3), "tpp-runs/7"},
                                           {absl::CivilMonth(2026, 1), "tpp-runs/5"}};
  // The last day of the month before, and the first day after: open.
  EXPECT_FALSE(FirstLockedDay(locked, D(2026, 2, 28), D(2026, 2, 28)));
  EXPECT_FALSE(FirstLockedDay(locked, D(2026, 2, 1), D(2026, 2, 28)));
  EXPECT_FALSE(FirstLockedDay(locked, D(2026, 4, 1), D(2026, 4, 30)));
  // A range from February into March: its first March day.
  auto day = FirstLockedDay(locked, D(2026, 2, 20), D(2026, 3, 1));
  ASSERT_TRUE(day);
  EXPECT_EQ(day->day, absl::CivilDay(2026, 3, 1));
  EXPECT_EQ(day->reference, "tpp-runs/7");
  day = FirstLockedDay(locked, D(2026, 3, 31), D(2026, 4, 2));
  ASSERT_TRUE(day);
  EXPECT_EQ(day->day, absl::CivilDay(2026, 3, 31));
  // Two locked months in the range: the earlier one, whatever the order given.
  day = FirstLockedDay(locked, D(2025, 12, 31), D(2026, 3, 5));
  ASSERT_TRUE(day);
  EXPECT_EQ(day->day, absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(day->reference, "tpp-runs/5");
  EXPECT_FALSE(FirstLockedDay({}, D(2026, 3, 1), D(2026, 3, 31)));
}

}  // namespace
}  // namespace ekinerja
