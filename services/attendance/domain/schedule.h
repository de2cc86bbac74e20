#pragma once

// Work schedules as data (DOMAIN §4, DESIGN §6): a weekly template says, per weekday, when work is
// expected to start and end, or that the day is off; a roster entry overrides the template for one
// employee on one day (shift work: hospitals, fire brigade). The national defaults are returned by
// functions, never scattered as constants, so a tenant's own templates are just other values.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace ekinerja::attendance {

// Expected working hours of one work date, in minutes from local midnight of that date (on the
// wall clock of the device the employee punches on). `end_minute` may exceed 24*60 for a night
// shift that ends the next morning: 22:00–06:00 is {1320, 1800}.
struct WorkHours {
  int start_minute = 0;
  int end_minute = 0;

  bool operator==(const WorkHours& o) const {
    return start_minute == o.start_minute && end_minute == o.end_minute;
  }
};

// Minutes from midnight for "HH:MM" written as two numbers: Minutes(7, 30) == 450.
constexpr int Minutes(int hours, int minutes) { return hours * 60 + minutes; }

// OK when the start lies within the day (0 <= start < 24*60) and the end after the start by at most
// 24 hours; INVALID_ARGUMENT naming the problem otherwise.
absl::Status ValidateWorkHours(const WorkHours& hours);

// A weekly schedule template. `days` is indexed by absl::Weekday (monday = 0 … sunday = 6);
// nullopt is a day off.
struct WeekTemplate {
  std::string code;
  std::array<std::optional<WorkHours>, 7> days;

  // The hours of `day`'s weekday, or nullopt when that weekday is off.
  std::optional<WorkHours> HoursOn(absl::CivilDay day) const;
};

// OK when every working day of `week` passes ValidateWorkHours; the error names the weekday.
absl::Status ValidateWeekTemplate(const WeekTemplate& week);

// The default 5-day week of DOMAIN §4 (Keppres 68/1995, Perpres 21/2023; 37.5 h with the breaks):
// Mon–Thu 07:30–16:00, Fri 07:30–16:30, Sat and Sun off. Code "5HK".
WeekTemplate DefaultFiveDayWeek();

// A 6-day week as Pemda that keep Saturday work use it: Mon–Thu 07:30–14:00, Fri 07:30–11:30,
// Sat 07:30–13:00, Sun off. Code "6HK". Tenants that differ store their own template.
WeekTemplate DefaultSixDayWeek();

// One employee's hours on one day, overriding the template: `hours` nullopt is a rostered day off.
struct RosterEntry {
  absl::CivilDay day;
  std::optional<WorkHours> hours;
};

// The night shift of shift rosters: 22:00 on `day` to 06:00 the next morning.
RosterEntry NightShift(absl::CivilDay day);

// The hours an employee is expected to work on `day`: the roster entry for that day if there is
// one (the first, if the roster lists the day twice), otherwise the template's weekday; nullopt is
// a day off. Holidays are not decided here (see DayInputs::holiday).
std::optional<WorkHours> HoursFor(absl::CivilDay day, const WeekTemplate& week,
                                  const std::vector<RosterEntry>& roster);

}  // namespace ekinerja::attendance
