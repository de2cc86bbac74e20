#include "month_lock.h"

#include "text.h"

namespace ekinerja {

Month MonthOf(Violations& v, int year, int month) {
  if (year < 2000 || year > 2100) v.Add("year", "2000 to 2100");
  if (month < 1 || month > 12) v.Add("month", "1 to 12");
  Month out{year, month, {}, {}};
  if (v.empty()) {
    out.first = absl::CivilDay(year, month, 1);
    out.last = absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1;
  }
  return out;
}

void CheckLockReference(Violations& v, const std::string& reference) {
  if (reference.empty()) {
    v.Add("reference", "required");
  } else {
    CheckText(v, "reference", reference, TextRule{200, false});
  }
}

std::optional<LockedDay> FirstLockedDay(const std::vector<LockedMonth>& locked,
                                        absl::CivilDay first, absl::CivilDay last) {
  std::optional<LockedDay> out;
  for (const LockedMonth& m : locked) {
    const absl::CivilDay month_first(m.month), month_last = absl::CivilDay(m.month + 1) - 1;
    if (month_last < first || month_first > last) continue;
    const absl::CivilDay day = std::max(first, month_first);
    if (!out || day < out->day) out = LockedDay{day, m.reference};
  }
  return out;
}

}  // namespace ekinerja
