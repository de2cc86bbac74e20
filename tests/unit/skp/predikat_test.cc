#include "domain/predikat.h"

#include <optional>

#include "gtest/gtest.h"

namespace ekinerja::skp {
namespace {

constexpr Rating kBawah = Rating::kDiBawahEkspektasi;
constexpr Rating kSesuai = Rating::kSesuaiEkspektasi;
constexpr Rating kAtas = Rating::kDiAtasEkspektasi;

// PermenPANRB 6/2022: every cell of the matrix in DOMAIN §2, hasil kerja first.
TEST(PredikatKinerja, HasilDiAtasRow) {
  EXPECT_EQ(PredikatKinerja(kAtas, kBawah), Predikat::kKurangMisconduct);
  EXPECT_EQ(PredikatKinerja(kAtas, kSesuai), Predikat::kBaik);
  EXPECT_EQ(PredikatKinerja(kAtas, kAtas), Predikat::kSangatBaik);
}

TEST(PredikatKinerja, HasilSesuaiRow) {
  EXPECT_EQ(PredikatKinerja(kSesuai, kBawah), Predikat::kKurangMisconduct);
  EXPECT_EQ(PredikatKinerja(kSesuai, kSesuai), Predikat::kBaik);
  EXPECT_EQ(PredikatKinerja(kSesuai, kAtas), Predikat::kBaik);
}

TEST(PredikatKinerja, HasilDiBawahRow) {
  EXPECT_EQ(PredikatKinerja(kBawah, kBawah), Predikat::kSangatKurang);
  EXPECT_EQ(PredikatKinerja(kBawah, kSesuai), Predikat::kButuhPerbaikan);
  EXPECT_EQ(PredikatKinerja(kBawah, kAtas), Predikat::kButuhPerbaikan);
}

TEST(PredikatKinerja, IsNotSymmetric) {
  // Good work with poor behaviour is misconduct; poor work with good behaviour needs improvement.
  EXPECT_EQ(PredikatKinerja(kAtas, kBawah), Predikat::kKurangMisconduct);
  EXPECT_EQ(PredikatKinerja(kBawah, kAtas), Predikat::kButuhPerbaikan);
}

TEST(PredikatNames, AreTheStoredNames) {
  EXPECT_EQ(RatingName(kBawah), "DI_BAWAH_EKSPEKTASI");
  EXPECT_EQ(RatingName(kSesuai), "SESUAI_EKSPEKTASI");
  EXPECT_EQ(RatingName(kAtas), "DI_ATAS_EKSPEKTASI");
  EXPECT_EQ(PredikatName(Predikat::kSangatBaik), "SANGAT_BAIK");
  EXPECT_EQ(PredikatName(Predikat::kBaik), "BAIK");
  EXPECT_EQ(PredikatName(Predikat::kButuhPerbaikan), "BUTUH_PERBAIKAN");
  EXPECT_EQ(PredikatName(Predikat::kKurangMisconduct), "KURANG_MISCONDUCT");
  EXPECT_EQ(PredikatName(Predikat::kSangatKurang), "SANGAT_KURANG");
}

TEST(PredikatNames, ParseEveryPrintedName) {
  for (Rating r : {kBawah, kSesuai, kAtas}) EXPECT_EQ(ParseRating(RatingName(r)), r);
  for (Predikat p : {Predikat::kSangatBaik, Predikat::kBaik, Predikat::kButuhPerbaikan,
                     Predikat::kKurangMisconduct, Predikat::kSangatKurang}) {
    EXPECT_EQ(ParsePredikat(PredikatName(p)), p);
  }
  EXPECT_EQ(ParsePredikat("KURANG_MISCONDUCT"), Predikat::kKurangMisconduct);
}

TEST(PredikatNames, ParseRefusesOtherSpellings) {
  EXPECT_EQ(ParseRating(""), std::nullopt);
  EXPECT_EQ(ParseRating("sesuai_ekspektasi"), std::nullopt);
  EXPECT_EQ(ParseRating("SESUAI"), std::nullopt);
  EXPECT_EQ(ParsePredikat("KURANG"), std::nullopt);
  EXPECT_EQ(ParsePredikat("BAIK "), std::nullopt);
}

}  // namespace
}  // namespace ekinerja::skp
