#include "domain/earned.h"

#include <algorithm>
#include <limits>

namespace ekinerja::activity {

int64_t EarnedMinutes(int span_minutes, std::optional<int> norm_minutes_per_unit, int64_t quantity,
                      bool cap_by_span) {
  if (!norm_minutes_per_unit) return span_minutes;
  int64_t norm_total = 0;
  if (__builtin_mul_overflow(static_cast<int64_t>(*norm_minutes_per_unit), quantity, &norm_total)) {
    norm_total = std::numeric_limits<int64_t>::max();
  }
  return cap_by_span ? std::min<int64_t>(norm_total, span_minutes) : norm_total;
}

}  // namespace ekinerja::activity
