#pragma once

// Wall-clock times as the API writes them, "HH:MM" (WorkHours of templates and rosters, the
// check-in and check-out of corrections), and the work hours they make.

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "domain/schedule.h"

namespace ekinerja::attendance {

// Minutes from midnight of exactly "HH:MM", 00:00 to 23:59 (two digits each); nullopt otherwise
// ("7:30", "24:00", "07:30:00", " 07:30" are refused).
std::optional<int> ParseHhMm(std::string_view text);

// "HH:MM" of a minute count from midnight; minutes of the next day (a night shift's end, 1800)
// are written on the wall clock ("06:00").
std::string FormatHhMm(int minute);

// The work hours of "HH:MM" `start` and `end`: both empty is a day off (nullopt); an end not
// after the start ends the next morning (22:00-06:00 is {1320, 1800}; 07:00-07:00 a 24-hour
// shift). INVALID_ARGUMENT with one field violation per bad side, on "<field>.start" and
// "<field>.end" ("template.days[2].start"): not HH:MM, or empty while the other side is set.
absl::StatusOr<std::optional<WorkHours>> ParseWorkHours(std::string_view start,
                                                        std::string_view end,
                                                        std::string_view field);

}  // namespace ekinerja::attendance
