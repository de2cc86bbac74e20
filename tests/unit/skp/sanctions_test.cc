#include "domain/sanctions.h"

#include <optional>

#include "gtest/gtest.h"
#include "rational.h"

namespace ekinerja::skp {
namespace {

// --- PP 46: PP 53/2010 Pasal 3 on the reported nilai capaian SKP ---

TEST(SanctionForNilaiCapaian, Just50PointOneIsNotListed) {
  EXPECT_EQ(SanctionForNilaiCapaian(5001), std::nullopt);
  EXPECT_EQ(SanctionForNilaiCapaian(10000), std::nullopt);
}

TEST(SanctionForNilaiCapaian, Exactly50IsSedang) {
  const std::optional<SanctionRecommendation> line = SanctionForNilaiCapaian(5000);
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->reason, SanctionReason::kNilaiCapaian25Sampai50);
  EXPECT_EQ(line->level, HukumanDisiplin::kSedang);
  EXPECT_EQ(line->nilai_capaian_hundredths, 5000);
  EXPECT_EQ(line->predikat, std::nullopt);
}

TEST(SanctionForNilaiCapaian, Exactly25IsSedang) {
  const std::optional<SanctionRecommendation> line = SanctionForNilaiCapaian(2500);
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->reason, SanctionReason::kNilaiCapaian25Sampai50);
  EXPECT_EQ(line->level, HukumanDisiplin::kSedang);
  EXPECT_EQ(line->nilai_capaian_hundredths, 2500);
}

TEST(SanctionForNilaiCapaian, Just24Point99IsBerat) {
  const std::optional<SanctionRecommendation> line = SanctionForNilaiCapaian(2499);
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->reason, SanctionReason::kNilaiCapaianDiBawah25);
  EXPECT_EQ(line->level, HukumanDisiplin::kBerat);
  EXPECT_EQ(line->nilai_capaian_hundredths, 2499);
  EXPECT_EQ(SanctionForNilaiCapaian(0)->level, HukumanDisiplin::kBerat);
}

TEST(SanctionForNilaiCapaian, ReadsTheReportedValue) {
  // 50.004 reports 50.00 (sedang); 50.005 reports 50.01 (not listed).
  EXPECT_EQ(SanctionForNilaiCapaian(Rational(50004, 1000).RoundedHundredths())->level,
            HukumanDisiplin::kSedang);
  EXPECT_EQ(SanctionForNilaiCapaian(Rational(50005, 1000).RoundedHundredths()), std::nullopt);
}

// --- PermenPANRB 6/2022: by predikat, no level ---

TEST(SanctionForPredikat, SangatKurangIsListedWithoutALevelWhateverTheOption) {
  for (bool include_kurang : {false, true}) {
    const std::optional<SanctionRecommendation> line =
        SanctionForPredikat(Predikat::kSangatKurang, include_kurang);
    ASSERT_TRUE(line.has_value());
    EXPECT_EQ(line->reason, SanctionReason::kPredikatSangatKurang);
    EXPECT_EQ(line->level, std::nullopt);
    EXPECT_EQ(line->predikat, Predikat::kSangatKurang);
    EXPECT_EQ(line->nilai_capaian_hundredths, std::nullopt);
  }
}

TEST(SanctionForPredikat, KurangIsListedOnlyWithTheTenantOption) {
  EXPECT_EQ(SanctionForPredikat(Predikat::kKurangMisconduct, false), std::nullopt);
  const std::optional<SanctionRecommendation> line =
      SanctionForPredikat(Predikat::kKurangMisconduct, true);
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->reason, SanctionReason::kPredikatKurang);
  EXPECT_EQ(line->level, std::nullopt);
  EXPECT_EQ(line->predikat, Predikat::kKurangMisconduct);
}

TEST(SanctionForPredikat, TheOtherPredikatAreNeverListed) {
  for (bool include_kurang : {false, true}) {
    EXPECT_EQ(SanctionForPredikat(Predikat::kSangatBaik, include_kurang), std::nullopt);
    EXPECT_EQ(SanctionForPredikat(Predikat::kBaik, include_kurang), std::nullopt);
    EXPECT_EQ(SanctionForPredikat(Predikat::kButuhPerbaikan, include_kurang), std::nullopt);
  }
}

TEST(SanctionNames, AreTheStoredNames) {
  EXPECT_EQ(SanctionReasonName(SanctionReason::kNilaiCapaian25Sampai50),
            "NILAI_CAPAIAN_25_SAMPAI_50");
  EXPECT_EQ(SanctionReasonName(SanctionReason::kNilaiCapaianDiBawah25),
            "NILAI_CAPAIAN_DI_BAWAH_25");
  EXPECT_EQ(SanctionReasonName(SanctionReason::kPredikatSangatKurang), "PREDIKAT_SANGAT_KURANG");
  EXPECT_EQ(SanctionReasonName(SanctionReason::kPredikatKurang), "PREDIKAT_KURANG");
  EXPECT_EQ(HukumanDisiplinName(HukumanDisiplin::kSedang), "SEDANG");
  EXPECT_EQ(HukumanDisiplinName(HukumanDisiplin::kBerat), "BERAT");
}

}  // namespace
}  // namespace ekinerja::skp
