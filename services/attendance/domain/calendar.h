#pragma once

// Which weekly template an employee works on a day (issue 4 §3), and how stored absence kinds
// read as day statuses. Assignments are data: a template in force for one employee, one org unit
// and its subtree, or the whole tenant, from a start date, open-ended or to an end date (a Ramadan
// range).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "domain/day_classifier.h"

namespace ekinerja::attendance {

// The template every tenant works without an assignment: DefaultFiveDayWeek().code.
inline constexpr char kDefaultTemplateCode[] = "5HK";

struct ScheduleAssignment {
  int64_t id = 0;
  std::string template_code;
  std::string nip;            // set: this employee
  std::string org_unit_code;  // set: this unit and its subtree; neither: the whole tenant
  absl::CivilDay start;
  std::optional<absl::CivilDay> end;  // inclusive; nullopt: open-ended
};

// The code of the template in force for the employee `nip`, whose org units from the root down
// are `unit_path`, on `day`. The employee's own assignment wins over a unit's, the nearest unit
// over its ancestors, and a unit's over the tenant's; among assignments of one target the latest
// start wins (ties: the later id). kDefaultTemplateCode when none is in force.
std::string TemplateCodeOn(absl::CivilDay day, std::string_view nip,
                           const std::vector<std::string>& unit_path,
                           const std::vector<ScheduleAssignment>& assignments);

// The punches an approved koreksi presensi adds to `day`: its check-in and check-out minutes
// (from local midnight, on the wall clock of `zone`). A check-out earlier than the start of a
// shift that ends the next morning is that next morning's.
std::vector<Punch> CorrectionPunches(absl::CivilDay day, const std::optional<WorkHours>& hours,
                                     std::optional<int> check_in_minute,
                                     std::optional<int> check_out_minute, absl::TimeZone zone);

// The day status an absence kind gives: "IZIN", "SAKIT", "CUTI_TAHUNAN" (and every CUTI_*),
// "DINAS_LUAR", "TUGAS_BELAJAR"; kNone for anything else.
AbsenceKind AbsenceCategory(std::string_view kind);

}  // namespace ekinerja::attendance
