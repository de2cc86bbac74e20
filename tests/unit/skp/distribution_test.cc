#include "domain/distribution.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja::skp {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Rules(OrgPredikat unit, const PredikatCounts& counts) {
  std::vector<std::string> rules;
  for (const CurveViolation& v : DistributionViolations(unit, counts)) rules.push_back(v.rule);
  return rules;
}

// Counts in the order of the struct: sangat baik, baik, butuh perbaikan, kurang, sangat kurang.
PredikatCounts Counts(int sb, int b, int bp, int k, int sk) { return {sb, b, bp, k, sk}; }

TEST(PredikatCounts, OfAndTotal) {
  const PredikatCounts c = Counts(1, 2, 3, 4, 5);
  EXPECT_EQ(c.of(Predikat::kSangatBaik), 1);
  EXPECT_EQ(c.of(Predikat::kBaik), 2);
  EXPECT_EQ(c.of(Predikat::kButuhPerbaikan), 3);
  EXPECT_EQ(c.of(Predikat::kKurangMisconduct), 4);
  EXPECT_EQ(c.of(Predikat::kSangatKurang), 5);
  EXPECT_EQ(c.total(), 15);
}

// --- Istimewa: at most 70% Sangat Baik ---

TEST(DistributionIstimewa, Exactly70PercentSangatBaikIsAllowed) {
  EXPECT_THAT(Rules(OrgPredikat::kIstimewa, Counts(7, 3, 0, 0, 0)), IsEmpty());
  EXPECT_THAT(Rules(OrgPredikat::kIstimewa, Counts(70, 30, 0, 0, 0)), IsEmpty());
}

TEST(DistributionIstimewa, JustAbove70PercentIsRefusedWithTheFigures) {
  EXPECT_THAT(Rules(OrgPredikat::kIstimewa, Counts(71, 29, 0, 0, 0)),
              ElementsAre("ISTIMEWA_MAX_70_SANGAT_BAIK"));
  const std::vector<CurveViolation> v =
      DistributionViolations(OrgPredikat::kIstimewa, Counts(8, 2, 0, 0, 0));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "ISTIMEWA_MAX_70_SANGAT_BAIK");
  EXPECT_THAT(v[0].predikat, ElementsAre(Predikat::kSangatBaik));
  EXPECT_EQ(v[0].bound_kind, CurveBound::kCeiling);
  EXPECT_EQ(v[0].unit, CurveUnit::kPercent);
  EXPECT_EQ(v[0].bound, 70);
  EXPECT_EQ(v[0].actual, 8);
  EXPECT_EQ(v[0].total, 10);
  EXPECT_EQ(v[0].message,
            "Unit berpredikat Istimewa: paling banyak 70% pegawai Sangat Baik; ada 8 dari 10 "
            "pegawai.");
}

// --- Baik: at most 70% Baik; at least one Butuh Perbaikan or Kurang/Misconduct ---

TEST(DistributionBaik, Exactly70PercentBaikWithOneButuhPerbaikanIsAllowed) {
  EXPECT_THAT(Rules(OrgPredikat::kBaik, Counts(2, 7, 1, 0, 0)), IsEmpty());
  EXPECT_THAT(Rules(OrgPredikat::kBaik, Counts(29, 70, 0, 1, 0)), IsEmpty());  // Kurang counts too
}

TEST(DistributionBaik, JustAbove70PercentBaikIsRefused) {
  EXPECT_THAT(Rules(OrgPredikat::kBaik, Counts(28, 71, 1, 0, 0)), ElementsAre("BAIK_MAX_70_BAIK"));
}

TEST(DistributionBaik, NoButuhPerbaikanNorKurangIsRefused) {
  // Sangat Kurang is not one of the two.
  const std::vector<CurveViolation> v =
      DistributionViolations(OrgPredikat::kBaik, Counts(3, 6, 0, 0, 1));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG");
  EXPECT_THAT(v[0].predikat, ElementsAre(Predikat::kButuhPerbaikan, Predikat::kKurangMisconduct));
  EXPECT_EQ(v[0].bound_kind, CurveBound::kFloor);
  EXPECT_EQ(v[0].unit, CurveUnit::kCount);
  EXPECT_EQ(v[0].bound, 1);
  EXPECT_EQ(v[0].actual, 0);
  EXPECT_EQ(v[0].total, 10);
  EXPECT_EQ(v[0].message,
            "Unit berpredikat Baik: paling sedikit 1 pegawai Butuh Perbaikan atau "
            "Kurang/Misconduct; ada 0 dari 10 pegawai.");
}

