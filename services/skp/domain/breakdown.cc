#include "domain/breakdown.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace ekinerja::skp {

std::vector<FieldViolation> BreakdownViolations(PeriodKind kind, int64_t annual_target,
                                                const std::vector<BreakdownEntry>& entries) {
  std::vector<FieldViolation> violations;
  if (entries.empty()) return violations;  // no breakdown
  const int periods = PeriodsPerYear(kind);
  std::vector<int> first_index(periods + 1, -1);  // by period number: where it first appeared
  int64_t sum = 0;
  bool sum_overflows = false;
  for (size_t i = 0; i < entries.size(); ++i) {
    const BreakdownEntry& e = entries[i];
    const std::string path = absl::StrCat("breakdown[", i, "]");
    if (e.period < 1 || e.period > periods) {
      violations.push_back({path + ".period", absl::StrCat("must be between 1 and ", periods)});
    } else if (first_index[e.period] >= 0) {
      const std::string earlier = absl::StrCat("breakdown[", first_index[e.period], "]");
      violations.push_back(
          {path + ".period",
           absl::StrCat("period ", e.period, " appears more than once (also at ", earlier, ")")});
    } else {
      first_index[e.period] = static_cast<int>(i);
    }
    if (e.quantity < 0) violations.push_back({path + ".quantity", "must not be negative"});
    sum_overflows = sum_overflows || __builtin_add_overflow(sum, e.quantity, &sum);
  }
  if (annual_target <= 0) {
    violations.push_back(
        {"breakdown", absl::StrCat("needs a positive annual target, got ", annual_target)});
  } else if (sum_overflows) {
    violations.push_back(
        {"breakdown", absl::StrCat("sums to more than the annual target ", annual_target)});
  } else if (sum != annual_target) {
    violations.push_back(
        {"breakdown", absl::StrCat("sums to ", sum, ", not the annual target ", annual_target)});
  }
  return violations;
}

}  // namespace ekinerja::skp
