#include "domain/org_predikat.h"

#include <optional>

#include "domain/predikat.h"
#include "gtest/gtest.h"

namespace ekinerja::skp {
namespace {

// PermenPANRB 6/2022: the unit's organisational performance is its head's rating hasil kerja.
TEST(UnitHeadRatingHasilKerja, IstimewaIsDiAtasEkspektasi) {
  EXPECT_EQ(UnitHeadRatingHasilKerja(OrgPredikat::kIstimewa), Rating::kDiAtasEkspektasi);
}

TEST(UnitHeadRatingHasilKerja, BaikIsSesuaiEkspektasi) {
  EXPECT_EQ(UnitHeadRatingHasilKerja(OrgPredikat::kBaik), Rating::kSesuaiEkspektasi);
}

TEST(UnitHeadRatingHasilKerja, TheThreeLowerPredikatAreDiBawahEkspektasi) {
  EXPECT_EQ(UnitHeadRatingHasilKerja(OrgPredikat::kButuhPerbaikan), Rating::kDiBawahEkspektasi);
  EXPECT_EQ(UnitHeadRatingHasilKerja(OrgPredikat::kKurang), Rating::kDiBawahEkspektasi);
  EXPECT_EQ(UnitHeadRatingHasilKerja(OrgPredikat::kSangatKurang), Rating::kDiBawahEkspektasi);
}

TEST(UnitHeadRatingHasilKerja, AHeadOfAnIstimewaUnitWithGoodBehaviourIsSangatBaik) {
  EXPECT_EQ(
      PredikatKinerja(UnitHeadRatingHasilKerja(OrgPredikat::kIstimewa), Rating::kDiAtasEkspektasi),
      Predikat::kSangatBaik);
}

TEST(OrgPredikatNames, AreTheStoredNamesAndParseBack) {
  EXPECT_EQ(OrgPredikatName(OrgPredikat::kIstimewa), "ISTIMEWA");
  EXPECT_EQ(OrgPredikatName(OrgPredikat::kBaik), "BAIK");
  EXPECT_EQ(OrgPredikatName(OrgPredikat::kButuhPerbaikan), "BUTUH_PERBAIKAN");
  EXPECT_EQ(OrgPredikatName(OrgPredikat::kKurang), "KURANG");
  EXPECT_EQ(OrgPredikatName(OrgPredikat::kSangatKurang), "SANGAT_KURANG");
  for (OrgPredikat p : {OrgPredikat::kIstimewa, OrgPredikat::kBaik, OrgPredikat::kButuhPerbaikan,
                        OrgPredikat::kKurang, OrgPredikat::kSangatKurang}) {
    EXPECT_EQ(ParseOrgPredikat(OrgPredikatName(p)), p);
  }
}

TEST(OrgPredikatNames, ParseRefusesOtherSpellings) {
  EXPECT_EQ(ParseOrgPredikat(""), std::nullopt);
  EXPECT_EQ(ParseOrgPredikat("istimewa"), std::nullopt);
  EXPECT_EQ(ParseOrgPredikat("KURANG_MISCONDUCT"), std::nullopt);  // an employee's predikat
  EXPECT_EQ(ParseOrgPredikat("SANGAT_BAIK"), std::nullopt);
}

}  // namespace
}  // namespace ekinerja::skp
