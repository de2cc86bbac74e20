#include "domain/rules.h"

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "unit/common/violation_fields.h"

namespace ekinerja::activity {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(NationalDefaults, AreDomainFiveAndNine) {
  const ActivityRules r = NationalDefaults();
  EXPECT_EQ(r.effective_from, absl::CivilDay(2000, 1, 1));
  EXPECT_EQ(r.deadline.days_after, 1);
  EXPECT_EQ(r.deadline.minute_of_day, 1439);
  EXPECT_EQ(r.target_minutes, 6750);
  EXPECT_EQ(r.unknown_presence_minutes, 450);
  EXPECT_EQ(r.effective_minutes_per_workday, 300);
  EXPECT_TRUE(r.cap_norm_by_span);
  EXPECT_EQ(r.ej_bands.a_above_bp, 10000);
  EXPECT_EQ(r.ej_bands.b_from_bp, 9000);
  EXPECT_EQ(r.ej_bands.c_from_bp, 7000);
  EXPECT_EQ(r.ej_bands.d_from_bp, 5000);
  EXPECT_EQ(r.maturity.entry_days_percent, 80);
  EXPECT_EQ(r.maturity.rhk_minutes_percent, 80);
  EXPECT_EQ(r.maturity.catalogue_minutes_percent, 80);
  EXPECT_THAT(RulesViolations(r), IsEmpty());
}

TEST(RulesViolations, EdgesOfEachRangeAccepted) {
  ActivityRules r = NationalDefaults();
  r.deadline = {0, 0};
  r.target_minutes = 1;
  r.unknown_presence_minutes = 1;
  r.effective_minutes_per_workday = 1;
  r.ej_bands = {4, 3, 2, 1};
  r.maturity = {1, 1, 1};
  EXPECT_THAT(RulesViolations(r), IsEmpty());
  r.deadline = {7, 1439};
  r.target_minutes = 100000;
  r.unknown_presence_minutes = 1440;
  r.effective_minutes_per_workday = 1440;
  r.maturity = {100, 100, 100};
  EXPECT_THAT(RulesViolations(r), IsEmpty());
}

TEST(RulesViolations, OneViolationPerFieldJustOutside) {
  ActivityRules r = NationalDefaults();
  r.deadline = {8, 1440};
  r.target_minutes = 100001;
  r.unknown_presence_minutes = 1441;
  r.effective_minutes_per_workday = 1441;
  r.ej_bands = {9000, 9000, 7000, 5000};
  r.maturity = {80, 101, 80};
  EXPECT_THAT(
      Fields(RulesViolations(r)),
      ElementsAre("rules.deadline_days_after", "rules.deadline_minute_of_day",
                  "rules.target_minutes", "rules.unknown_presence_minutes",
                  "rules.effective_minutes_per_workday", "rules.ej_bands", "rules.maturity"));
  r = NationalDefaults();
  r.deadline = {-1, -1};
  r.target_minutes = 0;
  r.unknown_presence_minutes = 0;
  r.effective_minutes_per_workday = 0;
  r.ej_bands = {10000, 9000, 7000, 0};
  r.maturity = {0, 80, 80};
  EXPECT_THAT(
      Fields(RulesViolations(r)),
      ElementsAre("rules.deadline_days_after", "rules.deadline_minute_of_day",
                  "rules.target_minutes", "rules.unknown_presence_minutes",
                  "rules.effective_minutes_per_workday", "rules.ej_bands", "rules.maturity"));
  EXPECT_EQ(RulesViolations(r)[2].description, "1 to 100000");
}

TEST(RulesViolations, BandsOutOfOrder) {
  ActivityRules r = NationalDefaults();
  r.ej_bands = {10000, 7000, 9000, 5000};
  EXPECT_THAT(Fields(RulesViolations(r)), ElementsAre("rules.ej_bands"));
  r.ej_bands = {10000, 9000, 5000, 5000};
  EXPECT_THAT(Fields(RulesViolations(r)), ElementsAre("rules.ej_bands"));
}

}  // namespace
}  // namespace ekinerja::activity
