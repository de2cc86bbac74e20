#include "domain/work_dates.h"

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "status.h"

namespace ekinerja::attendance {

std::optional<std::string> WorkDateError(const WorkDateWindow& window, absl::CivilDay day) {
  if (day >= window.first && day <= window.last) return std::nullopt;
  return absl::StrCat("outside the work dates ", FormatDate(window.first), " to ",
                      FormatDate(window.last));
}

absl::Status ValidateWorkDateWindow(const WorkDateWindow& window, std::string_view prefix) {
  const std::string p(prefix);
  const std::string bounds =
      absl::StrCat("between ", FormatDate(kEarliestWorkDate), " and ", FormatDate(kLatestWorkDate));
  Violations v;
  const bool first_ok = window.first >= kEarliestWorkDate && window.first <= kLatestWorkDate;
  const bool last_ok = window.last >= kEarliestWorkDate && window.last <= kLatestWorkDate;
  if (!first_ok) v.Add(p + "first_work_date", bounds);
  if (!last_ok) v.Add(p + "last_work_date", bounds);
  if (first_ok && last_ok && window.last < window.first) {
    v.Add(p + "last_work_date", "before first_work_date");
  }
  return v.ToStatus();
}

}  // namespace ekinerja::attendance
