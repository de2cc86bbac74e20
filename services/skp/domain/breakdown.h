#pragma once

// Rencana aksi (DOMAIN §2): an IKI's annual target broken down per month (12 periods) or per
// quarter (4 periods). The breakdown is optional; when given, its quantities sum to the annual
// target exactly.

#include <cstdint>
#include <vector>

#include "domain/periods.h"
#include "status.h"

namespace ekinerja::skp {

struct BreakdownEntry {
  int period = 0;        // 1..PeriodsPerYear(kind)
  int64_t quantity = 0;  // ≥ 0
};

// What is wrong with `entries` as a breakdown of `annual_target` (> 0) by `kind`, one violation a
// bad field, each path relative to the IKI ("breakdown[2].period", "breakdown[0].quantity") for
// the caller to prefix:
//   - a period number outside 1..PeriodsPerYear(kind), or one that appeared earlier;
//   - a negative quantity;
//   - "breakdown": the quantities as sent do not sum to the annual target (both numbers said), or
//     the annual target is not positive.
// An empty list is no breakdown and is valid. kAnnual is its one period 1 (no real breakdown).
std::vector<FieldViolation> BreakdownViolations(PeriodKind kind, int64_t annual_target,
                                                const std::vector<BreakdownEntry>& entries);

}  // namespace ekinerja::skp
