#include "domain/rules.h"

#include <cstdint>
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

// The rules with every ranged field set; the rest national defaults.
ActivityRules With(DeadlineRule deadline, int64_t target, int unknown, int effective, EjBands bands,
                   MaturityThresholds maturity) {
  ActivityRules r = NationalDefaults();
  r.deadline = deadline;
  r.target_minutes = target;
  r.unknown_presence_minutes = unknown;
  r.effective_minutes_per_workday = effective;
  r.ej_bands = bands;
  r.maturity = maturity;
  return r;
}

TEST(RulesViolations, EdgesOfEachRangeAccepted) {
  EXPECT_THAT(RulesViolations(With({0, 0}, 1, 1, 1, {4, 3, 2, 1}, {1, 1, 1})), IsEmpty());
  EXPECT_THAT(RulesViolations(With({7, 1439}, 100000, 1440, 1440, {4, 3, 2, 1}, {100, 100, 100})),
              IsEmpty());
}

TEST(RulesViolations, OneViolationPerFieldJustOutside) {
  const auto all = ElementsAre(
      "rules.deadline_days_after", "rules.deadline_minute_of_day", "rules.target_minutes",
      "rules.unknown_presence_minutes", "rules.effective_minutes_per_workday",
      "rules.ej_a_above_bp", "rules.ej_b_from_bp", "rules.ej_c_from_bp", "rules.ej_d_from_bp",
      "rules.maturity_entry_days_percent", "rules.maturity_rhk_minutes_percent",
      "rules.maturity_catalogue_minutes_percent");
  // a above its range; b, c and d each equal to the band above.
  const std::vector<FieldViolation> high = RulesViolations(
      With({8, 1440}, 100001, 1441, 1441, {100001, 100001, 100001, 100001}, {101, 101, 101}));
  EXPECT_THAT(Fields(high), all);
  EXPECT_EQ(high[5].description, "1 to 100000");
  EXPECT_EQ(high[6].description, "from 1, below ej_a_above_bp");
  // Everything 0: a below its range, b, c and d below 1.
  const std::vector<FieldViolation> low =
      RulesViolations(With({-1, -1}, 0, 0, 0, {0, 0, 0, 0}, {0, 0, 0}));
  EXPECT_THAT(Fields(low), all);
  EXPECT_EQ(low[2].description, "1 to 100000");
  EXPECT_EQ(low[9].description, "1 to 100");
}

TEST(RulesViolations, EachBandOutOfOrderNamesItsOwnField) {
  ActivityRules r = NationalDefaults();
  r.ej_bands = {10000, 7000, 9000, 5000};
  EXPECT_THAT(Fields(RulesViolations(r)), ElementsAre("rules.ej_c_from_bp"));
  r.ej_bands = {10000, 9000, 5000, 5000};
  EXPECT_THAT(Fields(RulesViolations(r)), ElementsAre("rules.ej_d_from_bp"));
  r.ej_bands = {10000, 9000, 7000, 6999};
  EXPECT_THAT(RulesViolations(r), IsEmpty());
  r.ej_bands = {9000, 9000, 7000, 5000};
  EXPECT_THAT(Fields(RulesViolations(r)), ElementsAre("rules.ej_b_from_bp"));
  r.ej_bands = {10000, 9000, 7000, 5000};
  r.maturity = {80, 0, 80};
  EXPECT_THAT(Fields(RulesViolations(r)), ElementsAre("rules.maturity_rhk_minutes_percent"));
}

}  // namespace
}  // namespace ekinerja::activity
