#include "domain/workload.h"

#include <set>

namespace ekinerja::activity {

char EjGrade(const Rational& ej, const EjBands& bands) {
  if (!ej.valid()) return '-';
  const auto band = [](int bp) { return Rational(bp, 10000); };
  if (ej > band(bands.a_above_bp)) return 'A';
  if (ej >= band(bands.b_from_bp)) return 'B';
  if (ej >= band(bands.c_from_bp)) return 'C';
  if (ej >= band(bands.d_from_bp)) return 'D';
  return 'E';
}

Workload ComputeWorkload(int64_t workload_minutes, int holders, int workdays,
                         int effective_minutes_per_workday, const EjBands& bands) {
  Workload w;
  w.holders = holders;
  w.workdays = workdays;
  w.workload_minutes = workload_minutes;
  const int64_t per_holder = int64_t{workdays} * effective_minutes_per_workday;
  w.available_minutes = holders * per_holder;
  // Rational(n, 0) is invalid: no holders (or no workdays) leave EJ and its grade undefined.
  w.ej = Rational(workload_minutes, w.available_minutes);
  w.implied_staffing = Rational(workload_minutes, per_holder);
  w.grade = EjGrade(w.ej, bands);
  return w;
}

Workload WorkloadOfGroup(const std::vector<HolderLoad>& holders, int effective_minutes_per_workday,
                         const EjBands& bands) {
  int64_t minutes = 0;
  std::set<absl::CivilDay> workdays;
  for (const HolderLoad& h : holders) {
    minutes += h.approved_minutes;
    workdays.insert(h.workdays.begin(), h.workdays.end());
  }
  return ComputeWorkload(minutes, static_cast<int>(holders.size()),
                         static_cast<int>(workdays.size()), effective_minutes_per_workday, bands);
}

}  // namespace ekinerja::activity
