#include "domain/hhmm.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "status.h"

namespace ekinerja::attendance {
namespace {

constexpr int kDayMinutes = 24 * 60;

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
  return Minutes(hours, minutes);
}

std::string FormatHhMm(int minute) {
  const int m = ((minute % kDayMinutes) + kDayMinutes) % kDayMinutes;
  return absl::StrFormat("%02d:%02d", m / 60, m % 60);
}

absl::StatusOr<std::optional<WorkHours>> ParseWorkHours(std::string_view start,
                                                        std::string_view end,
                                                        std::string_view field) {
  if (start.empty() && end.empty()) return std::optional<WorkHours>();
  const std::string prefix(field);
  Violations v;
  const auto side = [&](std::string_view text, std::string_view name,
                        std::string_view other) -> std::optional<int> {
    const std::string where = absl::StrCat(prefix, ".", std::string(name));
    if (text.empty()) {
      v.Add(where, absl::StrCat("required when ", std::string(other),
                                " is set (leave both empty for a day off)"));
      return std::nullopt;
    }
    std::optional<int> minute = ParseHhMm(text);
    if (!minute) {
      v.Add(where, "not a time HH:MM (00:00-23:59)");
    }
    return minute;
  };
  const std::optional<int> s = side(start, "start", "end");
  const std::optional<int> e = side(end, "end", "start");
  EK_RETURN_IF_ERROR(v.ToStatus());
  WorkHours hours{*s, *e <= *s ? *e + kDayMinutes : *e};
  if (absl::Status st = ValidateWorkHours(hours); !st.ok()) {
    return InvalidField(prefix, std::string(st.message()));
  }
  return std::optional<WorkHours>(hours);
}

}  // namespace ekinerja::attendance
