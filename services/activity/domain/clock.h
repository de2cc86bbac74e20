#pragma once

// The start and end of an entry as the API writes them, "HH:MM" on the work date's wall clock
// (DOMAIN §5: "start and end time (minutes derived)"). An entry lies within its day: 00:00 to
// 23:59, and "24:00" is refused also as an end. The parsing is the base's (wall_clock.h), shared
// with attendance's work hours.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ekinerja::activity {

// Minutes from midnight of exactly "HH:MM", 00:00..23:59: "07:30" -> 450. INVALID_ARGUMENT "not a
// time HH:MM (00:00-23:59)" otherwise, without a field (the caller names it).
absl::StatusOr<int> ParseClock(absl::string_view hhmm);

// "07:30" for 450.
std::string FormatClock(int minute);

}  // namespace ekinerja::activity
