#include "date_proto.h"

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja {
namespace {

google::type::Date Date(int y, int m, int d) {
  google::type::Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

google::protobuf::Timestamp Timestamp(int64_t seconds, int32_t nanos) {
  google::protobuf::Timestamp out;
  out.set_seconds(seconds);
  out.set_nanos(nanos);
  return out;
}

TEST(DateProtoFromProtoDate, ConvertsFullDate) {
  auto d = FromProtoDate(Date(2026, 3, 15), "work_date");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(*d, absl::CivilDay(2026, 3, 15));
}

TEST(DateProtoFromProtoDate, AcceptsFebruary29InLeapYear) {
  auto d = FromProtoDate(Date(2024, 2, 29), "work_date");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(*d, absl::CivilDay(2024, 2, 29));
}

TEST(DateProtoFromProtoDate, RejectsFebruary29InCommonYearOnTheField) {
  auto d = FromProtoDate(Date(2026, 2, 29), "period.start_date");
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      FieldViolationsOf(d.status()),
      (std::vector<FieldViolation>{{"period.start_date", "2026-02-29 is not a calendar date"}}));
}

TEST(DateProtoFromProtoDate, RejectsDateThatAbslWouldNormalise) {
  auto d = FromProtoDate(Date(2026, 2, 30), "work_date");  // absl would make it 2026-03-02.
  EXPECT_EQ(FieldViolationsOf(d.status()),
            (std::vector<FieldViolation>{{"work_date", "2026-02-30 is not a calendar date"}}));
}

TEST(DateProtoFromProtoDate, RejectsUnsetDateAsRequired) {
  auto d = FromProtoDate(google::type::Date(), "work_date");
  EXPECT_EQ(FieldViolationsOf(d.status()),
            (std::vector<FieldViolation>{{"work_date", "is required"}}));
}

TEST(DateProtoFromProtoDate, RejectsPartialAndOutOfRangeDates) {
  for (const auto& date :
       {Date(2026, 0, 0), Date(2026, 3, 0), Date(0, 3, 15), Date(2026, 13, 1), Date(2026, -1, 1),
        Date(2026, 1, 32), Date(10000, 1, 1), Date(-1, 1, 1), Date(2026, 1, -1)}) {
    auto d = FromProtoDate(date, "work_date");
    ASSERT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << date.ShortDebugString();
    ASSERT_EQ(FieldViolationsOf(d.status()).size(), 1u);
    EXPECT_EQ(FieldViolationsOf(d.status())[0].field, "work_date");
  }
}

// The one date-range parser (issue 9, item 5).
std::vector<FieldViolation> RangeViolations(const absl::Status& st) {
  return FieldViolationsOf(st);
}

TEST(DateProtoFromProtoDateRange, OpenEndedUnlessTheEndIsRequired) {
  absl::StatusOr<DateRange> r = FromProtoDateRange(Date(2026, 1, 5), {}, "a.", false);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->start, absl::CivilDay(2026, 1, 5));
  EXPECT_FALSE(r->end.has_value());
  EXPECT_EQ(RangeViolations(FromProtoDateRange(Date(2026, 1, 5), {}, "a.", true).status()),
            (std::vector<FieldViolation>{{"a.end_date", "required"}}));
  r = FromProtoDateRange(Date(2026, 1, 5), Date(2026, 1, 5), "", true);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->end, absl::CivilDay(2026, 1, 5));
}

TEST(DateProtoFromProtoDateRange, OneViolationPerBadField) {
  EXPECT_EQ(RangeViolations(FromProtoDateRange({}, Date(2026, 2, 30), "a.", false).status()),
            (std::vector<FieldViolation>{{"a.start_date", "required"},
                                         {"a.end_date", "2026-02-30 is not a calendar date"}}));
  EXPECT_EQ(
      RangeViolations(FromProtoDateRange(Date(2026, 3, 2), Date(2026, 3, 1), "", false).status()),
      (std::vector<FieldViolation>{{"end_date", "before start_date"}}));
}

