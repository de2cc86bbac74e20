#include "domain/calendar_rules.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::attendance {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> FieldsOf(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

TEST(ValidateTemplateCode, AcceptsUpperCaseDigitsDashAndUnderscore) {
  for (const char* good : {"5HK", "6HK", "RAMADAN-2026", "SHIFT_MALAM", "A", "ABCDEFGHIJKLMNOP"}) {
    EXPECT_TRUE(ValidateTemplateCode(good, "template.code").ok()) << good;
  }
}

TEST(ValidateTemplateCode, RefusesEmptyLongLowerCaseAndOtherCharacters) {
  for (const char* bad :
       {"", "ABCDEFGHIJKLMNOPQ", "ramadan", "RAMADAN 2026", "RAMADAN.2026", "JAM/KERJA", "É"}) {
    absl::Status st = ValidateTemplateCode(bad, "template.code");
    EXPECT_THAT(FieldsOf(st), ElementsAre("template.code")) << bad;
  }
}

TEST(BuiltInTemplates, AreFiveAndSixDayWeeks) {
  const std::vector<BuiltInTemplate> builtins = BuiltInTemplates();
  ASSERT_EQ(builtins.size(), 2u);
  EXPECT_EQ(builtins[0].week.code, "5HK");
  EXPECT_EQ(builtins[0].week.days, DefaultFiveDayWeek().days);
  EXPECT_EQ(builtins[1].week.code, "6HK");
  EXPECT_EQ(builtins[1].week.days, DefaultSixDayWeek().days);
  EXPECT_TRUE(IsBuiltInTemplate("5HK"));
  EXPECT_TRUE(IsBuiltInTemplate("6HK"));
  EXPECT_FALSE(IsBuiltInTemplate("7HK"));
  EXPECT_FALSE(IsBuiltInTemplate("5hk"));
}

std::vector<DayText> RamadanWeek() {
  return {{"08:00", "15:00"},
          {"08:00", "15:00"},
          {"08:00", "15:00"},
          {"08:00", "15:00"},
          {"08:00", "15:30"},
          {"", ""},
          {"", ""}};
}

TEST(ParseWeekDays, ReadsSevenDaysMondayFirst) {
  auto week = ParseWeekDays(RamadanWeek(), "template.days");
  ASSERT_TRUE(week.ok()) << week.status();
  EXPECT_EQ((*week)[0], (WorkHours{480, 900}));
  EXPECT_EQ((*week)[4], (WorkHours{480, 930}));
  EXPECT_EQ((*week)[5], std::nullopt);
  EXPECT_EQ((*week)[6], std::nullopt);
}

TEST(ParseWeekDays, ReadsANightShiftWeek) {
  std::vector<DayText> days(7, DayText{"22:00", "06:00"});
  auto week = ParseWeekDays(days, "template.days");
  ASSERT_TRUE(week.ok()) << week.status();
  for (const auto& day : *week) EXPECT_EQ(day, (WorkHours{1320, 1800}));
}

TEST(ParseWeekDays, NeedsExactlySevenDays) {
  std::vector<DayText> six = RamadanWeek();
  six.pop_back();
  EXPECT_THAT(FieldsOf(ParseWeekDays(six, "template.days").status()), ElementsAre("template.days"));
  EXPECT_THAT(FieldsOf(ParseWeekDays({}, "template.days").status()), ElementsAre("template.days"));
}

TEST(ParseWeekDays, ReportsEveryBadDay) {
  std::vector<DayText> days = RamadanWeek();
  days[1] = {"8:00", "15:00"};
  days[3] = {"08:00", ""};
  days[6] = {"", "12:00"};
  EXPECT_THAT(
      FieldsOf(ParseWeekDays(days, "template.days").status()),
      ElementsAre("template.days[1].start", "template.days[3].end", "template.days[6].start"));
}

RulesInput GoodRules() { return {"Asia/Makassar", {30, 60, 90}, 5, 240, {}}; }

TEST(ValidateRules, AcceptsTheNationalDefaultsInEveryIndonesianZone) {
  for (const char* zone : {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"}) {
    RulesInput rules = GoodRules();
    rules.time_zone = zone;
    EXPECT_TRUE(ValidateRules(rules, "rules.").ok()) << zone;
  }
  RulesInput edges{"Asia/Jakarta", {1, 2, 3}, 0, 720, {kEarliestWorkDate, kLatestWorkDate}};
  EXPECT_TRUE(ValidateRules(edges, "rules.").ok());
}

TEST(ValidateRules, ReportsEveryBadField) {
  RulesInput rules{"Asia/Singapore",
                   {30, 30, 90},
                   -1,
                   0,
                   {absl::CivilDay(1969, 1, 1), absl::CivilDay(2200, 1, 1)}};
  EXPECT_THAT(
      FieldsOf(ValidateRules(rules, "rules.")),
      ElementsAre("rules.time_zone", "rules.tier_max_minutes", "rules.future_tolerance_minutes",
                  "rules.window_margin_minutes", "rules.first_work_date", "rules.last_work_date"));
}

TEST(ValidateRules, TiersAreThreePositiveStrictlyIncreasing) {
  for (const std::vector<int>& tiers : std::vector<std::vector<int>>{{},
                                                                     {30, 60},
                                                                     {30, 60, 90, 120},
                                                                     {0, 60, 90},
                                                                     {-30, 60, 90},
                                                                     {60, 30, 90},
                                                                     {30, 60, 60}}) {
    RulesInput rules = GoodRules();
    rules.tier_max_minutes = tiers;
    EXPECT_THAT(FieldsOf(ValidateRules(rules, "rules.")), ElementsAre("rules.tier_max_minutes"));
  }
}

TEST(ValidateRules, RefusesEmptyZoneAliasesAndOutOfRangeMinutes) {
  RulesInput rules = GoodRules();
  rules.time_zone = "";
  EXPECT_THAT(FieldsOf(ValidateRules(rules, "rules.")), ElementsAre("rules.time_zone"));
  rules.time_zone = "Asia/Ujung_Pandang";  // an alias of Asia/Makassar
  EXPECT_THAT(FieldsOf(ValidateRules(rules, "rules.")), ElementsAre("rules.time_zone"));
  rules = GoodRules();
  rules.future_tolerance_minutes = 1441;
  rules.window_margin_minutes = 721;
  EXPECT_THAT(FieldsOf(ValidateRules(rules, "")),
              ElementsAre("future_tolerance_minutes", "window_margin_minutes"));
  EXPECT_THAT(FieldsOf(ValidateRules(GoodRules(), "rules.")), IsEmpty());
}

}  // namespace
}  // namespace ekinerja::attendance
