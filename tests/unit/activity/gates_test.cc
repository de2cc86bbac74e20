#include "domain/gates.h"

#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace ekinerja::activity {
namespace {

absl::TimeZone Zone(const char* name) {
  absl::TimeZone zone;
  EXPECT_TRUE(absl::LoadTimeZone(name, &zone)) << name;
  return zone;
}

absl::Time At(absl::TimeZone zone, int y, int m, int d, int hh, int mm, int ss) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, ss), zone);
}

TEST(Overlaps, TouchingSpansDoNotOverlap) {
  EXPECT_FALSE(Overlaps({480, 540}, {540, 600}));  // 08:00-09:00, 09:00-10:00
  EXPECT_FALSE(Overlaps({540, 600}, {480, 540}));
  EXPECT_TRUE(Overlaps({480, 541}, {540, 600}));  // one minute shared
  EXPECT_TRUE(Overlaps({540, 600}, {480, 541}));
  EXPECT_TRUE(Overlaps({480, 600}, {500, 510}));  // inside
  EXPECT_TRUE(Overlaps({480, 540}, {480, 540}));  // the same
}

TEST(Span, MinutesAndValidity) {
  EXPECT_EQ((Span{480, 570}).minutes(), 90);
  EXPECT_TRUE((Span{0, 1439}).valid());
  EXPECT_FALSE((Span{480, 480}).valid());
  EXPECT_FALSE((Span{540, 480}).valid());
  EXPECT_FALSE((Span{480, 1440}).valid());
  EXPECT_FALSE((Span{-1, 480}).valid());
}

TEST(EntryDeadline, IsMidnightStartingDayPlusTwoInTheZone) {
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  const absl::TimeZone wit = Zone("Asia/Jayapura");
  const absl::CivilDay d(2026, 3, 10);
  EXPECT_EQ(EntryDeadline(d, DeadlineRule{}, wib), At(wib, 2026, 3, 12, 0, 0, 0));
  EXPECT_EQ(EntryDeadline(d, DeadlineRule{}, wit), At(wit, 2026, 3, 12, 0, 0, 0));
  // WIT is two hours ahead of WIB: the same deadline comes two hours earlier in absolute time.
  EXPECT_EQ(EntryDeadline(d, DeadlineRule{}, wib) - EntryDeadline(d, DeadlineRule{}, wit),
            absl::Hours(2));
  // A tenant's D+2 at 12:00: the last accepted minute is 12:00, refused from 12:01.
  EXPECT_EQ(EntryDeadline(d, DeadlineRule{2, 12 * 60}, wib), At(wib, 2026, 3, 12, 12, 1, 0));
}

void ExpectDeadlineEdge(const char* zone_name) {
  const absl::TimeZone zone = Zone(zone_name);
  const absl::CivilDay d(2026, 3, 10);
  EXPECT_TRUE(CheckDeadline(d, At(zone, 2026, 3, 11, 23, 59, 59), DeadlineRule{}, zone).ok())
      << zone_name;
  const absl::Status late = CheckDeadline(d, At(zone, 2026, 3, 12, 0, 0, 0), DeadlineRule{}, zone);
  EXPECT_EQ(late.code(), absl::StatusCode::kFailedPrecondition) << zone_name;
  EXPECT_EQ(late.message(), absl::StrCat("entries for 2026-03-10 were accepted until 2026-03-11 "
                                         "23:59 ",
                                         zone_name));
}

TEST(CheckDeadline, AcceptsUntil235959OfDayPlusOneInWib) { ExpectDeadlineEdge("Asia/Jakarta"); }

TEST(CheckDeadline, AcceptsUntil235959OfDayPlusOneInWit) { ExpectDeadlineEdge("Asia/Jayapura"); }

