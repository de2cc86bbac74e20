#pragma once

// The window of work dates attendance accepts (issue 8): a date outside it is a typing error or a
// probe (year 1 made AssignSchedule walk 740,000 days), never a day anybody worked in this suite.

#include <optional>
#include <string>

#include "absl/time/civil_time.h"

namespace ekinerja::attendance {

// Inclusive. One window for the deployment: identity keeps the tenants' settings, and a tenant's
// own window would need a field there (left for identity's owner).
inline constexpr absl::CivilDay kFirstWorkDate(2000, 1, 1);
inline constexpr absl::CivilDay kLastWorkDate(2100, 12, 31);

// nullopt inside the window, else the reason: "outside the work dates 2000-01-01 to 2100-12-31".
std::optional<std::string> WorkDateError(absl::CivilDay day);

}  // namespace ekinerja::attendance
