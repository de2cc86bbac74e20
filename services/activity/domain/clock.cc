#include "domain/clock.h"

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "wall_clock.h"

namespace ekinerja::activity {

absl::StatusOr<int> ParseClock(absl::string_view hhmm) {
  const std::optional<int> minute = ParseHhMm(std::string_view(hhmm.data(), hhmm.size()));
  if (!minute) return absl::InvalidArgumentError("not a time HH:MM (00:00-23:59)");
  return *minute;
}

std::string FormatClock(int minute) { return FormatHhMm(minute); }

}  // namespace ekinerja::activity