TEST(CheckDeadline, TheZoneDecidesTheSameInstant) {
  // 2026-03-11 22:30 WIB is 2026-03-12 00:30 WIT: in time in Jakarta, late in Jayapura.
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  const absl::TimeZone wit = Zone("Asia/Jayapura");
  const absl::Time now = At(wib, 2026, 3, 11, 22, 30, 0);
  const absl::CivilDay d(2026, 3, 10);
  EXPECT_TRUE(CheckDeadline(d, now, DeadlineRule{}, wib).ok());
  EXPECT_EQ(CheckDeadline(d, now, DeadlineRule{}, wit).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(CheckDeadline, TodayIsAcceptedTomorrowHasNotCome) {
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  const absl::Time now = At(wib, 2026, 3, 15, 23, 59, 59);
  EXPECT_TRUE(CheckDeadline(absl::CivilDay(2026, 3, 15), now, DeadlineRule{}, wib).ok());
  const absl::Status future = CheckDeadline(absl::CivilDay(2026, 3, 16), now, DeadlineRule{}, wib);
  EXPECT_EQ(future.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(future.message(),
            "cannot report a day that has not come: 2026-03-16 is after today 2026-03-15 in "
            "Asia/Jakarta");
}

TEST(CheckDeadline, SameDayRuleClosesAtMinuteOfDay) {
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  const DeadlineRule same_day{0, 17 * 60};  // D 17:00
  const absl::CivilDay d(2026, 3, 10);
  EXPECT_TRUE(CheckDeadline(d, At(wib, 2026, 3, 10, 17, 0, 59), same_day, wib).ok());
  EXPECT_FALSE(CheckDeadline(d, At(wib, 2026, 3, 10, 17, 1, 0), same_day, wib).ok());
}

TEST(MinutesPresent, FloorsWholeMinutes) {
  const absl::Time in = absl::FromUnixSeconds(1773000000);
  EXPECT_EQ(MinutesPresent(in, in + absl::Minutes(480)), 480);
  EXPECT_EQ(MinutesPresent(in, in + absl::Minutes(480) - absl::Seconds(1)), 479);
  EXPECT_EQ(MinutesPresent(in, in + absl::Seconds(59)), 0);
}

TEST(MinutesPresent, UnknownWithoutBothOrWithoutAnOrder) {
  const absl::Time in = absl::FromUnixSeconds(1773000000);
  EXPECT_EQ(MinutesPresent(in, std::nullopt), std::nullopt);
  EXPECT_EQ(MinutesPresent(std::nullopt, in), std::nullopt);
  EXPECT_EQ(MinutesPresent(in, in), std::nullopt);
  EXPECT_EQ(MinutesPresent(in, in - absl::Minutes(1)), std::nullopt);
}

TEST(CheckDayMinutes, ExactlyTheMinutesPresentPassOneMoreFails) {
  EXPECT_TRUE(CheckDayMinutes(300, 180, 480, 450).ok());
  const absl::Status over = CheckDayMinutes(300, 181, 480, 450);
  EXPECT_EQ(over.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(over.message(),
            "the day's entries would total 481 minutes, more than the 480 "
            "minutes present");
}

TEST(CheckDayMinutes, UnknownPresenceCapsAt450Not451) {
  EXPECT_TRUE(CheckDayMinutes(0, 450, std::nullopt, 450).ok());
  const absl::Status over = CheckDayMinutes(400, 51, std::nullopt, 450);
  EXPECT_EQ(over.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(over.message(),
            "the day's entries would total 451 minutes, more than 450 minutes (presence unknown)");
  // The cap is the tenant's.
  EXPECT_TRUE(CheckDayMinutes(0, 451, std::nullopt, 480).ok());
}

TEST(CheckDayMinutes, PresenceBelowTheUnknownCapStillBinds) {
  EXPECT_FALSE(CheckDayMinutes(0, 121, 120, 450).ok());
  EXPECT_TRUE(CheckDayMinutes(0, 120, 120, 450).ok());
}

TEST(CheckOverlap, TouchingPassesOverlapNamesTheFirstSpan) {
  const std::vector<Span> day = {{420, 480}, {480, 570}, {600, 660}};  // 07-08, 08-09:30, 10-11
  EXPECT_TRUE(CheckOverlap({570, 600}, day).ok());                     // 09:30-10:00 fits
  EXPECT_TRUE(CheckOverlap({660, 720}, day).ok());
  EXPECT_TRUE(CheckOverlap({600, 660}, {}).ok());
  const absl::Status st = CheckOverlap({540, 610}, day);  // 09:00-10:10
  EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(st.message(), "overlaps another entry of the day, 08:00-09:30");
}

TEST(Gates, TypeNamesAreTheApis) {
  EXPECT_EQ(kGateNoCheckIn, "NO_CHECK_IN");
  EXPECT_EQ(kGateDeadline, "PAST_DEADLINE");
  EXPECT_EQ(kGateOverlap, "OVERLAP");
  EXPECT_EQ(kGateDayMinutes, "DAY_MINUTES");
  EXPECT_EQ(kGateMonthLocked, "MONTH_LOCKED");
}

}  // namespace
}  // namespace ekinerja::activity