// --- Butuh Perbaikan: at least 60% Butuh Perbaikan; at most 10% Sangat Baik ---

TEST(DistributionButuhPerbaikan, Exactly60And10PercentAreAllowed) {
  EXPECT_THAT(Rules(OrgPredikat::kButuhPerbaikan, Counts(1, 3, 6, 0, 0)), IsEmpty());
  EXPECT_THAT(Rules(OrgPredikat::kButuhPerbaikan, Counts(10, 30, 60, 0, 0)), IsEmpty());
}

TEST(DistributionButuhPerbaikan, JustBelow60PercentIsRefused) {
  EXPECT_THAT(Rules(OrgPredikat::kButuhPerbaikan, Counts(10, 31, 59, 0, 0)),
              ElementsAre("BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN"));
}

TEST(DistributionButuhPerbaikan, JustAbove10PercentSangatBaikIsRefused) {
  EXPECT_THAT(Rules(OrgPredikat::kButuhPerbaikan, Counts(11, 29, 60, 0, 0)),
              ElementsAre("BUTUH_PERBAIKAN_MAX_10_SANGAT_BAIK"));
}

// --- Kurang: at least 60% Kurang; at least 10% Butuh Perbaikan; at most 10% Sangat Baik ---

TEST(DistributionKurang, ExactlyAtEveryBoundIsAllowed) {
  EXPECT_THAT(Rules(OrgPredikat::kKurang, Counts(1, 2, 1, 6, 0)), IsEmpty());
  EXPECT_THAT(Rules(OrgPredikat::kKurang, Counts(10, 20, 10, 60, 0)), IsEmpty());
}

TEST(DistributionKurang, JustBelow60PercentKurangIsRefused) {
  EXPECT_THAT(Rules(OrgPredikat::kKurang, Counts(10, 21, 10, 59, 0)),
              ElementsAre("KURANG_MIN_60_KURANG"));
}

TEST(DistributionKurang, JustBelow10PercentButuhPerbaikanIsRefused) {
  EXPECT_THAT(Rules(OrgPredikat::kKurang, Counts(10, 21, 9, 60, 0)),
              ElementsAre("KURANG_MIN_10_BUTUH_PERBAIKAN"));
  // 10% of 11 is 1.1: one is not enough, two are.
  EXPECT_THAT(Rules(OrgPredikat::kKurang, Counts(0, 2, 1, 8, 0)),
              ElementsAre("KURANG_MIN_10_BUTUH_PERBAIKAN"));
  EXPECT_THAT(Rules(OrgPredikat::kKurang, Counts(0, 1, 2, 8, 0)), IsEmpty());
}

TEST(DistributionKurang, JustAbove10PercentSangatBaikIsRefused) {
  EXPECT_THAT(Rules(OrgPredikat::kKurang, Counts(11, 19, 10, 60, 0)),
              ElementsAre("KURANG_MAX_10_SANGAT_BAIK"));
}

// --- Sangat Kurang: at least 60% Sangat Kurang; at least 10% Kurang or Butuh Perbaikan; no
// Sangat Baik ---

TEST(DistributionSangatKurang, ExactlyAtEveryBoundIsAllowed) {
  EXPECT_THAT(Rules(OrgPredikat::kSangatKurang, Counts(0, 3, 0, 1, 6)), IsEmpty());
  EXPECT_THAT(Rules(OrgPredikat::kSangatKurang, Counts(0, 30, 5, 5, 60)), IsEmpty());
}

TEST(DistributionSangatKurang, JustBelow60PercentSangatKurangIsRefused) {
  EXPECT_THAT(Rules(OrgPredikat::kSangatKurang, Counts(0, 31, 5, 5, 59)),
              ElementsAre("SANGAT_KURANG_MIN_60_SANGAT_KURANG"));
}

TEST(DistributionSangatKurang, JustBelow10PercentKurangOrButuhPerbaikanIsRefused) {
  const std::vector<CurveViolation> v =
      DistributionViolations(OrgPredikat::kSangatKurang, Counts(0, 31, 4, 5, 60));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN");
  EXPECT_THAT(v[0].predikat, ElementsAre(Predikat::kKurangMisconduct, Predikat::kButuhPerbaikan));
  EXPECT_EQ(v[0].bound, 10);
  EXPECT_EQ(v[0].actual, 9);
  EXPECT_EQ(v[0].total, 100);
}

