#include "wall_clock.h"

#include <cstddef>

#include "absl/strings/str_format.h"

namespace ekinerja {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<int> ParseHhMm(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (size_t i : {0, 1, 3, 4}) {
    if (!IsDigit(text[i])) return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

std::string FormatHhMm(int minute) {
  const int m = ((minute % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay;
  return absl::StrFormat("%02d:%02d", m / 60, m % 60);
}

}  // namespace ekinerja
