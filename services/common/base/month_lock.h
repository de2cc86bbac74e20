#pragma once

// A month of a tenant locked by a LOCKED TPP run (DOMAIN §6: "locks the month in activity and
// attendance"): what the services that hold a month's inputs share about it. Each keeps its own
// lock rows; the request checks and the gate's rule live here once.

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "status.h"

namespace ekinerja {

struct Month {
  int year = 0, month = 0;
  absl::CivilDay first, last;
};

// The month asked, with one violation per bad field ("year" 2000-2100, "month" 1-12).
Month MonthOf(Violations& v, int year, int month);

// LockMonth/UnlockMonth's reference ("tppRuns/42"): required, one line of at most 200 characters.
void CheckLockReference(Violations& v, const std::string& reference);

struct LockedMonth {
  absl::CivilMonth month;
  std::string reference;  // the run that locked it
};

// The first day of [first, last] that lies in one of the `locked` months, with that month's lock;
// nullopt when none does. A change of any day of a locked month is refused (DOMAIN §6).
struct LockedDay {
  absl::CivilDay day;
  std::string reference;
};
std::optional<LockedDay> FirstLockedDay(const std::vector<LockedMonth>& locked,
                                        absl::CivilDay first, absl::CivilDay last);

}  // namespace ekinerja
