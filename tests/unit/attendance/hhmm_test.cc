#include "domain/hhmm.h"

#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::attendance {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> FieldsOf(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

TEST(ParseWorkHours, BothEmptyIsADayOff) {
  auto hours = ParseWorkHours("", "", "days[5]");
  ASSERT_TRUE(hours.ok()) << hours.status();
  EXPECT_EQ(*hours, std::nullopt);
}

TEST(ParseWorkHours, ReadsADayShift) {
  auto hours = ParseWorkHours("07:30", "16:00", "days[0]");
  ASSERT_TRUE(hours.ok()) << hours.status();
  EXPECT_EQ(*hours, (WorkHours{450, 960}));
}

TEST(ParseWorkHours, AnEndBeforeTheStartIsTheNextMorning) {
  auto night = ParseWorkHours("22:00", "06:00", "days[0]");
  ASSERT_TRUE(night.ok()) << night.status();
  EXPECT_EQ(*night, (WorkHours{1320, 1800}));
  // The same start and end: a 24-hour shift (fire brigade).
  auto full = ParseWorkHours("07:00", "07:00", "days[0]");
  ASSERT_TRUE(full.ok()) << full.status();
  EXPECT_EQ(*full, (WorkHours{420, 420 + 1440}));
}

TEST(ParseWorkHours, NamesEachBadSide) {
  auto both_bad = ParseWorkHours("7:30", "25:00", "template.days[2]");
  EXPECT_EQ(both_bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(FieldsOf(both_bad.status()),
              ElementsAre("template.days[2].start", "template.days[2].end"));

  auto no_end = ParseWorkHours("07:30", "", "days[0].hours");
  EXPECT_THAT(FieldsOf(no_end.status()), ElementsAre("days[0].hours.end"));
  auto no_start = ParseWorkHours("", "16:00", "days[0].hours");
  EXPECT_THAT(FieldsOf(no_start.status()), ElementsAre("days[0].hours.start"));
}

}  // namespace
}  // namespace ekinerja::attendance
