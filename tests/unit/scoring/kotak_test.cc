#include "domain/kotak.h"

#include "gtest/gtest.h"

namespace ekinerja::scoring {
namespace {

// DOMAIN §7, default thresholds 70% and 90%: a border case falls in the higher band.
TEST(BandOf, EdgesOnBothSides) {
  EXPECT_EQ(BandOf(Rational(0), 7000, 9000), Band::kLow);
  EXPECT_EQ(BandOf(Rational(6999, 10000), 7000, 9000), Band::kLow);
  EXPECT_EQ(BandOf(Rational(7000, 10000), 7000, 9000), Band::kMedium);
  EXPECT_EQ(BandOf(Rational(8999, 10000), 7000, 9000), Band::kMedium);
  EXPECT_EQ(BandOf(Rational(9000, 10000), 7000, 9000), Band::kHigh);
  EXPECT_EQ(BandOf(Rational(1), 7000, 9000), Band::kHigh);
  // Exact, not floating: 699.999/1.000.000 is below 70%, 7/10 is at it.
  EXPECT_EQ(BandOf(Rational(699999, 1000000), 7000, 9000), Band::kLow);
  EXPECT_EQ(BandOf(Rational(7, 10), 7000, 9000), Band::kMedium);
}

TEST(Box, NumberedThreeTimesRowPlusColumnPlusOne) {
  EXPECT_EQ(Box(Band::kLow, Band::kLow), 1);
  EXPECT_EQ(Box(Band::kLow, Band::kMedium), 2);
  EXPECT_EQ(Box(Band::kLow, Band::kHigh), 3);
  EXPECT_EQ(Box(Band::kMedium, Band::kLow), 4);
  EXPECT_EQ(Box(Band::kMedium, Band::kMedium), 5);
  EXPECT_EQ(Box(Band::kMedium, Band::kHigh), 6);
  EXPECT_EQ(Box(Band::kHigh, Band::kLow), 7);
  EXPECT_EQ(Box(Band::kHigh, Band::kMedium), 8);
  EXPECT_EQ(Box(Band::kHigh, Band::kHigh), 9);
}

TEST(IsLowBox, TheBoxesWithALowBand) {
  for (int box = 1; box <= 9; ++box) {
    const bool low = box == 1 || box == 2 || box == 3 || box == 4 || box == 7;
    EXPECT_EQ(IsLowBox(box), low) << box;
  }
}

Instrument Paid(int64_t d, int64_t disiplin_paid, int64_t p, int64_t produktivitas_paid) {
  Instrument in;
  in.disiplin_idr = d;
  in.disiplin_paid_idr = disiplin_paid;
  in.produktivitas_idr = p;
  in.produktivitas_paid_idr = produktivitas_paid;
  return in;
}

TEST(MonthlyKotakOf, PercentagesOfThePartsPaid) {
  const TppRules rules = NationalDefaults();
  // 700.000 / 1.000.000 = 70% (medium, at the edge); 1.349.999 / 1.500.000 = 89,99993% (medium).
  std::optional<MonthlyKotak> k = MonthlyKotakOf(rules, Paid(1000000, 700000, 1500000, 1349999));
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->disiplin.ToString(), "7/10");
  EXPECT_EQ(k->produktivitas.ToString(), "1349999/1500000");
  EXPECT_EQ(k->disiplin_band, Band::kMedium);
  EXPECT_EQ(k->produktivitas_band, Band::kMedium);
  EXPECT_EQ(k->box, 5);
  // 699.999 (low) and 1.350.000 = 90% (high): box 3, a low box.
  k = MonthlyKotakOf(rules, Paid(1000000, 699999, 1500000, 1350000));
  EXPECT_EQ(k->box, 3);
  EXPECT_TRUE(IsLowBox(k->box));
  // Everything paid: box 9; nothing paid: box 1.
  EXPECT_EQ(MonthlyKotakOf(rules, Paid(1000000, 1000000, 1500000, 1500000))->box, 9);
  EXPECT_EQ(MonthlyKotakOf(rules, Paid(1000000, 0, 1500000, 0))->box, 1);
}

TEST(MonthlyKotakOf, TheTenantsThresholds) {
  TppRules rules = NationalDefaults();
  rules.kotak_medium_bp = 6000;
  rules.kotak_high_bp = 8000;
  // 60% medium and 80% high under these thresholds (low and medium under the defaults).
  EXPECT_EQ(MonthlyKotakOf(rules, Paid(1000, 600, 1000, 800))->box, 6);
  EXPECT_EQ(MonthlyKotakOf(NationalDefaults(), Paid(1000, 600, 1000, 800))->box, 2);
}

TEST(MonthlyKotakOf, NoBoxWithoutACeiling) {
  const TppRules rules = NationalDefaults();
  EXPECT_EQ(MonthlyKotakOf(rules, Paid(0, 0, 0, 0)), std::nullopt);
  EXPECT_EQ(MonthlyKotakOf(rules, Paid(0, 0, 1, 1)), std::nullopt);
  EXPECT_EQ(MonthlyKotakOf(rules, Paid(1, 1, 0, 0)), std::nullopt);
}

// PermenPANRB 6/2022: hasil kerja rows, perilaku columns, with the predikat of DOMAIN §2 beside.
TEST(AnnualKotakOf, RatingsToBoxAndPredikat) {
  struct Case {
    const char* hasil;
    const char* perilaku;
    int box;
    skp::Predikat predikat;
  };
  const Case cases[] = {
      {"DI_BAWAH_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI", 1, skp::Predikat::kSangatKurang},
      {"DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI", 2, skp::Predikat::kButuhPerbaikan},
      {"DI_BAWAH_EKSPEKTASI", "DI_ATAS_EKSPEKTASI", 3, skp::Predikat::kButuhPerbaikan},
      {"SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI", 4, skp::Predikat::kKurangMisconduct},
      {"SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI", 5, skp::Predikat::kBaik},
      {"SESUAI_EKSPEKTASI", "DI_ATAS_EKSPEKTASI", 6, skp::Predikat::kBaik},
      {"DI_ATAS_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI", 7, skp::Predikat::kKurangMisconduct},
      {"DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", 8, skp::Predikat::kBaik},
      {"DI_ATAS_EKSPEKTASI", "DI_ATAS_EKSPEKTASI", 9, skp::Predikat::kSangatBaik},
  };
  for (const Case& c : cases) {
    const std::optional<AnnualKotak> k = AnnualKotakOf(c.hasil, c.perilaku);
    ASSERT_TRUE(k.has_value()) << c.hasil << " " << c.perilaku;
    EXPECT_EQ(k->box, c.box) << c.hasil << " " << c.perilaku;
    EXPECT_EQ(k->predikat, c.predikat) << c.hasil << " " << c.perilaku;
  }
}

TEST(AnnualKotakOf, NoBoxForWhatIsNotARating) {
  EXPECT_EQ(AnnualKotakOf("DI_ATAS", "SESUAI_EKSPEKTASI"), std::nullopt);
  EXPECT_EQ(AnnualKotakOf("SESUAI_EKSPEKTASI", ""), std::nullopt);
}

}  // namespace
}  // namespace ekinerja::scoring
