#include "domain/schedule.h"

#include <string>

namespace ekinerja::attendance {
namespace {

constexpr int kDayMinutes = 24 * 60;

const char* WeekdayName(int index) {
  static constexpr const char* kNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                           "friday", "saturday", "sunday"};
  return kNames[index];
}

}  // namespace

absl::Status ValidateWorkHours(const WorkHours& hours) {
  if (hours.start_minute < 0 || hours.start_minute >= kDayMinutes) {
    return absl::InvalidArgumentError("start " + std::to_string(hours.start_minute) +
                                      " is not a minute of the day (0..1439)");
  }
  if (hours.end_minute <= hours.start_minute) {
    return absl::InvalidArgumentError("end " + std::to_string(hours.end_minute) +
                                      " is not after start " + std::to_string(hours.start_minute));
  }
  if (hours.end_minute - hours.start_minute > kDayMinutes) {
    return absl::InvalidArgumentError("shift of " +
                                      std::to_string(hours.end_minute - hours.start_minute) +
                                      " minutes is longer than 24 hours");
  }
  return absl::OkStatus();
}

std::optional<WorkHours> WeekTemplate::HoursOn(absl::CivilDay day) const {
  return days[static_cast<int>(absl::GetWeekday(day))];
}

absl::Status ValidateWeekTemplate(const WeekTemplate& week) {
  for (int i = 0; i < 7; ++i) {
    if (!week.days[i]) continue;
    if (absl::Status st = ValidateWorkHours(*week.days[i]); !st.ok()) {
      return absl::InvalidArgumentError(std::string(WeekdayName(i)) + ": " +
                                        std::string(st.message()));
    }
  }
  return absl::OkStatus();
}

WeekTemplate DefaultFiveDayWeek() {
  const WorkHours mon_thu{Minutes(7, 30), Minutes(16, 0)};
  const WorkHours fri{Minutes(7, 30), Minutes(16, 30)};
  return WeekTemplate{"5HK", {mon_thu, mon_thu, mon_thu, mon_thu, fri, std::nullopt, std::nullopt}};
}

WeekTemplate DefaultSixDayWeek() {
  const WorkHours mon_thu{Minutes(7, 30), Minutes(14, 0)};
  const WorkHours fri{Minutes(7, 30), Minutes(11, 30)};
  const WorkHours sat{Minutes(7, 30), Minutes(13, 0)};
  return WeekTemplate{"6HK", {mon_thu, mon_thu, mon_thu, mon_thu, fri, sat, std::nullopt}};
}

RosterEntry NightShift(absl::CivilDay day) {
  return RosterEntry{day, WorkHours{Minutes(22, 0), Minutes(24 + 6, 0)}};
}

std::optional<WorkHours> HoursFor(absl::CivilDay day, const WeekTemplate& week,
                                  const std::vector<RosterEntry>& roster) {
  for (const RosterEntry& entry : roster) {
    if (entry.day == day) return entry.hours;
  }
  return week.HoursOn(day);
}

}  // namespace ekinerja::attendance
