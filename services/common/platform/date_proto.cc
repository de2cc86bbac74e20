#include "date_proto.h"

#include <cstdint>
#include <string>

#include "absl/strings/str_format.h"
#include "status.h"

namespace ekinerja {
namespace {

// google.protobuf.Timestamp range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;

}  // namespace

absl::StatusOr<absl::CivilDay> FromProtoDate(const google::type::Date& date,
                                             std::string_view field) {
  if (!IsSet(date)) return InvalidField(std::string(field), "is required");
  const int year = date.year();
  const int month = date.month();
  const int day = date.day();
  // absl::CivilDay normalises out-of-range fields (2026-02-30 becomes 2026-03-02), so a date is
  // possible exactly when constructing it changes nothing.
  const absl::CivilDay d(year, month, day);
  if (year < 1 || year > 9999 || d.year() != year || d.month() != month || d.day() != day) {
    return InvalidField(std::string(field),
                        absl::StrFormat("%04d-%02d-%02d is not a calendar date", year, month, day));
  }
  return d;
}

absl::StatusOr<DateRange> FromProtoDateRange(const google::type::Date& start,
                                             const google::type::Date& end,
                                             const std::string& prefix, bool end_required,
                                             const DayCheck& check_day) {
  Violations v;
  const auto parse = [&](const google::type::Date& date,
                         const std::string& field) -> std::optional<absl::CivilDay> {
    if (!IsSet(date)) {
      v.Add(field, "required");
      return std::nullopt;
    }
    absl::StatusOr<absl::CivilDay> day = FromProtoDate(date, field);
    if (!day.ok()) {
      v.Merge(day.status());
      return std::nullopt;
    }
    if (check_day) {
      if (std::optional<std::string> problem = check_day(*day)) {
        v.Add(field, *std::move(problem));
        return std::nullopt;
      }
    }
    return *day;
  };
  const std::optional<absl::CivilDay> s = parse(start, prefix + "start_date");
  std::optional<absl::CivilDay> e;
  if (IsSet(end) || end_required) {
    e = parse(end, prefix + "end_date");
    if (s && e && *e < *s) v.Add(prefix + "end_date", "before start_date");
  }
  EK_RETURN_IF_ERROR(v.ToStatus());
  return DateRange{*s, e};
}

google::type::Date ToProtoDate(absl::CivilDay day) {
  google::type::Date out;
  out.set_year(static_cast<int32_t>(day.year()));
  out.set_month(day.month());
  out.set_day(day.day());
  return out;
}

bool IsSet(const google::type::Date& date) {
  return date.year() != 0 || date.month() != 0 || date.day() != 0;
}

absl::Time FromProtoTimestamp(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

google::protobuf::Timestamp ToProtoTimestamp(absl::Time t) {
  google::protobuf::Timestamp out;
  if (t < absl::FromUnixSeconds(kMinTimestampSeconds)) {
    out.set_seconds(kMinTimestampSeconds);
    return out;
  }
  if (t > absl::FromUnixSeconds(kMaxTimestampSeconds) + absl::Nanoseconds(999999999)) {
    out.set_seconds(kMaxTimestampSeconds);
    out.set_nanos(999999999);
    return out;
  }
  // ToUnixSeconds rounds towards negative infinity, so the remainder is never negative.
  const int64_t seconds = absl::ToUnixSeconds(t);
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(t - absl::FromUnixSeconds(seconds))));
  return out;
}

}  // namespace ekinerja
