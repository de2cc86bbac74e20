#include "domain/pp46.h"

#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja::skp {
namespace {

using ::testing::HasSubstr;

// 10 reports of quality 100 in 12 months, optionally with a budget.
Pp46Aspects Target(int64_t cost_idr = 0) { return {10, 100, 12, cost_idr}; }

// --- Waktu and biaya (Perka BKN 1/2013) ---

TEST(Pp46TimeOrCostScore, OnTimeScores76) {
  EXPECT_EQ(Pp46Efisiensi(12, 12), Rational(0));
  EXPECT_EQ(Pp46TimeOrCostScore(12, 12), Rational(76));
}

TEST(Pp46TimeOrCostScore, EfisiensiExactly24ScoresTheFirstFormula100) {
  EXPECT_EQ(Pp46Efisiensi(25, 19), Rational(24));
  EXPECT_EQ(Pp46TimeOrCostScore(25, 19), Rational(100));
  EXPECT_EQ(Pp46Efisiensi(1'000'000, 760'000), Rational(24));
  EXPECT_EQ(Pp46TimeOrCostScore(1'000'000, 760'000), Rational(100));
}

TEST(Pp46TimeOrCostScore, EfisiensiJustAbove24DropsToTheSecondFormula) {
  // 25% → 75 (DOMAIN §3's example).
  EXPECT_EQ(Pp46Efisiensi(100, 75), Rational(25));
  EXPECT_EQ(Pp46TimeOrCostScore(100, 75), Rational(75));
  // One rupiah cheaper than the boundary: efisiensi 24.0001 → 75.9999, reported 76.00.
  EXPECT_EQ(Pp46Efisiensi(1'000'000, 759'999), Rational(240001, 10000));
  EXPECT_EQ(Pp46TimeOrCostScore(1'000'000, 759'999), Rational(759999, 10000));
  EXPECT_EQ(Pp46TimeOrCostScore(1'000'000, 759'999).ToFixed2(), "76.00");
  // One rupiah dearer: efisiensi 23.9999, still the first formula, 99.9999.
  EXPECT_EQ(Pp46TimeOrCostScore(1'000'000, 760'001), Rational(999999, 10000));
}

TEST(Pp46TimeOrCostScore, LateRealisationScoresBelow76) {
  // RW 13 > TW 12: efisiensi −8.33, waktu (21.12 − 13) / 12 × 100 = 203/3.
  EXPECT_EQ(Pp46Efisiensi(12, 13), Rational(-25, 3));
  EXPECT_EQ(Pp46TimeOrCostScore(12, 13), Rational(203, 3));
  EXPECT_EQ(Pp46TimeOrCostScore(12, 13).ToFixed2(), "67.67");
  // Past 1.76 × TW the score goes negative: DOMAIN §3 states no floor.
  EXPECT_EQ(Pp46TimeOrCostScore(12, 24), Rational(-24));
}

// --- One activity ---

TEST(ScorePp46Activity, WithoutBudgetScoresThreeAspects) {
  const auto score = ScorePp46Activity(Target(), {10, 100, 12, 0});
  ASSERT_TRUE(score.ok()) << score.status();
  EXPECT_TRUE(score->carried_out);
  EXPECT_EQ(score->kuantitas, Rational(100));
  EXPECT_EQ(score->kualitas, Rational(100));
  EXPECT_EQ(score->efisiensi_waktu, Rational(0));
  EXPECT_EQ(score->waktu, Rational(76));
  EXPECT_EQ(score->biaya, std::nullopt);
  EXPECT_EQ(score->efisiensi_biaya, std::nullopt);
  EXPECT_EQ(score->penghitungan, Rational(276));
  EXPECT_EQ(score->aspects, 3);
  EXPECT_EQ(score->nilai_capaian, Rational(92));
}

TEST(ScorePp46Activity, PartialRealisation) {
  const auto score = ScorePp46Activity(Target(), {8, 90, 12, 0});
  ASSERT_TRUE(score.ok()) << score.status();
  EXPECT_EQ(score->kuantitas, Rational(80));
  EXPECT_EQ(score->kualitas, Rational(90));
  EXPECT_EQ(score->penghitungan, Rational(246));
  EXPECT_EQ(score->nilai_capaian, Rational(82));
}

TEST(ScorePp46Activity, WithBudgetScoresFourAspects) {
  const auto score = ScorePp46Activity(Target(10'000'000), {10, 100, 12, 10'000'000});
  ASSERT_TRUE(score.ok()) << score.status();
  EXPECT_EQ(score->efisiensi_biaya, Rational(0));
  EXPECT_EQ(score->biaya, Rational(76));
  EXPECT_EQ(score->penghitungan, Rational(352));
  EXPECT_EQ(score->aspects, 4);
  EXPECT_EQ(score->nilai_capaian, Rational(88));
}

TEST(ScorePp46Activity, BudgetSavedExactly24PercentScoresBiaya100) {
  const auto score = ScorePp46Activity(Target(10'000'000), {10, 100, 12, 7'600'000});
  ASSERT_TRUE(score.ok()) << score.status();
  EXPECT_EQ(score->efisiensi_biaya, Rational(24));
  EXPECT_EQ(score->biaya, Rational(100));
  EXPECT_EQ(score->nilai_capaian, Rational(94));  // (100 + 100 + 76 + 100) / 4
}

TEST(ScorePp46Activity, BudgetSavedJustOver24PercentScoresBiayaBelow76) {
  const auto score = ScorePp46Activity(Target(10'000'000), {10, 100, 12, 7'599'999});
  ASSERT_TRUE(score.ok()) << score.status();
  EXPECT_EQ(score->biaya, Rational(7'599'999, 100'000));
  // (276 + 75.99999) / 4 = 87.9999975, reported 88.00.
  EXPECT_EQ(score->nilai_capaian, Rational(35'199'999, 400'000));
  EXPECT_EQ(score->nilai_capaian.ToFixed2(), "88.00");
}

TEST(ScorePp46Activity, LateRealisationLowersWaktu) {
  const auto score = ScorePp46Activity(Target(), {10, 100, 13, 0});
  ASSERT_TRUE(score.ok()) << score.status();
  EXPECT_EQ(score->waktu, Rational(203, 3));
  EXPECT_EQ(score->nilai_capaian, Rational(803, 9));  // (200 + 203/3) / 3 = 89.222…
  EXPECT_EQ(score->nilai_capaian.ToFixed2(), "89.22");
}

TEST(ScorePp46Activity, NotCarriedOutScoresZeroOnEveryAspect) {
  const auto score = ScorePp46Activity(Target(), {0, 100, 12, 0});
  ASSERT_TRUE(score.ok()) << score.status();
  EXPECT_FALSE(score->carried_out);
  EXPECT_EQ(score->kuantitas, Rational(0));
  EXPECT_EQ(score->kualitas, Rational(0));
  EXPECT_EQ(score->waktu, Rational(0));
  EXPECT_EQ(score->biaya, std::nullopt);
  EXPECT_EQ(score->aspects, 3);
  EXPECT_EQ(score->nilai_capaian, Rational(0));
}

TEST(ScorePp46Activity, NotCarriedOutWithBudgetScoresZeroBiayaToo) {
  const auto score = ScorePp46Activity(Target(5'000'000), {0, 0, 0, 0});
  ASSERT_TRUE(score.ok()) << score.status();
  EXPECT_EQ(score->biaya, Rational(0));
  EXPECT_EQ(score->aspects, 4);
  EXPECT_EQ(score->penghitungan, Rational(0));
  EXPECT_EQ(score->nilai_capaian, Rational(0));
}

TEST(ScorePp46Activity, RefusesTargetsThatCannotDivide) {
  for (const Pp46Aspects& target :
       {Pp46Aspects{0, 100, 12, 0}, Pp46Aspects{10, 0, 12, 0}, Pp46Aspects{10, 100, 0, 0}}) {
    const auto score = ScorePp46Activity(target, {10, 100, 12, 0});
    EXPECT_EQ(score.status().code(), absl::StatusCode::kInvalidArgument);
  }
  EXPECT_THAT(ScorePp46Activity({0, 100, 12, 0}, {10, 100, 12, 0}).status().message(),
              HasSubstr("target.quantity"));
  EXPECT_THAT(ScorePp46Activity({10, 100, 0, 0}, {10, 100, 12, 0}).status().message(),
              HasSubstr("target.months"));
}

TEST(ScorePp46Activity, RefusesNegativeAndOutOfBoundFigures) {
  EXPECT_THAT(ScorePp46Activity(Target(), {10, 100, -1, 0}).status().message(),
              HasSubstr("realisation.months"));
  EXPECT_THAT(ScorePp46Activity(Target(-5), {10, 100, 12, 0}).status().message(),
              HasSubstr("target.cost_idr"));
  EXPECT_THAT(ScorePp46Activity(Target(), {kPp46MaxQuantity + 1, 100, 12, 0}).status().message(),
              HasSubstr("realisation.quantity"));
}

// --- Nilai SKP, perilaku, prestasi kerja ---

TEST(TugasTambahanPoints, Edges) {
  EXPECT_EQ(TugasTambahanPoints(-1), 0);
  EXPECT_EQ(TugasTambahanPoints(0), 0);
  EXPECT_EQ(TugasTambahanPoints(1), 1);
  EXPECT_EQ(TugasTambahanPoints(3), 1);
  EXPECT_EQ(TugasTambahanPoints(4), 2);
  EXPECT_EQ(TugasTambahanPoints(6), 2);
  EXPECT_EQ(TugasTambahanPoints(7), 3);
  EXPECT_EQ(TugasTambahanPoints(40), 3);
}

TEST(KreativitasPoints, ByLevel) {
  EXPECT_EQ(KreativitasPoints(Kreativitas::kNone), 0);
  EXPECT_EQ(KreativitasPoints(Kreativitas::kUnitKerja), 3);
  EXPECT_EQ(KreativitasPoints(Kreativitas::kInstansi), 6);
  EXPECT_EQ(KreativitasPoints(Kreativitas::kNasional), 12);
}

TEST(NilaiSkp, AveragesCapaianThenAddsPoints) {
  const auto plain = NilaiSkp({Rational(92), Rational(82)}, 0, Kreativitas::kNone);
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(*plain, Rational(87));
  const auto with_points = NilaiSkp({Rational(92), Rational(82)}, 4, Kreativitas::kInstansi);
  ASSERT_TRUE(with_points.ok()) << with_points.status();
  EXPECT_EQ(*with_points, Rational(95));
  const auto thirds =
      NilaiSkp({Rational(92), Rational(82), Rational(803, 9)}, 0, Kreativitas::kNone);
  ASSERT_TRUE(thirds.ok()) << thirds.status();
  EXPECT_EQ(*thirds, Rational(2369, 27));  // (174 + 803/9) / 3 = 87.740…
  EXPECT_EQ(thirds->ToFixed2(), "87.74");
}

TEST(NilaiSkp, RefusesNoActivity) {
  EXPECT_EQ(NilaiSkp({}, 0, Kreativitas::kNone).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(NilaiPerilaku, AveragesFiveOrSixAspects) {
  const auto five = NilaiPerilaku({80, 80, 80, 80, 81});
  ASSERT_TRUE(five.ok()) << five.status();
  EXPECT_EQ(*five, Rational(401, 5));
  const auto six = NilaiPerilaku({80, 80, 80, 80, 81, 90});
  ASSERT_TRUE(six.ok()) << six.status();
  EXPECT_EQ(*six, Rational(491, 6));
  EXPECT_EQ(six->ToFixed2(), "81.83");
}

TEST(NilaiPerilaku, RefusesOtherCountsAndScoresOutside0To100) {
  EXPECT_EQ(NilaiPerilaku({80, 80, 80, 80}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(NilaiPerilaku({80, 80, 80, 80, 80, 80, 80}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(NilaiPerilaku({80, 80, 101, 80, 80}).status().message(),
              HasSubstr("aspect_scores[2]"));
  EXPECT_THAT(NilaiPerilaku({80, 80, 80, 80, -1}).status().message(),
              HasSubstr("aspect_scores[4]"));
}

TEST(NilaiPrestasiKerja, WeighsSkpAndPerilaku) {
  const auto sixty = NilaiPrestasiKerja(Rational(87), Rational(401, 5), {60, 40});
  ASSERT_TRUE(sixty.ok()) << sixty.status();
  EXPECT_EQ(*sixty, Rational(8428, 100));  // 52.2 + 32.08
  const auto seventy = NilaiPrestasiKerja(Rational(87), Rational(401, 5), {70, 30});
  ASSERT_TRUE(seventy.ok()) << seventy.status();
  EXPECT_EQ(*seventy, Rational(8496, 100));  // 60.9 + 24.06
  EXPECT_EQ(Pp46PredikatOf(*seventy), Pp46Predikat::kBaik);
}

TEST(NilaiPrestasiKerja, RefusesWeightsNotSummingTo100) {
  EXPECT_EQ(NilaiPrestasiKerja(Rational(87), Rational(80), {60, 50}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(NilaiPrestasiKerja(Rational(87), Rational(80), {110, -10}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// --- Predikat on the reported value ---

TEST(Pp46PredikatOfReported, EachBoundary) {
  EXPECT_EQ(Pp46PredikatOfReported(10000), Pp46Predikat::kSangatBaik);
  EXPECT_EQ(Pp46PredikatOfReported(9100), Pp46Predikat::kSangatBaik);
  EXPECT_EQ(Pp46PredikatOfReported(9099), Pp46Predikat::kBaik);
  EXPECT_EQ(Pp46PredikatOfReported(9050), Pp46Predikat::kBaik);
  EXPECT_EQ(Pp46PredikatOfReported(7600), Pp46Predikat::kBaik);
  EXPECT_EQ(Pp46PredikatOfReported(7599), Pp46Predikat::kCukup);
  EXPECT_EQ(Pp46PredikatOfReported(6100), Pp46Predikat::kCukup);
  EXPECT_EQ(Pp46PredikatOfReported(6099), Pp46Predikat::kKurang);
  EXPECT_EQ(Pp46PredikatOfReported(5100), Pp46Predikat::kKurang);
  EXPECT_EQ(Pp46PredikatOfReported(5099), Pp46Predikat::kBuruk);
  EXPECT_EQ(Pp46PredikatOfReported(5000), Pp46Predikat::kBuruk);
  EXPECT_EQ(Pp46PredikatOfReported(0), Pp46Predikat::kBuruk);
}

TEST(Pp46PredikatOf, ReadsTheValueRoundedHalfUp) {
  EXPECT_EQ(Pp46PredikatOf(Rational(90996, 1000)), Pp46Predikat::kSangatBaik);  // 91.00
  EXPECT_EQ(Pp46PredikatOf(Rational(90995, 1000)), Pp46Predikat::kSangatBaik);  // 91.00
  EXPECT_EQ(Pp46PredikatOf(Rational(90994, 1000)), Pp46Predikat::kBaik);        // 90.99
  EXPECT_EQ(Pp46PredikatOf(Rational(9050, 100)), Pp46Predikat::kBaik);
  EXPECT_EQ(Pp46PredikatOf(Rational(75995, 1000)), Pp46Predikat::kBaik);   // 76.00
  EXPECT_EQ(Pp46PredikatOf(Rational(75994, 1000)), Pp46Predikat::kCukup);  // 75.99
  EXPECT_EQ(Pp46PredikatOf(Rational(60995, 1000)), Pp46Predikat::kCukup);
  EXPECT_EQ(Pp46PredikatOf(Rational(60994, 1000)), Pp46Predikat::kKurang);
  EXPECT_EQ(Pp46PredikatOf(Rational(50995, 1000)), Pp46Predikat::kKurang);
  EXPECT_EQ(Pp46PredikatOf(Rational(50994, 1000)), Pp46Predikat::kBuruk);
}

TEST(Pp46PredikatName, AreTheStoredNames) {
  EXPECT_EQ(Pp46PredikatName(Pp46Predikat::kSangatBaik), "SANGAT_BAIK");
  EXPECT_EQ(Pp46PredikatName(Pp46Predikat::kBaik), "BAIK");
  EXPECT_EQ(Pp46PredikatName(Pp46Predikat::kCukup), "CUKUP");
  EXPECT_EQ(Pp46PredikatName(Pp46Predikat::kKurang), "KURANG");
  EXPECT_EQ(Pp46PredikatName(Pp46Predikat::kBuruk), "BURUK");
}

}  // namespace
}  // namespace ekinerja::skp