TEST(DistributionSangatKurang, OneSangatBaikIsRefused) {
  const std::vector<CurveViolation> v =
      DistributionViolations(OrgPredikat::kSangatKurang, Counts(1, 29, 5, 5, 60));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "SANGAT_KURANG_NO_SANGAT_BAIK");
  EXPECT_EQ(v[0].bound_kind, CurveBound::kCeiling);
  EXPECT_EQ(v[0].unit, CurveUnit::kCount);
  EXPECT_EQ(v[0].bound, 0);
  EXPECT_EQ(v[0].actual, 1);
  EXPECT_EQ(v[0].message,
            "Unit berpredikat Sangat Kurang: tidak boleh ada pegawai Sangat Baik; ada 1 dari 100 "
            "pegawai.");
}

// --- Small and empty units, several violations ---

TEST(Distribution, ZeroEmployeesHaveNoViolationInAnyRow) {
  for (OrgPredikat unit : {OrgPredikat::kIstimewa, OrgPredikat::kBaik, OrgPredikat::kButuhPerbaikan,
                           OrgPredikat::kKurang, OrgPredikat::kSangatKurang}) {
    EXPECT_THAT(Rules(unit, PredikatCounts{}), IsEmpty()) << OrgPredikatName(unit);
  }
}

TEST(Distribution, OneEmployee) {
  // One of one is 100%.
  EXPECT_THAT(Rules(OrgPredikat::kIstimewa, Counts(1, 0, 0, 0, 0)),
              ElementsAre("ISTIMEWA_MAX_70_SANGAT_BAIK"));
  EXPECT_THAT(Rules(OrgPredikat::kIstimewa, Counts(0, 1, 0, 0, 0)), IsEmpty());
  EXPECT_THAT(Rules(OrgPredikat::kBaik, Counts(0, 1, 0, 0, 0)),
              ElementsAre("BAIK_MAX_70_BAIK", "BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG"));
  EXPECT_THAT(Rules(OrgPredikat::kBaik, Counts(0, 0, 0, 1, 0)), IsEmpty());
  EXPECT_THAT(Rules(OrgPredikat::kButuhPerbaikan, Counts(0, 0, 1, 0, 0)), IsEmpty());
  // A Kurang unit of one cannot hold both 60% Kurang and 10% Butuh Perbaikan.
  EXPECT_THAT(Rules(OrgPredikat::kKurang, Counts(0, 0, 0, 1, 0)),
              ElementsAre("KURANG_MIN_10_BUTUH_PERBAIKAN"));
  EXPECT_THAT(Rules(OrgPredikat::kSangatKurang, Counts(0, 0, 0, 0, 1)),
              ElementsAre("SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN"));
}

TEST(Distribution, SeveralViolationsAtOnceInTheTablesOrder) {
  EXPECT_THAT(Rules(OrgPredikat::kKurang, Counts(5, 0, 0, 0, 0)),
              ElementsAre("KURANG_MIN_60_KURANG", "KURANG_MIN_10_BUTUH_PERBAIKAN",
                          "KURANG_MAX_10_SANGAT_BAIK"));
  EXPECT_THAT(Rules(OrgPredikat::kSangatKurang, Counts(2, 3, 0, 0, 0)),
              ElementsAre("SANGAT_KURANG_MIN_60_SANGAT_KURANG",
                          "SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN",
                          "SANGAT_KURANG_NO_SANGAT_BAIK"));
  EXPECT_THAT(
      Rules(OrgPredikat::kButuhPerbaikan, Counts(2, 8, 0, 0, 0)),
      ElementsAre("BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN", "BUTUH_PERBAIKAN_MAX_10_SANGAT_BAIK"));
}

TEST(Distribution, ComparesExactlyForLargeUnits) {
  // 70% of 30,001 is 21,000.7: 21,000 is allowed, 21,001 is not.
  EXPECT_THAT(Rules(OrgPredikat::kIstimewa, Counts(21000, 9001, 0, 0, 0)), IsEmpty());
  EXPECT_THAT(Rules(OrgPredikat::kIstimewa, Counts(21001, 9000, 0, 0, 0)),
              ElementsAre("ISTIMEWA_MAX_70_SANGAT_BAIK"));
}

}  // namespace
}  // namespace ekinerja::skp
