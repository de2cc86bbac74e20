#pragma once

// Pieces the RPCs of calendar_rpcs.cc and request_rpcs.cc share: the recompute after a commit,
// day keys, and the checks of work dates and their ranges.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "civil.h"
#include "domain/work_dates.h"
#include "google/type/date.pb.h"
#include "pipeline/recompute.h"
#include "store/attendance_store.h"

namespace ekinerja::attendance {

// Recomputes `keys` of `tenant` after the change that marked them dirty has committed. Failures
// are logged, not returned: the marks stay and the next reader recomputes.
void RecomputeAfterCommit(Recomputer& recomputer, const std::string& tenant,
                          std::vector<store::DayKey> keys);

// Recomputed at once after a change; a change touching more employee-days leaves them dirty for
// the readers.
inline constexpr size_t kMaxImmediateRecompute = 20000;

// Every (nip, day) of `nips` × [first, last]; empty when last < first.
std::vector<store::DayKey> DayKeys(const std::vector<std::string>& nips, absl::CivilDay first,
                                   absl::CivilDay last);

// A work date from the API: set, a real date, and inside the tenant's `window` (work_dates.h).
// INVALID_ARGUMENT with one violation on `field` otherwise.
absl::StatusOr<absl::CivilDay> ParseWorkDate(const WorkDateWindow& window,
                                             const google::type::Date& date,
                                             const std::string& field);

// A range of work dates from the API: FromProtoDateRange with each day inside the tenant's window.
absl::StatusOr<DateRange> ParseDateSpan(const WorkDateWindow& window,
                                        const google::type::Date& start,
                                        const google::type::Date& end, const std::string& prefix,
                                        bool end_required);

// `status`, except that NOT_FOUND (an employee the request names does not exist) becomes
// INVALID_ARGUMENT on `field` with the same message: a create's body names a missing employee.
absl::Status NotFoundAsField(const absl::Status& status, const std::string& field);

// The name of a proto enum value without its prefix ("ABSENCE_KIND_SAKIT" -> "SAKIT").
std::string EnumSuffix(const std::string& name, std::string_view prefix);

}  // namespace ekinerja::attendance
