#pragma once

// Civil dates and IANA zones (DESIGN §6): work dates are absl::CivilDay, instants are absl::Time,
// and an instant becomes a work date in the zone of the tenant, org unit or device. No protobuf
// here; the wire conversions are in date_proto.h.

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace ekinerja {

// Parses exactly "YYYY-MM-DD" (ISO 8601 calendar date, years 0001-9999). Rejects impossible dates
// (2026-02-30), unpadded fields (2026-3-5), signs, spaces and trailing characters. The error is a
// plain INVALID_ARGUMENT without a field; callers that know the field wrap it with InvalidField.
absl::StatusOr<absl::CivilDay> ParseDate(std::string_view iso);

// "2026-03-15" (year zero-padded to four digits).
std::string FormatDate(absl::CivilDay day);

// Loads an IANA zone ("Asia/Jakarta"), cached for the life of the process (thread-safe). Unknown
// names, and names that are not IANA names ("localtime", absolute paths, ".."), are
// INVALID_ARGUMENT. Needs the tzdata package on the host/image.
absl::StatusOr<absl::TimeZone> LoadZone(std::string_view iana);

// True for the three Indonesian zones a tenant, org unit or device may have: Asia/Jakarta (WIB),
// Asia/Makassar (WITA) and Asia/Jayapura (WIT). Exact, case-sensitive names; aliases are refused
// so that every row stores one spelling.
bool IsIndonesianZone(std::string_view iana);

// The civil date of instant `t` on the wall clock of `tz`.
absl::CivilDay LocalDay(absl::Time t, absl::TimeZone tz);

// The first instant of `day` in `tz` (midnight; if a zone ever skipped midnight, the instant the
// day began).
absl::Time StartOfDay(absl::CivilDay day, absl::TimeZone tz);

// An effective-dated validity period: `end` is inclusive, nullopt means open-ended.
struct DateRange {
  absl::CivilDay start;
  std::optional<absl::CivilDay> end;

  bool Contains(absl::CivilDay day) const;
};

}  // namespace ekinerja
