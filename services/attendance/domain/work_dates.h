#pragma once

// The window of work dates attendance accepts (issue 8): a date outside it is a typing error or a
// probe (year 1 made AssignSchedule walk 740,000 days), never a day anybody worked in this suite.
// Each tenant sets its own window in its attendance rules (a Pemda that went live in 2024 may
// refuse 2014 as a typing error); the deployment bounds every tenant's window.

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace ekinerja::attendance {

// A tenant's window, inclusive; these defaults until the tenant sets its own.
struct WorkDateWindow {
  absl::CivilDay first = absl::CivilDay(2000, 1, 1);
  absl::CivilDay last = absl::CivilDay(2100, 12, 31);
};

// No tenant's window reaches beyond these (inclusive): a window's every day may be walked
// (AssignSchedule, holidays), and no PNS attendance predates 1970.
inline constexpr absl::CivilDay kEarliestWorkDate(1970, 1, 1);
inline constexpr absl::CivilDay kLatestWorkDate(2199, 12, 31);

// nullopt inside `window`, else the reason: "outside the work dates 2000-01-01 to 2100-12-31".
std::optional<std::string> WorkDateError(const WorkDateWindow& window, absl::CivilDay day);

// OK when first <= last and both lie within kEarliestWorkDate..kLatestWorkDate; INVALID_ARGUMENT
// with one violation per bad field otherwise, on "<prefix>first_work_date" and
// "<prefix>last_work_date".
absl::Status ValidateWorkDateWindow(const WorkDateWindow& window, std::string_view prefix);

}  // namespace ekinerja::attendance
