#include "domain/periods.h"

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::skp {
namespace {

using ::testing::ElementsAre;

constexpr PeriodKind kMonthly = PeriodKind::kMonthly;
constexpr PeriodKind kQuarterly = PeriodKind::kQuarterly;
constexpr PeriodKind kAnnual = PeriodKind::kAnnual;

TEST(PeriodDays, FebruaryOfALeapYearEndsOnThe29th) {
  const Period feb{2024, kMonthly, 2};
  EXPECT_EQ(PeriodFirstDay(feb), absl::CivilDay(2024, 2, 1));
  EXPECT_EQ(PeriodLastDay(feb), absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(PeriodLastDay({2026, kMonthly, 2}), absl::CivilDay(2026, 2, 28));
  EXPECT_EQ(PeriodLastDay({2100, kMonthly, 2}), absl::CivilDay(2100, 2, 28));  // not a leap year
}

TEST(PeriodDays, QuartersAndTheYear) {
  EXPECT_EQ(PeriodFirstDay({2026, kQuarterly, 1}), absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(PeriodLastDay({2026, kQuarterly, 1}), absl::CivilDay(2026, 3, 31));
  EXPECT_EQ(PeriodFirstDay({2026, kQuarterly, 4}), absl::CivilDay(2026, 10, 1));
  EXPECT_EQ(PeriodLastDay({2026, kQuarterly, 4}), absl::CivilDay(2026, 12, 31));
  EXPECT_EQ(PeriodFirstDay({2026, kAnnual, 1}), absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(PeriodLastDay({2026, kAnnual, 1}), absl::CivilDay(2026, 12, 31));
  EXPECT_EQ(PeriodLastDay({2026, kMonthly, 12}), absl::CivilDay(2026, 12, 31));
}

TEST(PeriodOf, FindsThePeriodOfADay) {
  EXPECT_EQ(PeriodOf(kMonthly, absl::CivilDay(2024, 2, 29)), (Period{2024, kMonthly, 2}));
  EXPECT_EQ(PeriodOf(kQuarterly, absl::CivilDay(2026, 3, 31)), (Period{2026, kQuarterly, 1}));
  EXPECT_EQ(PeriodOf(kQuarterly, absl::CivilDay(2026, 4, 1)), (Period{2026, kQuarterly, 2}));
  EXPECT_EQ(PeriodOf(kQuarterly, absl::CivilDay(2026, 12, 31)), (Period{2026, kQuarterly, 4}));
  EXPECT_EQ(PeriodOf(kAnnual, absl::CivilDay(2026, 7, 17)), (Period{2026, kAnnual, 1}));
}

TEST(CheckPeriod, AcceptsEveryNumberOfEachKind) {
  for (int n = 1; n <= 12; ++n) EXPECT_TRUE(CheckPeriod({2026, kMonthly, n}).ok()) << n;
  for (int n = 1; n <= 4; ++n) EXPECT_TRUE(CheckPeriod({2026, kQuarterly, n}).ok()) << n;
  EXPECT_TRUE(CheckPeriod({2000, kAnnual, 1}).ok());
  EXPECT_TRUE(CheckPeriod({2100, kAnnual, 1}).ok());
}

TEST(CheckPeriod, NamesTheBadNumber) {
  const absl::Status s = CheckPeriod({2026, kMonthly, 13});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(FieldViolationsOf(s),
              ElementsAre(FieldViolation{"period.number", "must be between 1 and 12 (MONTHLY)"}));
  EXPECT_THAT(FieldViolationsOf(CheckPeriod({2026, kQuarterly, 5})),
              ElementsAre(FieldViolation{"period.number", "must be between 1 and 4 (QUARTERLY)"}));
  EXPECT_THAT(FieldViolationsOf(CheckPeriod({2026, kQuarterly, 0})),
              ElementsAre(FieldViolation{"period.number", "must be between 1 and 4 (QUARTERLY)"}));
  EXPECT_THAT(FieldViolationsOf(CheckPeriod({2026, kAnnual, 2})),
              ElementsAre(FieldViolation{"period.number", "must be between 1 and 1 (ANNUAL)"}));
}

TEST(CheckPeriod, NamesTheBadYearAndNumberTogether) {
  EXPECT_THAT(FieldViolationsOf(CheckPeriod({1999, kMonthly, 0})),
              ElementsAre(FieldViolation{"period.year", "must be between 2000 and 2100"},
                          FieldViolation{"period.number", "must be between 1 and 12 (MONTHLY)"}));
  EXPECT_THAT(FieldViolationsOf(CheckPeriod({2101, kAnnual, 1})),
              ElementsAre(FieldViolation{"period.year", "must be between 2000 and 2100"}));
}

TEST(PeriodString, CanonicalForms) {
  EXPECT_EQ(FormatPeriod({2026, kMonthly, 3}), "2026-M03");
  EXPECT_EQ(FormatPeriod({2026, kMonthly, 12}), "2026-M12");
  EXPECT_EQ(FormatPeriod({2026, kQuarterly, 1}), "2026-Q1");
  EXPECT_EQ(FormatPeriod({2026, kAnnual, 1}), "2026");
}

TEST(PeriodString, RoundTripsEveryPeriodOfAYear) {
  std::vector<Period> all = {{2026, kAnnual, 1}};
  for (int n = 1; n <= 12; ++n) all.push_back({2026, kMonthly, n});
  for (int n = 1; n <= 4; ++n) all.push_back({2026, kQuarterly, n});
  for (const Period& p : all) {
    const absl::StatusOr<Period> back = ParsePeriod(FormatPeriod(p));
    ASSERT_TRUE(back.ok()) << FormatPeriod(p) << ": " << back.status();
    EXPECT_EQ(*back, p) << FormatPeriod(p);
  }
}

TEST(PeriodString, RefusesAnythingElse) {
  for (const char* bad :
       {"", "2026-M3", "2026-M13", "2026-M00", "2026-Q0", "2026-Q5", "2026-Q01", "2026-m03",
        "2026-03", "1999", "2101-Q1", "26", "20260", "2026 ", "+2026", "2026-Y1", "2026-M0a"}) {
    const absl::StatusOr<Period> p = ParsePeriod(bad);
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument) << '"' << bad << '"';
    EXPECT_THAT(FieldViolationsOf(p.status()),
                ElementsAre(FieldViolation{
                    "period", "not a period of 2000-2100 in the form 2026, 2026-Q1 or 2026-M03"}))
        << bad;
  }
}

TEST(PeriodKindNames, AreTheStoredNamesAndParseBack) {
  EXPECT_EQ(PeriodKindName(kMonthly), "MONTHLY");
  EXPECT_EQ(PeriodKindName(kQuarterly), "QUARTERLY");
  EXPECT_EQ(PeriodKindName(kAnnual), "ANNUAL");
  for (PeriodKind k : {kMonthly, kQuarterly, kAnnual})
    EXPECT_EQ(ParsePeriodKind(PeriodKindName(k)), k);
  EXPECT_EQ(ParsePeriodKind("monthly"), std::nullopt);
  EXPECT_EQ(PeriodsPerYear(kMonthly), 12);
  EXPECT_EQ(PeriodsPerYear(kQuarterly), 4);
  EXPECT_EQ(PeriodsPerYear(kAnnual), 1);
}

TEST(ParseSkpPeriod, OfTheRulesKindOrAnnualWithinTheSkpsDays) {
  const absl::CivilDay start(2026, 4, 1), end(2026, 12, 31);
  EXPECT_EQ(*ParseSkpPeriod("2026-M04", PeriodKind::kMonthly, start, end),
            (Period{2026, PeriodKind::kMonthly, 4}));
  EXPECT_EQ(*ParseSkpPeriod("2026", PeriodKind::kMonthly, start, end),
            (Period{2026, PeriodKind::kAnnual, 1}));
  // Q1 ends 31 March, before a position period that starts 1 April.
  EXPECT_EQ(ParseSkpPeriod("2026-Q1", PeriodKind::kQuarterly, start, end).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(ParseSkpPeriod("2026-Q2", PeriodKind::kQuarterly, start, end).ok());
  // Another kind than the rules', another year, not a period: each names the field given.
  for (const char* text : {"2026-Q2", "2025-M05", "2026-M13", "Mei"}) {
    const absl::Status st =
        ParseSkpPeriod(text, PeriodKind::kMonthly, start, end, "realisation.period").status();
    ASSERT_EQ(st.code(), absl::StatusCode::kInvalidArgument) << text;
    ASSERT_EQ(FieldViolationsOf(st).size(), 1u) << text;
    EXPECT_EQ(FieldViolationsOf(st)[0].field, "realisation.period") << text;
  }
}

TEST(ParseSkpPeriod, OverlappingAPositionPeriodAtItsEdges) {
  // An SKP of a position period 2026-03-15 to 2026-06-10.
  const absl::CivilDay start(2026, 3, 15), end(2026, 6, 10);
  const PeriodKind m = PeriodKind::kMonthly, q = PeriodKind::kQuarterly;
  EXPECT_FALSE(ParseSkpPeriod("2026-M02", m, start, end).ok());
  EXPECT_TRUE(ParseSkpPeriod("2026-M03", m, start, end).ok());
  EXPECT_TRUE(ParseSkpPeriod("2026-M06", m, start, end).ok());
  EXPECT_FALSE(ParseSkpPeriod("2026-M07", m, start, end).ok());
  EXPECT_TRUE(ParseSkpPeriod("2026-Q1", q, start, end).ok());
  EXPECT_FALSE(ParseSkpPeriod("2026-Q3", q, start, end).ok());
  EXPECT_TRUE(ParseSkpPeriod("2026", q, start, end).ok());
  EXPECT_FALSE(ParseSkpPeriod("2027", q, start, end).ok());
  // One day of the SKP is enough.
  EXPECT_TRUE(
      ParseSkpPeriod("2026-M03", m, absl::CivilDay(2026, 3, 31), absl::CivilDay(2026, 3, 31)).ok());
}

}  // namespace
}  // namespace ekinerja::skp
