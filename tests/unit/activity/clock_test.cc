#include "domain/clock.h"

#include "gtest/gtest.h"

namespace ekinerja::activity {
namespace {

TEST(ParseClock, ReadsMinutesOfTheDay) {
  EXPECT_EQ(ParseClock("07:30").value(), 450);
  EXPECT_EQ(ParseClock("00:00").value(), 0);
  EXPECT_EQ(ParseClock("23:59").value(), 1439);
}

TEST(ParseClock, RefusesMidnightAsAnEndAndAnythingButHhMm) {
  for (const char* bad : {"24:00", "7:30", "07:60", "", "07:30:00"}) {
    const auto parsed = ParseClock(bad);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(parsed.status().message(), "not a time HH:MM (00:00-23:59)") << bad;
  }
}

TEST(FormatClock, WritesHhMm) {
  EXPECT_EQ(FormatClock(450), "07:30");
  EXPECT_EQ(FormatClock(0), "00:00");
  EXPECT_EQ(FormatClock(1439), "23:59");
}

}  // namespace
}  // namespace ekinerja::activity
