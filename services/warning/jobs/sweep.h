#pragma once

// A sweep of one tenant and day (DOMAIN §8): reads what the other services say of the day in
// batches (one stream each, never a call per employee), asks the domain which warnings it owes,
// and writes them in one transaction under the tenant's advisory lock, with their outbox
// messages and the streaks carried to the next day. The same rule never warns twice for the same
// subject and day (the warnings' unique key), so a sweep run twice, or killed and run again,
// creates nothing twice. Run by the scheduler (scheduler.h) and by RunSweep (a backfill).

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "api/warning_metrics.h"
#include "clients/activity_months.h"
#include "clients/attendance.h"
#include "clients/directory.h"
#include "clients/scoring_kotak.h"
#include "clients/skp_evaluations.h"
#include "db.h"
#include "jobs/inbox_signal.h"
#include "store/warning_store.h"

namespace ekinerja::warning {

// What a sweep reads of the other services (the wiring gives the real clients or the fakes).
struct WarningPeers {
  clients::Directory* directory = nullptr;
  clients::Attendance* attendance = nullptr;
  clients::ActivityMonths* activity = nullptr;
  clients::SkpEvaluations* skp = nullptr;
  clients::Scoring* scoring = nullptr;
};

enum class SweepKind { kDaily, kEarly };

struct SweepOptions {
  // The clock (absl::Now unless a test sets it): whether the day's deadline has passed.
  std::function<absl::Time()> now;
  // Woken when a sweep committed new warnings (the inbox watchers of this replica); may be null.
  InboxSignal* signal = nullptr;
  // Tests: called in the write transaction after the warnings are written and before it
  // commits; an error rolls everything back (a sweep killed halfway).
  std::function<absl::Status()> before_commit;
};

class Sweeper {
 public:
  Sweeper(db::Pool& pool, WarningPeers peers, WarningMetrics& metrics, SweepOptions options);

  // Sweeps `day` of `tenant` (`started_by`: "scheduler" or the admin's NIP). FAILED_PRECONDITION
  // when it is not time yet (DAILY: the day's report deadline has not passed in the tenant's zone;
  // EARLY: outside [the reminder hour, the deadline)); ABORTED when another sweep of the tenant
  // holds the lock; a peer's failure passes through. A failure is recorded as a FAILED sweep.
  // With `only_once` (the scheduler) a day already swept is ALREADY_EXISTS, not swept again.
  absl::StatusOr<store::SweepRow> Run(const std::string& tenant, absl::CivilDay day, SweepKind kind,
                                      const std::string& started_by, bool only_once = false);

  absl::Time Now() const { return options_.now(); }

 private:
  absl::StatusOr<store::SweepRow> RunOnce(const std::string& tenant, absl::CivilDay day,
                                          SweepKind kind, const std::string& started_by,
                                          absl::Time start, bool only_once);

  db::Pool& pool_;
  WarningPeers peers_;
  WarningMetrics& metrics_;
  SweepOptions options_;
};

std::string SweepKindName(SweepKind kind);

}  // namespace ekinerja::warning
