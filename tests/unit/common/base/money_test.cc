#include "money.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"

namespace ekinerja {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

TEST(MoneyApplyBasisPoints, ExactPercentages) {
  EXPECT_EQ(ApplyBasisPoints(1'000'000, 4000), 400'000);     // 40%
  EXPECT_EQ(ApplyBasisPoints(7'500'000, 125), 93'750);       // 1.25%
  EXPECT_EQ(ApplyBasisPoints(4'500'000, 10000), 4'500'000);  // 100%
  EXPECT_EQ(ApplyBasisPoints(4'500'000, 0), 0);
  EXPECT_EQ(ApplyBasisPoints(0, 125), 0);
}

TEST(MoneyApplyBasisPoints, RoundsFractionAboveHalfUp) {
  EXPECT_EQ(ApplyBasisPoints(3'333'333, 50), 16'667);  // 16,666.665
  EXPECT_EQ(ApplyBasisPoints(199, 50), 1);             // 0.995
  EXPECT_EQ(ApplyBasisPoints(2'999'999, 3), 900);      // 899.9997
}

TEST(MoneyApplyBasisPoints, RoundsFractionBelowHalfDown) {
  EXPECT_EQ(ApplyBasisPoints(1, 50), 0);           // 0.005
  EXPECT_EQ(ApplyBasisPoints(99, 50), 0);          // 0.495
  EXPECT_EQ(ApplyBasisPoints(2'998'333, 3), 899);  // 899.4999
  EXPECT_EQ(ApplyBasisPoints(5'000'100, 1), 500);  // 500.01
}

TEST(MoneyApplyBasisPoints, RoundsExactHalfUp) {
  EXPECT_EQ(ApplyBasisPoints(100, 50), 1);   // 0.5
  EXPECT_EQ(ApplyBasisPoints(300, 50), 2);   // 1.5
  EXPECT_EQ(ApplyBasisPoints(2'500, 2), 1);  // 0.5
}

TEST(MoneyApplyBasisPoints, RoundsNegativeHalvesAwayFromZero) {
  EXPECT_EQ(ApplyBasisPoints(-100, 50), -1);  // -0.5
  EXPECT_EQ(ApplyBasisPoints(-300, 50), -2);  // -1.5
  EXPECT_EQ(ApplyBasisPoints(-1, 50), 0);     // -0.005
  EXPECT_EQ(ApplyBasisPoints(-3'333'333, 50), -16'667);
  EXPECT_EQ(ApplyBasisPoints(100, -50), -1);
}

TEST(MoneyApplyBasisPoints, IsExactForTenTrillionRupiah) {
  const int64_t ten_trillion = 10'000'000'000'000;  // 10^13: amount × bp overflows 64 bits.
  EXPECT_EQ(ApplyBasisPoints(ten_trillion, 10000), ten_trillion);
  EXPECT_EQ(ApplyBasisPoints(ten_trillion, 1), 1'000'000'000);
  EXPECT_EQ(ApplyBasisPoints(ten_trillion + 5'000, 1), 1'000'000'001);          // 1,000,000,000.5
  EXPECT_EQ(ApplyBasisPoints(9'999'999'999'999, 3333), 3'333'000'000'000);      // ...999.6667
  EXPECT_EQ(ApplyBasisPoints(ten_trillion, 1'000'000), 1'000'000'000'000'000);  // 10000%
}

TEST(MoneyMulDivRoundHalfUp, ExactFractions) {
  EXPECT_EQ(MulDivRoundHalfUp(4'500'000, 6750, 6750), 4'500'000);  // capaian 100%
  EXPECT_EQ(MulDivRoundHalfUp(4'500'000, 3375, 6750), 2'250'000);  // 50%
  EXPECT_EQ(MulDivRoundHalfUp(4'500'000, 6000, 6750), 4'000'000);  // 8/9
  EXPECT_EQ(MulDivRoundHalfUp(1'000'000, 1, 3), 333'333);          // 333,333.33
  EXPECT_EQ(MulDivRoundHalfUp(2'000'000, 1, 3), 666'667);          // 666,666.67
  EXPECT_EQ(MulDivRoundHalfUp(10'000, 2, 3), 6'667);
  EXPECT_EQ(MulDivRoundHalfUp(1, 1, 2), 1);  // 0.5
  EXPECT_EQ(MulDivRoundHalfUp(1, 1, 3), 0);
  EXPECT_EQ(MulDivRoundHalfUp(0, 5, 7), 0);
}

TEST(MoneyMulDivRoundHalfUp, NegativeOperandsAreSymmetric) {
  EXPECT_EQ(MulDivRoundHalfUp(-1, 1, 2), -1);
  EXPECT_EQ(MulDivRoundHalfUp(-2'000'000, 1, 3), -666'667);
  EXPECT_EQ(MulDivRoundHalfUp(2'000'000, -1, 3), -666'667);
  EXPECT_EQ(MulDivRoundHalfUp(2'000'000, 1, -3), -666'667);
  EXPECT_EQ(MulDivRoundHalfUp(-2'000'000, 1, -3), 666'667);
}

TEST(MoneyMulDivRoundHalfUp, ProductBeyondSixtyFourBitsIsExact) {
  EXPECT_EQ(MulDivRoundHalfUp(kMax, kMax, kMax), kMax);
  EXPECT_EQ(MulDivRoundHalfUp(kMax, 2, 4), kMax / 2 + 1);  // (2^63 - 1) / 2 = ...3.5
  EXPECT_EQ(MulDivRoundHalfUp(kMin, kMin, kMin), kMin);
  EXPECT_EQ(MulDivRoundHalfUp(kMin, 1, kMin), 1);
}

TEST(MoneyMulDivRoundHalfUp, SaturatesWhenResultDoesNotFit) {
  EXPECT_EQ(MulDivRoundHalfUp(kMax, 2, 1), kMax);
  EXPECT_EQ(MulDivRoundHalfUp(kMax, -2, 1), kMin);
  EXPECT_EQ(MulDivRoundHalfUp(kMin, -1, 1), kMax);  // 2^63 does not fit.
}

TEST(MoneyMulDivRoundHalfUpDeathTest, AbortsOnZeroDenominator) {
  EXPECT_DEATH(MulDivRoundHalfUp(1, 1, 0), "zero denominator");
}

TEST(MoneyFormatRupiah, GroupsThousandsWithDots) {
  EXPECT_EQ(FormatRupiah(1'234'567), "Rp 1.234.567");
  EXPECT_EQ(FormatRupiah(0), "Rp 0");
  EXPECT_EQ(FormatRupiah(5), "Rp 5");
  EXPECT_EQ(FormatRupiah(999), "Rp 999");
  EXPECT_EQ(FormatRupiah(1'000), "Rp 1.000");
  EXPECT_EQ(FormatRupiah(100'000), "Rp 100.000");
  EXPECT_EQ(FormatRupiah(4'500'000), "Rp 4.500.000");
  EXPECT_EQ(FormatRupiah(10'000'000'000'000), "Rp 10.000.000.000.000");
}

TEST(MoneyFormatRupiah, PutsMinusBeforeRp) {
  EXPECT_EQ(FormatRupiah(-5), "-Rp 5");
  EXPECT_EQ(FormatRupiah(-1'234'567), "-Rp 1.234.567");
}

TEST(MoneyFormatRupiah, HandlesInt64Extremes) {
  EXPECT_EQ(FormatRupiah(kMax), "Rp 9.223.372.036.854.775.807");
  EXPECT_EQ(FormatRupiah(kMin), "-Rp 9.223.372.036.854.775.808");
}

}  // namespace
}  // namespace ekinerja
