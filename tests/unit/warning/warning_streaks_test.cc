#include "domain/warning_streaks.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"

namespace ekinerja::warning {
namespace {

using Day = absl::CivilDay;
constexpr DayOutcome kMissing = DayOutcome::kMissing;
constexpr DayOutcome kFiled = DayOutcome::kFiled;
constexpr DayOutcome kNotOwed = DayOutcome::kNotOwed;

// Applies `days` in order from nothing; returns the days on which a step escalated, and leaves
// the final state in *state.
std::vector<Day> Escalations(const std::vector<std::pair<Day, DayOutcome>>& days,
                             std::optional<DayCount>* state) {
  const WarningRules rules = DefaultWarningRules();
  std::vector<Day> out;
  for (const auto& [day, outcome] : days) {
    const CountStep step = NextMissingStreak(*state, day, outcome, rules);
    if (step.warn) out.push_back(day);
    *state = step.state;
  }
  return out;
}

// Thursday 1, Friday 2 and Monday 5 October 2026 missing; the weekend is not judged as a
// workday (the sweep's facts say not owed), so Monday is the third consecutive workday.
TEST(WarningNextMissingStreak, ThreeMissingAcrossAWeekendEscalatesOnMonday) {
  std::optional<DayCount> state;
  EXPECT_EQ(Escalations({{Day(2026, 10, 1), kMissing},
                         {Day(2026, 10, 2), kMissing},
                         {Day(2026, 10, 3), kNotOwed},
                         {Day(2026, 10, 4), kNotOwed},
                         {Day(2026, 10, 5), kMissing}},
                        &state),
            std::vector<Day>{Day(2026, 10, 5)});
  EXPECT_EQ(state, (DayCount{Day(2026, 10, 5), 3}));
}

// Without the weekend's days judged at all the result is the same.
TEST(WarningNextMissingStreak, UnjudgedWeekendDaysChangeNothing) {
  std::optional<DayCount> state;
  EXPECT_EQ(Escalations({{Day(2026, 10, 1), kMissing},
                         {Day(2026, 10, 2), kMissing},
                         {Day(2026, 10, 5), kMissing}},
                        &state),
            std::vector<Day>{Day(2026, 10, 5)});
}

TEST(WarningNextMissingStreak, TwoMissingThenFiledThenOneDoesNot) {
  std::optional<DayCount> state;
  EXPECT_EQ(Escalations({{Day(2026, 10, 1), kMissing},
                         {Day(2026, 10, 2), kMissing},
                         {Day(2026, 10, 5), kFiled},
                         {Day(2026, 10, 6), kMissing}},
                        &state),
            std::vector<Day>{});
  EXPECT_EQ(state, (DayCount{Day(2026, 10, 6), 1}));
}

TEST(WarningNextMissingStreak, ExactlyTwoDoNot) {
  std::optional<DayCount> state;
  EXPECT_EQ(Escalations({{Day(2026, 10, 1), kMissing}, {Day(2026, 10, 2), kMissing}}, &state),
            std::vector<Day>{});
  EXPECT_EQ(state, (DayCount{Day(2026, 10, 2), 2}));
}

// A holiday (not a workday) and an approved absence (not owed) are neutral.
TEST(WarningNextMissingStreak, AHolidayOrAnApprovedAbsenceDoesNotBreak) {
  std::optional<DayCount> state;
  EXPECT_EQ(Escalations({{Day(2026, 10, 5), kMissing},
                         {Day(2026, 10, 6), kNotOwed},  // holiday
                         {Day(2026, 10, 7), kMissing},
                         {Day(2026, 10, 8), kNotOwed},  // cuti
                         {Day(2026, 10, 9), kMissing}},
                        &state),
            std::vector<Day>{Day(2026, 10, 9)});
}

// Once per run: the 4th and 5th missing days do not escalate again; after a filed day a new run
// of 3 does.
TEST(WarningNextMissingStreak, OncePerRun) {
  std::optional<DayCount> state;
  EXPECT_EQ(Escalations({{Day(2026, 10, 5), kMissing},
                         {Day(2026, 10, 6), kMissing},
                         {Day(2026, 10, 7), kMissing},
                         {Day(2026, 10, 8), kMissing},
                         {Day(2026, 10, 9), kMissing},
                         {Day(2026, 10, 12), kFiled},
                         {Day(2026, 10, 13), kMissing},
                         {Day(2026, 10, 14), kMissing},
                         {Day(2026, 10, 15), kMissing}},
                        &state),
            (std::vector<Day>{Day(2026, 10, 7), Day(2026, 10, 15)}));
}

// A rerun of the day, or a backfill of an earlier one, neither counts nor escalates again.
TEST(WarningNextMissingStreak, ReapplyingADayChangesNothing) {
  const WarningRules rules = DefaultWarningRules();
  const DayCount two{Day(2026, 10, 6), 2};
  const CountStep third = NextMissingStreak(two, Day(2026, 10, 7), kMissing, rules);
  EXPECT_TRUE(third.warn);
  EXPECT_EQ(third.state, (DayCount{Day(2026, 10, 7), 3}));
  const CountStep again = NextMissingStreak(third.state, Day(2026, 10, 7), kMissing, rules);
  EXPECT_FALSE(again.warn);
  EXPECT_EQ(again.state, third.state);
  const CountStep earlier = NextMissingStreak(third.state, Day(2026, 10, 5), kFiled, rules);
  EXPECT_FALSE(earlier.warn);
  EXPECT_EQ(earlier.state, third.state);
}

TEST(WarningNextMissingStreak, TheTenantsThreshold) {
  WarningRules rules = DefaultWarningRules();
  rules.escalation_workdays = 1;
  const CountStep first = NextMissingStreak(std::nullopt, Day(2026, 10, 5), kMissing, rules);
  EXPECT_TRUE(first.warn);
  EXPECT_EQ(first.state, (DayCount{Day(2026, 10, 5), 1}));
  EXPECT_FALSE(NextMissingStreak(std::nullopt, Day(2026, 10, 5), kFiled, rules).warn);
}

TEST(WarningOutcomeOf, FromTheEmployeeDay) {
  EmployeeDay d;
  d.workday = true;
  d.checked_in = true;
  EXPECT_EQ(OutcomeOf(d), kMissing);
  d.submitted = 1;
  EXPECT_EQ(OutcomeOf(d), kFiled);
  d = EmployeeDay{};
  d.workday = true;
  d.absence_kind = "IZIN";
  EXPECT_EQ(OutcomeOf(d), kNotOwed);
  d = EmployeeDay{};
  d.checked_in = true;  // a punch on a holiday
  EXPECT_EQ(OutcomeOf(d), kNotOwed);
}

// The 3rd late day of October warns; the 4th does not; November starts again from 0.
TEST(WarningNextLateCount, TheThirdLateDayOfAMonth) {
  const WarningRules rules = DefaultWarningRules();
  std::optional<DayCount> state;
  std::vector<Day> warned;
  const std::pair<Day, bool> days[] = {{Day(2026, 10, 1), true}, {Day(2026, 10, 2), false},
                                       {Day(2026, 10, 5), true}, {Day(2026, 10, 6), true},
                                       {Day(2026, 10, 7), true}, {Day(2026, 10, 30), false},
                                       {Day(2026, 11, 2), true}, {Day(2026, 11, 3), true}};
  for (const auto& [day, late] : days) {
    const CountStep step = NextLateCount(state, day, late, rules);
    if (step.warn) warned.push_back(day);
    state = step.state;
  }
  EXPECT_EQ(warned, std::vector<Day>{Day(2026, 10, 6)});
  EXPECT_EQ(state, (DayCount{Day(2026, 11, 3), 2}));
}

// The month is the day's: late on 30 and 31 October and 2 November is 2 then 1.
TEST(WarningNextLateCount, ANewMonthStartsAtZero) {
  const WarningRules rules = DefaultWarningRules();
  const DayCount two{Day(2026, 10, 30), 2};
  const CountStep november = NextLateCount(two, Day(2026, 11, 2), true, rules);
  EXPECT_FALSE(november.warn);
  EXPECT_EQ(november.state, (DayCount{Day(2026, 11, 2), 1}));
  // Same month number a year later is a new month too.
  const CountStep next_year = NextLateCount(two, Day(2027, 10, 1), true, rules);
  EXPECT_EQ(next_year.state, (DayCount{Day(2027, 10, 1), 1}));
}

TEST(WarningNextLateCount, ReapplyingADayChangesNothing) {
  const WarningRules rules = DefaultWarningRules();
  const CountStep third =
      NextLateCount(DayCount{Day(2026, 10, 5), 2}, Day(2026, 10, 6), true, rules);
  EXPECT_TRUE(third.warn);
  const CountStep again = NextLateCount(third.state, Day(2026, 10, 6), true, rules);
  EXPECT_FALSE(again.warn);
  EXPECT_EQ(again.state, third.state);
  const CountStep earlier = NextLateCount(third.state, Day(2026, 10, 2), true, rules);
  EXPECT_FALSE(earlier.warn);
  EXPECT_EQ(earlier.state, third.state);
}

}  // namespace
}  // namespace ekinerja::warning
