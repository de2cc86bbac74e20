#pragma once

// Incremental recompute of daily summaries (issue 4 §5). Whatever changes an input of a day
// (punches, PIN mappings, schedules, rosters, holidays, absences, corrections) marks the affected
// employee-days dirty in its own transaction (store::MarkDirty), then asks the Recomputer to
// compute exactly those; readers recompute what is still dirty, or was never computed, before they
// answer. A failed recompute loses nothing: the marks stay until one succeeds.
//
// Only days up to today (tenant's zone, plus one day for devices east of it) are stored: a future
// day has no attendance yet. Recomputes of one employee are serialised (an advisory lock per
// bucket of NIPs) so that a slower, older recompute cannot overwrite a newer one.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "api/attendance_metrics.h"
#include "clients/directory.h"
#include "db.h"
#include "store/attendance_store.h"

namespace ekinerja::attendance {

class Recomputer {
 public:
  // `directory` resolves employees' org units when the tenant assigns schedules to units.
  Recomputer(db::Pool& pool, clients::Directory& directory, AttendanceMetrics& metrics);

  // Computes and stores the summaries of `keys` (days after the last storable day are skipped)
  // and clears their dirty marks. Returns how many were stored.
  absl::StatusOr<int64_t> Recompute(const std::string& tenant, std::vector<store::DayKey> keys);

  // Recomputes, of `nips` × [first, last], the days that are dirty or were never computed.
  absl::StatusOr<int64_t> Refresh(const std::string& tenant, const std::vector<std::string>& nips,
                                  absl::CivilDay first, absl::CivilDay last);

  // The last day that may be stored for the tenant now: today in its zone, plus one.
  absl::StatusOr<absl::CivilDay> LastStorableDay(const std::string& tenant);

 private:
  db::Pool& pool_;
  clients::Directory& directory_;
  AttendanceMetrics& metrics_;
};

}  // namespace ekinerja::attendance
