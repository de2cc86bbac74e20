#include "domain/schedule.h"

#include <optional>
#include <vector>

#include "gtest/gtest.h"

namespace ekinerja::attendance {
namespace {

const absl::CivilDay kMonday(2026, 3, 2);
const absl::CivilDay kThursday(2026, 3, 5);
const absl::CivilDay kFriday(2026, 3, 6);
const absl::CivilDay kSaturday(2026, 3, 7);
const absl::CivilDay kSunday(2026, 3, 8);

TEST(Minutes, CountsFromMidnight) {
  EXPECT_EQ(Minutes(0, 0), 0);
  EXPECT_EQ(Minutes(7, 30), 450);
  EXPECT_EQ(Minutes(16, 0), 960);
  EXPECT_EQ(Minutes(30, 0), 1800);
}

TEST(DefaultFiveDayWeek, IsMonThu0730To1600Fri0730To1630AndWeekendOff) {
  const WeekTemplate week = DefaultFiveDayWeek();
  EXPECT_EQ(week.code, "5HK");
  EXPECT_EQ(week.HoursOn(kMonday), (WorkHours{450, 960}));
  EXPECT_EQ(week.HoursOn(kThursday), (WorkHours{450, 960}));
  EXPECT_EQ(week.HoursOn(kFriday), (WorkHours{450, 990}));
  EXPECT_EQ(week.HoursOn(kSaturday), std::nullopt);
  EXPECT_EQ(week.HoursOn(kSunday), std::nullopt);
  EXPECT_TRUE(ValidateWeekTemplate(week).ok());
}

TEST(DefaultFiveDayWeek, AddsUpTo37AndAHalfHoursWithTheBreaks) {
  // Breaks of DOMAIN §4: 12:00–13:00 Mon–Thu, 11:30–13:00 Fri.
  const WeekTemplate week = DefaultFiveDayWeek();
  int minutes = 0;
  for (int i = 0; i < 7; ++i) {
    if (!week.days[i]) continue;
    minutes += week.days[i]->end_minute - week.days[i]->start_minute - (i == 4 ? 90 : 60);
  }
  EXPECT_EQ(minutes, 37 * 60 + 30);
}

TEST(DefaultSixDayWeek, WorksSaturdayAndRestsSunday) {
  const WeekTemplate week = DefaultSixDayWeek();
  EXPECT_EQ(week.code, "6HK");
  EXPECT_EQ(week.HoursOn(kMonday), (WorkHours{450, 840}));
  EXPECT_EQ(week.HoursOn(kFriday), (WorkHours{450, 690}));
  EXPECT_EQ(week.HoursOn(kSaturday), (WorkHours{450, 780}));
  EXPECT_EQ(week.HoursOn(kSunday), std::nullopt);
  EXPECT_TRUE(ValidateWeekTemplate(week).ok());
}

TEST(NightShift, Runs2200To0600NextMorning) {
  const RosterEntry entry = NightShift(kMonday);
  EXPECT_EQ(entry.day, kMonday);
  EXPECT_EQ(entry.hours, (WorkHours{1320, 1800}));
  EXPECT_TRUE(ValidateWorkHours(*entry.hours).ok());
}

TEST(HoursFor, TakesTheTemplateWhenNoRosterEntry) {
  EXPECT_EQ(HoursFor(kFriday, DefaultFiveDayWeek(), {}), (WorkHours{450, 990}));
  EXPECT_EQ(HoursFor(kSaturday, DefaultFiveDayWeek(), {}), std::nullopt);
}

TEST(HoursFor, RosterEntryOverridesTheTemplateOnItsDayOnly) {
  const std::vector<RosterEntry> roster = {NightShift(kMonday),
                                           RosterEntry{kThursday, std::nullopt},
                                           RosterEntry{kSaturday, WorkHours{420, 900}}};
  const WeekTemplate week = DefaultFiveDayWeek();
  EXPECT_EQ(HoursFor(kMonday, week, roster), (WorkHours{1320, 1800}));
  EXPECT_EQ(HoursFor(kThursday, week, roster), std::nullopt);  // rostered off
  EXPECT_EQ(HoursFor(kSaturday, week, roster), (WorkHours{420, 900}));
  EXPECT_EQ(HoursFor(kFriday, week, roster), (WorkHours{450, 990}));
}

TEST(HoursFor, FirstEntryWinsWhenADayIsListedTwice) {
  const std::vector<RosterEntry> roster = {RosterEntry{kMonday, WorkHours{360, 840}},
                                           NightShift(kMonday)};
  EXPECT_EQ(HoursFor(kMonday, DefaultFiveDayWeek(), roster), (WorkHours{360, 840}));
}

TEST(ValidateWorkHours, AcceptsTheEdges) {
  EXPECT_TRUE(ValidateWorkHours({0, 1}).ok());
  EXPECT_TRUE(ValidateWorkHours({0, 1440}).ok());
  EXPECT_TRUE(ValidateWorkHours({1439, 2879}).ok());
}

TEST(ValidateWorkHours, RejectsAStartOutsideTheDay) {
  EXPECT_EQ(ValidateWorkHours({-1, 60}).message(), "start -1 is not a minute of the day (0..1439)");
  EXPECT_EQ(ValidateWorkHours({1440, 1500}).message(),
            "start 1440 is not a minute of the day (0..1439)");
  EXPECT_EQ(ValidateWorkHours({-1, 60}).code(), absl::StatusCode::kInvalidArgument);
}

TEST(ValidateWorkHours, RejectsAnEndNotAfterTheStart) {
  EXPECT_EQ(ValidateWorkHours({450, 450}).message(), "end 450 is not after start 450");
  EXPECT_EQ(ValidateWorkHours({1320, 360}).message(), "end 360 is not after start 1320");
}

TEST(ValidateWorkHours, RejectsAShiftLongerThan24Hours) {
  EXPECT_EQ(ValidateWorkHours({0, 1441}).message(),
            "shift of 1441 minutes is longer than 24 hours");
}

TEST(ValidateWeekTemplate, NamesTheBadWeekday) {
  WeekTemplate week = DefaultFiveDayWeek();
  week.days[2] = WorkHours{960, 450};
  const absl::Status st = ValidateWeekTemplate(week);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(st.message(), "wednesday: end 450 is not after start 960");
}

}  // namespace
}  // namespace ekinerja::attendance
