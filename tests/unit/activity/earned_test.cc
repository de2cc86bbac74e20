#include "domain/earned.h"

#include <cstdint>
#include <limits>
#include <optional>

#include "gtest/gtest.h"

namespace ekinerja::activity {
namespace {

TEST(EarnedMinutes, WithoutACatalogueItemTheSpan) {
  EXPECT_EQ(EarnedMinutes(90, std::nullopt, 0, true), 90);
  EXPECT_EQ(EarnedMinutes(90, std::nullopt, 7, false), 90);
}

TEST(EarnedMinutes, NormTimesQuantityCappedBySpan) {
  // 3 letters at 20 minutes = 60, within a 90-minute span.
  EXPECT_EQ(EarnedMinutes(90, 20, 3, true), 60);
  // Exactly the span.
  EXPECT_EQ(EarnedMinutes(60, 20, 3, true), 60);
  // 5 letters at 20 = 100, capped by the 90-minute span.
  EXPECT_EQ(EarnedMinutes(90, 20, 5, true), 90);
  EXPECT_EQ(EarnedMinutes(90, 20, 0, true), 0);
}

TEST(EarnedMinutes, NotCappedWhenTheTenantSwitchesTheCapOff) {
  EXPECT_EQ(EarnedMinutes(90, 20, 5, false), 100);
  EXPECT_EQ(EarnedMinutes(90, 20, 3, false), 60);
}

TEST(EarnedMinutes, SaturatesInsteadOfOverflowing) {
  const int64_t huge = std::numeric_limits<int64_t>::max() / 2;
  EXPECT_EQ(EarnedMinutes(90, 1440, huge, false), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(EarnedMinutes(90, 1440, huge, true), 90);
}

}  // namespace
}  // namespace ekinerja::activity