TEST(DateProtoFromProtoDateRange, EachDayPassesTheCheck) {
  const DayCheck before_2030 = [](absl::CivilDay day) -> std::optional<std::string> {
    if (day.year() >= 2030) return "after 2029";
    return std::nullopt;
  };
  EXPECT_EQ(
      RangeViolations(
          FromProtoDateRange(Date(2031, 1, 1), Date(2032, 1, 1), "", false, before_2030).status()),
      (std::vector<FieldViolation>{{"start_date", "after 2029"}, {"end_date", "after 2029"}}));
  EXPECT_TRUE(FromProtoDateRange(Date(2029, 1, 1), {}, "", false, before_2030).ok());
}

TEST(DateProtoToProtoDate, SetsAllThreeFields) {
  const google::type::Date d = ToProtoDate(absl::CivilDay(2026, 3, 5));
  EXPECT_EQ(d.year(), 2026);
  EXPECT_EQ(d.month(), 3);
  EXPECT_EQ(d.day(), 5);
}

TEST(DateProtoToProtoDate, RoundTripsThroughFromProtoDate) {
  const absl::CivilDay day(2024, 12, 31);
  auto back = FromProtoDate(ToProtoDate(day), "d");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, day);
}

TEST(DateProtoIsSet, IsFalseOnlyWhenAllFieldsAreZero) {
  EXPECT_FALSE(IsSet(google::type::Date()));
  EXPECT_FALSE(IsSet(Date(0, 0, 0)));
  EXPECT_TRUE(IsSet(Date(2026, 0, 0)));
  EXPECT_TRUE(IsSet(Date(0, 3, 0)));
  EXPECT_TRUE(IsSet(Date(0, 0, 15)));
  EXPECT_TRUE(IsSet(Date(2026, 3, 15)));
}

TEST(DateProtoTimestamp, ConvertsSecondsAndNanos) {
  EXPECT_EQ(FromProtoTimestamp(Timestamp(1773592200, 123000000)),
            absl::FromCivil(absl::CivilSecond(2026, 3, 15, 16, 30, 0), absl::UTCTimeZone()) +
                absl::Milliseconds(123));
  EXPECT_EQ(FromProtoTimestamp(google::protobuf::Timestamp()), absl::UnixEpoch());
}

TEST(DateProtoTimestamp, ToProtoKeepsNanosPositiveBeforeEpoch) {
  const auto ts = ToProtoTimestamp(absl::UnixEpoch() - absl::Milliseconds(1500));
  EXPECT_EQ(ts.seconds(), -2);
  EXPECT_EQ(ts.nanos(), 500000000);
}

TEST(DateProtoTimestamp, RoundTripsToTheNanosecond) {
  const absl::Time t =
      absl::FromCivil(absl::CivilSecond(2026, 3, 15, 16, 30, 0), absl::UTCTimeZone()) +
      absl::Nanoseconds(987654321);
  const auto ts = ToProtoTimestamp(t);
  EXPECT_EQ(ts.seconds(), 1773592200);
  EXPECT_EQ(ts.nanos(), 987654321);
  EXPECT_EQ(FromProtoTimestamp(ts), t);
}

TEST(DateProtoTimestamp, ClampsInfiniteTimesToTimestampRange) {
  const auto future = ToProtoTimestamp(absl::InfiniteFuture());
  EXPECT_EQ(future.seconds(), 253402300799);  // 9999-12-31T23:59:59Z
  EXPECT_EQ(future.nanos(), 999999999);
  const auto past = ToProtoTimestamp(absl::InfinitePast());
  EXPECT_EQ(past.seconds(), -62135596800);  // 0001-01-01T00:00:00Z
  EXPECT_EQ(past.nanos(), 0);
}

}  // namespace
}  // namespace ekinerja
