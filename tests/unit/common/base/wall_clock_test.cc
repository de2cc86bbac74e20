#include "wall_clock.h"

#include <optional>

#include "gtest/gtest.h"

namespace ekinerja {
namespace {

TEST(ParseHhMm, ReadsTheMinutesOfTheDay) {
  EXPECT_EQ(ParseHhMm("00:00"), 0);
  EXPECT_EQ(ParseHhMm("07:30"), 450);
  EXPECT_EQ(ParseHhMm("16:00"), 960);
  EXPECT_EQ(ParseHhMm("23:59"), 1439);
}

TEST(ParseHhMm, RefusesAnythingButExactlyHhMm) {
  for (const char* bad : {"", "7:30", "07:3", "24:00", "07:60", "07:30:00", " 07:30", "07:30 ",
                          "07.30", "0730", "-1:30", "ab:cd", "99:99"}) {
    EXPECT_EQ(ParseHhMm(bad), std::nullopt) << bad;
  }
}

TEST(FormatHhMm, WritesTheWallClockAlsoForTheNextMorning) {
  EXPECT_EQ(FormatHhMm(0), "00:00");
  EXPECT_EQ(FormatHhMm(450), "07:30");
  EXPECT_EQ(FormatHhMm(1439), "23:59");
  EXPECT_EQ(FormatHhMm(1440), "00:00");
  EXPECT_EQ(FormatHhMm(1800), "06:00");
}

}  // namespace
}  // namespace ekinerja
