#include "domain/calendar.h"

#include <tuple>

#include "absl/strings/match.h"

namespace ekinerja::attendance {

std::string TemplateCodeOn(absl::CivilDay day, std::string_view nip,
                           const std::vector<std::string>& unit_path,
                           const std::vector<ScheduleAssignment>& assignments) {
  // Rank: 0 the employee's own, 1 the nearest unit, ..., path size + 1 the tenant's.
  const int tenant_rank = static_cast<int>(unit_path.size()) + 1;
  const ScheduleAssignment* best = nullptr;
  std::tuple<int, absl::CivilDay, int64_t> best_key;
  for (const auto& a : assignments) {
    if (day < a.start || (a.end && day > *a.end)) continue;
    int rank = -1;
    if (!a.nip.empty()) {
      if (a.nip == nip) rank = 0;
    } else if (!a.org_unit_code.empty()) {
      for (size_t i = unit_path.size(); i-- > 0;) {
        if (unit_path[i] == a.org_unit_code) {
          rank = static_cast<int>(unit_path.size() - i);
          break;
        }
      }
    } else {
      rank = tenant_rank;
    }
    if (rank < 0) continue;
    // Lower rank first; then the later start, then the later id.
    const auto key = std::make_tuple(rank, absl::CivilDay(a.start), a.id);
    if (best == nullptr || std::get<0>(key) < std::get<0>(best_key) ||
        (std::get<0>(key) == std::get<0>(best_key) &&
         std::make_tuple(std::get<1>(key), std::get<2>(key)) >
             std::make_tuple(std::get<1>(best_key), std::get<2>(best_key)))) {
      best = &a;
      best_key = key;
    }
  }
  return best ? best->template_code : kDefaultTemplateCode;
}

std::vector<Punch> CorrectionPunches(absl::CivilDay day, const std::optional<WorkHours>& hours,
                                     std::optional<int> check_in_minute,
                                     std::optional<int> check_out_minute, absl::TimeZone zone) {
  std::vector<Punch> out;
  const absl::CivilSecond midnight(day);
  if (check_in_minute)
    out.push_back({absl::FromCivil(midnight + *check_in_minute * 60, zone), zone});
  if (check_out_minute) {
    int minute = *check_out_minute;
    if (hours && hours->end_minute > 24 * 60 && minute < hours->start_minute) minute += 24 * 60;
    out.push_back({absl::FromCivil(midnight + minute * 60, zone), zone});
  }
  return out;
}

AbsenceKind AbsenceCategory(std::string_view kind) {
  if (kind == "IZIN") return AbsenceKind::kIzin;
  if (kind == "SAKIT") return AbsenceKind::kSakit;
  if (absl::StartsWith(absl::string_view(kind.data(), kind.size()), "CUTI_")) {
    return AbsenceKind::kCuti;
  }
  if (kind == "DINAS_LUAR") return AbsenceKind::kDinasLuar;
  if (kind == "TUGAS_BELAJAR") return AbsenceKind::kTugasBelajar;
  return AbsenceKind::kNone;
}

}  // namespace ekinerja::attendance
