#pragma once

// One ingestion path for all three ways punches arrive (PushPunches, ADMS, ImportAttendanceLog):
// quarantine (clock resets), idempotent insert (device, PIN, instant), PIN resolution, counts by
// outcome (metrics and the caller's report), and the recompute of the employee-days touched.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "api/attendance_metrics.h"
#include "db.h"
#include "domain/attlog.h"
#include "pipeline/recompute.h"
#include "store/attendance_store.h"

namespace ekinerja::attendance {

struct IngestCounts {
  int64_t accepted = 0, duplicate = 0, quarantined = 0, unknown_pin = 0, days_recomputed = 0;
  IngestCounts& operator+=(const IngestCounts& o);
};

class Ingestor {
 public:
  Ingestor(db::Pool& pool, Recomputer& recomputer, AttendanceMetrics& metrics);

  // The registered device of `serial` in any tenant (ADMS requests name only the serial), its
  // last-seen time set to now. NOT_FOUND when unregistered.
  absl::StatusOr<store::DeviceRow> SeenDevice(const std::string& serial);
  // The same within one tenant (gRPC callers).
  absl::StatusOr<store::DeviceRow> SeenDevice(const std::string& tenant, const std::string& serial);

  // Stores the punches of one device in one transaction: quarantined when more than the tenant's
  // tolerance in the future or before the device's in-service date (device-local), else inserted
  // unless already there. Then recomputes the employee-days they touch; if that fails the
  // punches stay stored and the days stay dirty for the next reader (days_recomputed 0).
  //
  // With `deferred`, the touched days are added to it instead and not recomputed here: a caller
  // delivering many batches (a PushPunches stream) recomputes each day once at the end.
  absl::StatusOr<IngestCounts> Ingest(const store::DeviceRow& device,
                                      const std::vector<store::PunchIn>& punches,
                                      store::Source source,
                                      std::set<store::DayKey>* deferred = nullptr);

  // Log lines (ATTLOG, CSV) on the device's wall clock, turned into instants in its zone.
  absl::StatusOr<IngestCounts> IngestLog(const store::DeviceRow& device,
                                         const std::vector<LogPunch>& punches,
                                         store::Source source);

 private:
  db::Pool& pool_;
  Recomputer& recomputer_;
  AttendanceMetrics& metrics_;
};

}  // namespace ekinerja::attendance
