#include "domain/work_dates.h"

#include "absl/strings/str_cat.h"
#include "civil.h"

namespace ekinerja::attendance {

std::optional<std::string> WorkDateError(absl::CivilDay day) {
  if (day >= kFirstWorkDate && day <= kLastWorkDate) return std::nullopt;
  return absl::StrCat("outside the work dates ", FormatDate(kFirstWorkDate), " to ",
                      FormatDate(kLastWorkDate));
}

}  // namespace ekinerja::attendance
