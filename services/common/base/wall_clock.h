#pragma once

// Wall-clock times of day as the APIs write them, "HH:MM": attendance's work hours and
// corrections, the start and end of a daily activity entry.

#include <optional>
#include <string>
#include <string_view>

namespace ekinerja {

inline constexpr int kMinutesPerDay = 24 * 60;

// Minutes from midnight of exactly "HH:MM", 00:00 to 23:59 (two digits each); nullopt otherwise
// ("7:30", "24:00", "07:30:00", " 07:30" are refused).
std::optional<int> ParseHhMm(std::string_view text);

// "HH:MM" of a minute count from midnight; minutes of the next day (a night shift's end, 1800)
// are written on the wall clock ("06:00").
std::string FormatHhMm(int minute);

}  // namespace ekinerja
