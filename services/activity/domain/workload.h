#pragma once

// Beban kerja and efektivitas jabatan (DOMAIN §5; Permendagri 12/2008, Perka BKN 19/2011): per
// position or unit over a period, workload = Σ approved earned minutes, available = holders ×
// workdays × effective minutes per workday (default 300), EJ = workload / available, graded by
// the tenant's bands, and the implied staffing need = workload / (workdays × effective minutes).

#include <cstdint>
#include <vector>

#include "absl/time/civil_time.h"
#include "rational.h"

namespace ekinerja::activity {

// The default bands (DOMAIN §5), in basis points of 1.00: A above 1.00, B 0.90-1.00, C 0.70 to
// below 0.90, D 0.50 to below 0.70, E below 0.50.
struct EjBands {
  int a_above_bp = 10000;
  int b_from_bp = 9000;
  int c_from_bp = 7000;
  int d_from_bp = 5000;
};

// 'A' when ej > a_above, 'B' when >= b_from, 'C' when >= c_from, 'D' when >= d_from, else 'E';
// compared exactly. '-' for an invalid EJ (no holders).
char EjGrade(const Rational& ej, const EjBands& bands);

struct Workload {
  int holders = 0;
  int workdays = 0;
  int64_t workload_minutes = 0;
  int64_t available_minutes = 0;
  Rational ej;                // invalid when nothing is available (no holders or no workdays)
  Rational implied_staffing;  // holders the workload needs; invalid without workdays
  char grade = '-';
};

Workload ComputeWorkload(int64_t workload_minutes, int holders, int workdays,
                         int effective_minutes_per_workday, const EjBands& bands);

// One holder of a position (or member of a unit) over the period: their approved earned minutes
// and the days attendance counts as their workdays.
struct HolderLoad {
  int64_t approved_minutes = 0;
  std::vector<absl::CivilDay> workdays;
};

// The beban kerja of a group of holders (a position or a unit): workload = the sum of their
// approved minutes; the group's workdays = the days that are a workday for at least one of them
// (one calendar for a unit, whatever roster a holder has); then ComputeWorkload.
Workload WorkloadOfGroup(const std::vector<HolderLoad>& holders, int effective_minutes_per_workday,
                         const EjBands& bands);

}  // namespace ekinerja::activity
