#include "domain/hhmm.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "status.h"

namespace ekinerja::attendance {

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
  WorkHours hours{*s, *e <= *s ? *e + kMinutesPerDay : *e};
  if (absl::Status st = ValidateWorkHours(hours); !st.ok()) {
    return InvalidField(prefix, std::string(st.message()));
  }
  return std::optional<WorkHours>(hours);
}

}  // namespace ekinerja::attendance
