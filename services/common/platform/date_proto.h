#pragma once

// The proto edge of civil dates and instants: google.type.Date <-> absl::CivilDay and
// google.protobuf.Timestamp <-> absl::Time. Domain code sees only the absl types (DESIGN §3).

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "civil.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/type/date.pb.h"

namespace ekinerja {

// A full calendar date (year 1-9999, month, day all set and together possible). An unset date,
// a partial one (year only, month and year without day) and an impossible one (2026-02-30) are
// INVALID_ARGUMENT with one field violation on `field` ("period.start_date").
absl::StatusOr<absl::CivilDay> FromProtoDate(const google::type::Date& date,
                                             std::string_view field);

google::type::Date ToProtoDate(absl::CivilDay day);

// A date range from the API, the one parser every RPC uses: `start` required; `end` required when
// `end_required`, else optional (open-ended); each a full date that `check_day` (when given, e.g.
// a tenant's window of work dates) has no problem with; end not before start. INVALID_ARGUMENT
// with one violation per bad field, on "<prefix>start_date" and "<prefix>end_date".
using DayCheck = std::function<std::optional<std::string>(absl::CivilDay)>;
absl::StatusOr<DateRange> FromProtoDateRange(const google::type::Date& start,
                                             const google::type::Date& end,
                                             const std::string& prefix, bool end_required,
                                             const DayCheck& check_day = nullptr);

// False only for the empty message (year, month and day all zero), which proto3 sends for a date
// the client did not give: optional date fields check this before FromProtoDate.
bool IsSet(const google::type::Date& date);

// Seconds and nanos as sent; an unset Timestamp is the Unix epoch.
absl::Time FromProtoTimestamp(const google::protobuf::Timestamp& ts);

// Nanos are always in [0, 1e9), as the Timestamp contract requires, also before 1970. Instants
// outside the Timestamp range (0001-01-01 to 9999-12-31, including the infinite ones) are clamped
// to its ends.
google::protobuf::Timestamp ToProtoTimestamp(absl::Time t);

}  // namespace ekinerja
