#include "civil.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace ekinerja {
namespace {

absl::TimeZone Zone(const char* name) {
  auto tz = LoadZone(name);
  EXPECT_TRUE(tz.ok()) << tz.status();
  return tz.ok() ? *tz : absl::UTCTimeZone();
}

TEST(CivilParseDate, ParsesIsoDate) {
  auto d = ParseDate("2026-03-15");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(*d, absl::CivilDay(2026, 3, 15));
}

TEST(CivilParseDate, AcceptsFebruary29InLeapYear) {
  auto d = ParseDate("2024-02-29");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(*d, absl::CivilDay(2024, 2, 29));
  EXPECT_TRUE(ParseDate("2000-02-29").ok());  // Divisible by 400: leap.
}

TEST(CivilParseDate, RejectsFebruary29InCommonYear) {
  EXPECT_EQ(ParseDate("2026-02-29").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseDate("1900-02-29").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CivilParseDate, RejectsImpossibleDates) {
  for (const char* s : {"2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                        "2026-01-32", "0000-01-01"}) {
    auto d = ParseDate(s);
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << s;
  }
}

TEST(CivilParseDate, RejectsOtherShapes) {
  for (const char* s : {"", "2026-3-5", "2026-03-5", "26-03-15", "2026-03-15 ", " 2026-03-15",
                        "2026-03-15T00:00:00Z", "2026-03-15x", "2026/03/15", "20260315",
                        "+2026-03-15", "2026-+3-15"}) {
    EXPECT_EQ(ParseDate(s).status().code(), absl::StatusCode::kInvalidArgument) << s;
  }
  // An embedded NUL (std::string_view carries it) is junk too.
  EXPECT_FALSE(ParseDate(std::string_view("2026-03-15\0", 11)).ok());
}

TEST(CivilParseDate, ErrorNamesTheInput) {
  EXPECT_EQ(ParseDate("2026-3-5").status().message(),
            "\"2026-3-5\" is not a date in the form YYYY-MM-DD");
  EXPECT_EQ(ParseDate("2026-02-30").status().message(), "\"2026-02-30\" is not a calendar date");
  EXPECT_EQ(ParseDate(std::string(1'000'000, '7')).status().message(),
            "\"7777777777777777777777777777777777777777...\" is not a date in the form YYYY-MM-DD");
}

TEST(CivilFormatDate, PadsFields) {
  EXPECT_EQ(FormatDate(absl::CivilDay(2026, 3, 5)), "2026-03-05");
  EXPECT_EQ(FormatDate(absl::CivilDay(2024, 12, 31)), "2024-12-31");
  EXPECT_EQ(FormatDate(absl::CivilDay(999, 1, 1)), "0999-01-01");
}

TEST(CivilFormatDate, RoundTripsThroughParse) {
  const absl::CivilDay d(2024, 2, 29);
  auto back = ParseDate(FormatDate(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, d);
}

TEST(CivilLoadZone, LoadsIndonesianZones) {
  for (const char* name : {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"}) {
    auto tz = LoadZone(name);
    ASSERT_TRUE(tz.ok()) << name << ": " << tz.status();
    EXPECT_EQ(tz->name(), name);
  }
}

TEST(CivilLoadZone, ReturnsTheSameZoneFromCache) {
  auto a = LoadZone("Asia/Makassar");
  auto b = LoadZone("Asia/Makassar");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(CivilLoadZone, RejectsUnknownNames) {
  for (const char* name : {"Asia/Bandung", "", "WIB", "asia/jakarta", "localtime", "/etc/passwd",
                           "../zoneinfo/Asia/Jakarta", "Asia/Jakarta "}) {
    auto tz = LoadZone(name);
    EXPECT_EQ(tz.status().code(), absl::StatusCode::kInvalidArgument) << "\"" << name << "\"";
  }
  EXPECT_EQ(LoadZone("Asia/Bandung").status().message(), "unknown time zone \"Asia/Bandung\"");
}

TEST(CivilLoadZone, IsSafeFromManyThreads) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&failures, i] {
      for (int j = 0; j < 200; ++j) {
        const char* name = (i + j) % 3 == 0   ? "Asia/Jakarta"
                           : (i + j) % 3 == 1 ? "Asia/Makassar"
                                              : "Asia/Jayapura";
        if (!LoadZone(name).ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(CivilIsIndonesianZone, AcceptsExactlyWibWitaWit) {
  EXPECT_TRUE(IsIndonesianZone("Asia/Jakarta"));
  EXPECT_TRUE(IsIndonesianZone("Asia/Makassar"));
  EXPECT_TRUE(IsIndonesianZone("Asia/Jayapura"));
  EXPECT_FALSE(IsIndonesianZone("Asia/Pontianak"));  // Real WIB zone, but not one we store.
  EXPECT_FALSE(IsIndonesianZone("Asia/Singapore"));
  EXPECT_FALSE(IsIndonesianZone("asia/jakarta"));
  EXPECT_FALSE(IsIndonesianZone("UTC"));
  EXPECT_FALSE(IsIndonesianZone(""));
}

TEST(CivilLocalDay, SameInstantIsNextDayInJayapuraOnly) {
  // 16:30Z is 23:30 WIB, 00:30 WITA (+8) and 01:30 WIT (+9).
  const absl::Time t =
      absl::FromCivil(absl::CivilSecond(2026, 3, 15, 16, 30, 0), absl::UTCTimeZone());
  EXPECT_EQ(LocalDay(t, Zone("Asia/Jakarta")), absl::CivilDay(2026, 3, 15));
  EXPECT_EQ(LocalDay(t, Zone("Asia/Makassar")), absl::CivilDay(2026, 3, 16));
  EXPECT_EQ(LocalDay(t, Zone("Asia/Jayapura")), absl::CivilDay(2026, 3, 16));
}

TEST(CivilLocalDay, JakartaDayTurnsAt17Utc) {
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  const absl::Time before =
      absl::FromCivil(absl::CivilSecond(2026, 3, 15, 16, 59, 59), absl::UTCTimeZone());
  EXPECT_EQ(LocalDay(before, wib), absl::CivilDay(2026, 3, 15));
  EXPECT_EQ(LocalDay(before + absl::Seconds(1), wib), absl::CivilDay(2026, 3, 16));
}

TEST(CivilStartOfDay, IsLocalMidnight) {
  const absl::CivilDay day(2026, 3, 16);
  EXPECT_EQ(StartOfDay(day, Zone("Asia/Jakarta")),
            absl::FromCivil(absl::CivilSecond(2026, 3, 15, 17, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ(StartOfDay(day, Zone("Asia/Makassar")),
            absl::FromCivil(absl::CivilSecond(2026, 3, 15, 16, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ(StartOfDay(day, Zone("Asia/Jayapura")),
            absl::FromCivil(absl::CivilSecond(2026, 3, 15, 15, 0, 0), absl::UTCTimeZone()));
}

TEST(CivilStartOfDay, IsFirstInstantOfLocalDay) {
  const absl::TimeZone wit = Zone("Asia/Jayapura");
  const absl::CivilDay day(2024, 2, 29);
  EXPECT_EQ(LocalDay(StartOfDay(day, wit), wit), day);
  EXPECT_EQ(LocalDay(StartOfDay(day, wit) - absl::Nanoseconds(1), wit), day - 1);
}

TEST(CivilStartOfDay, UsesTransitionWhenMidnightWasSkipped) {
  // Sao Paulo skipped 00:00-01:00 on 2018-11-04 (DST start at midnight, UTC-3 -> UTC-2).
  const absl::TimeZone sp = Zone("America/Sao_Paulo");
  EXPECT_EQ(StartOfDay(absl::CivilDay(2018, 11, 4), sp),
            absl::FromCivil(absl::CivilSecond(2018, 11, 4, 3, 0, 0), absl::UTCTimeZone()));
}

TEST(CivilDateRange, IncludesBothEnds) {
  const DateRange r{absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 12, 31)};
  EXPECT_TRUE(r.Contains(absl::CivilDay(2026, 1, 1)));
  EXPECT_TRUE(r.Contains(absl::CivilDay(2026, 6, 30)));
  EXPECT_TRUE(r.Contains(absl::CivilDay(2026, 12, 31)));
  EXPECT_FALSE(r.Contains(absl::CivilDay(2025, 12, 31)));
  EXPECT_FALSE(r.Contains(absl::CivilDay(2027, 1, 1)));
}

TEST(CivilDateRange, OpenEndContainsEverythingFromStart) {
  const DateRange r{absl::CivilDay(2026, 3, 1), std::nullopt};
  EXPECT_FALSE(r.Contains(absl::CivilDay(2026, 2, 28)));
  EXPECT_TRUE(r.Contains(absl::CivilDay(2026, 3, 1)));
  EXPECT_TRUE(r.Contains(absl::CivilDay(9999, 12, 31)));
}

TEST(CivilDateRange, SingleDayRangeContainsOnlyThatDay) {
  const DateRange r{absl::CivilDay(2026, 3, 15), absl::CivilDay(2026, 3, 15)};
  EXPECT_TRUE(r.Contains(absl::CivilDay(2026, 3, 15)));
  EXPECT_FALSE(r.Contains(absl::CivilDay(2026, 3, 14)));
  EXPECT_FALSE(r.Contains(absl::CivilDay(2026, 3, 16)));
}

}  // namespace
}  // namespace ekinerja
