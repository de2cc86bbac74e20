#include "domain/breakdown.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja::skp {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr PeriodKind kMonthly = PeriodKind::kMonthly;
constexpr PeriodKind kQuarterly = PeriodKind::kQuarterly;

// 120 reports a year, 10 a month.
std::vector<BreakdownEntry> TenAMonth() {
  std::vector<BreakdownEntry> entries;
  for (int m = 1; m <= 12; ++m) entries.push_back({m, 10});
  return entries;
}

TEST(Breakdown, ExactSumIsValid) {
  EXPECT_THAT(BreakdownViolations(kMonthly, 120, TenAMonth()), IsEmpty());
  EXPECT_THAT(BreakdownViolations(kQuarterly, 12, {{1, 3}, {2, 3}, {3, 3}, {4, 3}}), IsEmpty());
  // Not every period needs an entry, zeros are fine and the order is free.
  EXPECT_THAT(BreakdownViolations(kQuarterly, 12, {{4, 12}, {1, 0}}), IsEmpty());
}

TEST(Breakdown, EmptyIsNoBreakdown) {
  EXPECT_THAT(BreakdownViolations(kMonthly, 120, {}), IsEmpty());
}

TEST(Breakdown, OneShortNamesBothNumbers) {
  std::vector<BreakdownEntry> entries = TenAMonth();
  entries[11].quantity = 9;
  EXPECT_THAT(BreakdownViolations(kMonthly, 120, entries),
              ElementsAre(FieldViolation{"breakdown", "sums to 119, not the annual target 120"}));
}

TEST(Breakdown, OneOverNamesBothNumbers) {
  std::vector<BreakdownEntry> entries = TenAMonth();
  entries[0].quantity = 11;
  EXPECT_THAT(BreakdownViolations(kMonthly, 120, entries),
              ElementsAre(FieldViolation{"breakdown", "sums to 121, not the annual target 120"}));
}

TEST(Breakdown, DuplicatePeriodNamesTheLaterEntry) {
  EXPECT_THAT(
      BreakdownViolations(kQuarterly, 12, {{1, 3}, {2, 3}, {2, 3}, {4, 3}}),
      ElementsAre(FieldViolation{"breakdown[2].period",
                                 "period 2 appears more than once (also at breakdown[1])"}));
}

TEST(Breakdown, OutOfRangePeriod) {
  EXPECT_THAT(BreakdownViolations(kQuarterly, 12, {{1, 3}, {2, 3}, {3, 3}, {5, 3}}),
              ElementsAre(FieldViolation{"breakdown[3].period", "must be between 1 and 4"}));
  EXPECT_THAT(BreakdownViolations(kMonthly, 10, {{0, 5}, {13, 5}}),
              ElementsAre(FieldViolation{"breakdown[0].period", "must be between 1 and 12"},
                          FieldViolation{"breakdown[1].period", "must be between 1 and 12"}));
}

TEST(Breakdown, NegativeQuantity) {
  // The sum as sent still matches: only the negative entry is wrong.
  EXPECT_THAT(BreakdownViolations(kQuarterly, 12, {{1, 8}, {2, -1}, {3, 5}}),
              ElementsAre(FieldViolation{"breakdown[1].quantity", "must not be negative"}));
}

TEST(Breakdown, EveryBadFieldAtOnce) {
  EXPECT_THAT(BreakdownViolations(kQuarterly, 12, {{1, 3}, {1, -3}, {9, 3}}),
              ElementsAre(FieldViolation{"breakdown[1].period",
                                         "period 1 appears more than once (also at breakdown[0])"},
                          FieldViolation{"breakdown[1].quantity", "must not be negative"},
                          FieldViolation{"breakdown[2].period", "must be between 1 and 4"},
                          FieldViolation{"breakdown", "sums to 3, not the annual target 12"}));
}

TEST(Breakdown, NonPositiveTargetCannotBeBrokenDown) {
  EXPECT_THAT(BreakdownViolations(kQuarterly, 0, {{1, 0}}),
              ElementsAre(FieldViolation{"breakdown", "needs a positive annual target, got 0"}));
}

TEST(Breakdown, ASumBeyondInt64IsOver) {
  EXPECT_THAT(BreakdownViolations(kQuarterly, 12, {{1, INT64_MAX}, {2, 1}}),
              ElementsAre(FieldViolation{"breakdown", "sums to more than the annual target 12"}));
}

}  // namespace
}  // namespace ekinerja::skp
