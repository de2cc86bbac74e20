#include "domain/evaluation.h"

#include <optional>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::skp {
namespace {

using ::testing::ElementsAre;

PlannedIki Monthly(std::vector<int64_t> breakdown) {
  PlannedIki iki;
  iki.target = {10, 100, 12, 5'000'000};
  iki.breakdown_kind = PeriodKind::kMonthly;
  iki.breakdown = std::move(breakdown);
  return iki;
}

TEST(Pp46PeriodTarget, TheYearTakesTheAnnualTargetWithItsBudget) {
  const std::optional<Pp46Aspects> t = Pp46PeriodTarget(
      Monthly({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0}), {2026, PeriodKind::kAnnual, 1});
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->quantity, 10);
  EXPECT_EQ(t->months, 12);
  EXPECT_EQ(t->cost_idr, 5'000'000);
}

TEST(Pp46PeriodTarget, AMonthTakesItsRencanaAksiForOneMonthWithoutBudget) {
  const std::optional<Pp46Aspects> t = Pp46PeriodTarget(
      Monthly({2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0}), {2026, PeriodKind::kMonthly, 1});
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->quantity, 2);
  EXPECT_EQ(t->quality, 100);
  EXPECT_EQ(t->months, 1);
  EXPECT_EQ(t->cost_idr, 0);
}

TEST(Pp46PeriodTarget, NoActivityWithoutPlanForThePeriod) {
  // 0 planned in December.
  EXPECT_FALSE(Pp46PeriodTarget(Monthly({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0}),
                                {2026, PeriodKind::kMonthly, 12}));
  // A monthly breakdown says nothing of a quarter.
  EXPECT_FALSE(Pp46PeriodTarget(Monthly({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0}),
                                {2026, PeriodKind::kQuarterly, 1}));
  // No breakdown: only the year.
  PlannedIki plain;
  plain.target = {4, 100, 12, 0};
  EXPECT_FALSE(Pp46PeriodTarget(plain, {2026, PeriodKind::kMonthly, 1}));
}

TEST(Pp46PeriodTarget, AQuarterIsThreeMonths) {
  PlannedIki iki;
  iki.target = {8, 90, 12, 0};
  iki.breakdown_kind = PeriodKind::kQuarterly;
  iki.breakdown = {2, 2, 2, 2};
  const std::optional<Pp46Aspects> t = Pp46PeriodTarget(iki, {2026, PeriodKind::kQuarterly, 4});
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->quantity, 2);
  EXPECT_EQ(t->quality, 90);
  EXPECT_EQ(t->months, 3);
}

// Perka BKN 1/2013 by hand: A 8/10, quality 91, on time (waktu 76): 247/3; B on target, 9 of 12
// months (efisiensi 25%: waktu 75), 800,000 of 1,000,000 (efisiensi 20%: biaya 96): 371/4; C not
// carried out: 0. Nilai capaian SKP (247/3 + 371/4 + 0) / 3 = 2101/36 = 58.36; + 1 (2 tasks) + 3
// (unit kerja) = 2245/36; perilaku 481/6; 60/40: 4169/60 = 69.48, Cukup.
TEST(EvaluatePp46, EveryFigureOfAHandComputedYear) {
  const std::vector<Pp46Activity> activities = {
      {{10, 100, 12, 0}, {8, 91, 12, 0}},
      {{4, 100, 12, 1'000'000}, {4, 100, 9, 800'000}},
      {{6, 100, 12, 0}, {0, 0, 0, 0}},
  };
  absl::StatusOr<Pp46Evaluation> e =
      EvaluatePp46(activities, 2, Kreativitas::kUnitKerja, {80, 85, 90, 75, 70, 81}, {60, 40});
  ASSERT_TRUE(e.ok()) << e.status();
  ASSERT_EQ(e->activities.size(), 3u);
  EXPECT_EQ(e->activities[0].nilai_capaian.ToString(), "247/3");
  EXPECT_EQ(e->activities[1].waktu.ToString(), "75");
  EXPECT_EQ(e->activities[1].biaya->ToString(), "96");
  EXPECT_EQ(e->activities[1].nilai_capaian.ToString(), "371/4");
  EXPECT_FALSE(e->activities[2].carried_out);
  EXPECT_EQ(e->activities[2].nilai_capaian.ToString(), "0");
  EXPECT_EQ(e->nilai_capaian_skp.ToString(), "2101/36");
  EXPECT_EQ(e->nilai_capaian_skp.ToFixed2(), "58.36");
  EXPECT_EQ(e->tugas_tambahan_points, 1);
  EXPECT_EQ(e->kreativitas_points, 3);
  EXPECT_EQ(e->nilai_skp.ToFixed2(), "62.36");
  EXPECT_EQ(e->nilai_perilaku.ToString(), "481/6");
  EXPECT_EQ(e->nilai_prestasi_kerja.ToString(), "4169/60");
  EXPECT_EQ(e->nilai_prestasi_kerja.ToFixed2(), "69.48");
  EXPECT_EQ(e->predikat, Pp46Predikat::kCukup);
}

TEST(EvaluatePp46, RefusesNoActivityAndBadPerilaku) {
  EXPECT_TRUE(absl::IsInvalidArgument(
      EvaluatePp46({}, 0, Kreativitas::kNone, {80, 80, 80, 80, 80}, {60, 40}).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(
      EvaluatePp46({{{1, 100, 1, 0}, {1, 100, 1, 0}}}, 0, Kreativitas::kNone, {80, 80}, {60, 40})
          .status()));
}

TEST(ParseReportedHundredths, ReadsWhatToFixed2Writes) {
  EXPECT_EQ(ParseReportedHundredths("58.67"), 5867);
  EXPECT_EQ(ParseReportedHundredths("0.00"), 0);
  EXPECT_EQ(ParseReportedHundredths("-5.50"), -550);
  EXPECT_EQ(ParseReportedHundredths(Rational(2101, 36).ToFixed2()), 5836);
  EXPECT_EQ(ParseReportedHundredths("58.6"), std::nullopt);
  EXPECT_EQ(ParseReportedHundredths("58"), std::nullopt);
  EXPECT_EQ(ParseReportedHundredths(".50"), std::nullopt);
  EXPECT_EQ(ParseReportedHundredths("5a.00"), std::nullopt);
  EXPECT_EQ(ParseReportedHundredths("invalid"), std::nullopt);
}

}  // namespace
}  // namespace ekinerja::skp
