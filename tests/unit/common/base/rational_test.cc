#include "rational.h"

#include <cstdint>

#include "gtest/gtest.h"

namespace ekinerja {
namespace {

TEST(Rational, KeepsFractionsReducedAndExact) {
  EXPECT_EQ(Rational(1, 3) + Rational(1, 6), Rational(1, 2));
  EXPECT_EQ(Rational(2, 4), Rational(1, 2));
  EXPECT_EQ(Rational(3, -6), Rational(-1, 2));
  EXPECT_EQ(Rational(44, 25) * 25, Rational(44));
  EXPECT_EQ(Rational(1) - Rational(1, 3), Rational(2, 3));
  EXPECT_EQ(Rational(203, 3).ToString(), "203/3");
  EXPECT_EQ(Rational(-7).ToString(), "-7");
}

TEST(Rational, ComparesExactly) {
  EXPECT_TRUE(Rational(24) <= 24);
  EXPECT_FALSE(Rational(24) < 24);
  EXPECT_TRUE(Rational(2400001, 100000) > 24);
  EXPECT_TRUE(Rational(-1, 3) < Rational(-1, 4));
}

TEST(Rational, ZeroDenominatorIsInvalidAndSticky) {
  const Rational bad(1, 0);
  EXPECT_FALSE(bad.valid());
  EXPECT_FALSE((bad + 1).valid());
  EXPECT_FALSE((Rational(1) / 0).valid());
  EXPECT_FALSE(bad < 1);
  EXPECT_FALSE(bad >= 1);
  EXPECT_EQ(bad.ToFixed2(), "invalid");
}

TEST(Rational, OverflowIsInvalidNotWrong) {
  Rational big(INT64_MAX);
  for (int i = 0; i < 3; ++i) big = big * INT64_MAX;
  EXPECT_FALSE(big.valid());
}

TEST(Rational, ReportsTwoDecimalsHalfUp) {
  EXPECT_EQ(Rational(90995, 1000).RoundedHundredths(), 9100);  // the half goes up
  EXPECT_EQ(Rational(90994, 1000).RoundedHundredths(), 9099);
  EXPECT_EQ(Rational(90996, 1000).ToFixed2(), "91.00");
  EXPECT_EQ(Rational(203, 3).ToFixed2(), "67.67");
  EXPECT_EQ(Rational(200, 3).ToFixed2(), "66.67");
  EXPECT_EQ(Rational(1, 200).ToFixed2(), "0.01");
  EXPECT_EQ(Rational(0).ToFixed2(), "0.00");
  EXPECT_EQ(Rational(-67675, 1000).RoundedHundredths(), -6768);  // away from zero below 0
  EXPECT_EQ(Rational(-11, 2).ToFixed2(), "-5.50");
  EXPECT_EQ(Rational(-1, 300).ToFixed2(), "0.00");
}

}  // namespace
}  // namespace ekinerja
