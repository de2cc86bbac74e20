#pragma once

// The work hours of templates and rosters from wall-clock times "HH:MM" (ParseHhMm and
// FormatHhMm, also for the check-in and check-out of corrections, are in the base: wall_clock.h).

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "domain/schedule.h"
#include "wall_clock.h"

namespace ekinerja::attendance {

// The work hours of "HH:MM" `start` and `end`: both empty is a day off (nullopt); an end not
// after the start ends the next morning (22:00-06:00 is {1320, 1800}; 07:00-07:00 a 24-hour
// shift). INVALID_ARGUMENT with one field violation per bad side, on "<field>.start" and
// "<field>.end" ("template.days[2].start"): not HH:MM, or empty while the other side is set.
absl::StatusOr<std::optional<WorkHours>> ParseWorkHours(std::string_view start,
                                                        std::string_view end,
                                                        std::string_view field);

}  // namespace ekinerja::attendance
