#pragma once

// The warning service's Postgres repository (DESIGN §3): plain rows in, plain rows out, every
// statement a named query of sql/queries*.sql, rows read by column name. Transactions are the
// caller's (db::Pool::Write / Read / ReadOne). This file: the warnings (inboxes), sweeps and
// streaks; rules_store.h: rule sets; outbox_store.h: outbound notifications.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "db.h"

namespace ekinerja::warning::store {

// ---- warnings --------------------------------------------------------------------------------

struct WarningRow {
  int64_t id = 0;  // 0 before it is written
  std::string rule, audience;
  std::string recipient_nip;  // "" for BKPSDM
  std::string subject_nip, subject_name, supervisor_nip, org_unit_code, opd_code;
  absl::CivilDay day;
  std::string title, message, action, at_stake;
  absl::Time create_time;
  std::optional<absl::Time> acknowledge_time;
};

// Where an inbox page starts: after the row (acknowledged, id); acknowledged < 0 for the first.
struct InboxCursor {
  int acknowledged = -1;
  int64_t id = 0;
};

// `nip`'s inbox, unacknowledged first and newest first within each.
std::vector<WarningRow> InboxPage(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                  bool unacknowledged_only, InboxCursor after, int limit);
int64_t CountUnacknowledged(db::Tx& tx, const std::string& tenant, const std::string& nip);
std::optional<WarningRow> GetWarning(db::Tx& tx, const std::string& tenant, int64_t id);
// Idempotent; false when the tenant has no such warning.
bool AcknowledgeWarning(db::Tx& tx, const std::string& tenant, int64_t id);
// How many it acknowledged.
int64_t AcknowledgeAll(db::Tx& tx, const std::string& tenant, const std::string& nip);
// The warnings about `supervisor`'s subordinates over [first, last], newest first, after id
// `after_id` (0: from the newest).
std::vector<WarningRow> SubordinatePage(db::Tx& tx, const std::string& tenant,
                                        const std::string& supervisor, absl::CivilDay first,
                                        absl::CivilDay last, int64_t after_id, int limit);
// The tenant's warnings of OPD `opd` ("" all) and rule `rule` ("" all) over [first, last].
std::vector<WarningRow> TenantPage(db::Tx& tx, const std::string& tenant, const std::string& opd,
                                   absl::CivilDay first, absl::CivilDay last,
                                   const std::string& rule, int64_t after_id, int limit);
struct Tally {
  std::string opd_code, rule;
  int64_t warnings = 0, unacknowledged = 0;
};
std::vector<Tally> TenantTally(db::Tx& tx, const std::string& tenant, absl::CivilDay first,
                               absl::CivilDay last);
// `nip`'s warnings with an id above `after_id`, oldest first (the watch stream).
std::vector<WarningRow> InboxAfter(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                   int64_t after_id, int limit);
int64_t InboxLastId(db::Tx& tx, const std::string& tenant, const std::string& nip);

// ---- sweeps ----------------------------------------------------------------------------------

struct SweepRow {
  int64_t id = 0;
  absl::CivilDay day;
  std::string kind;   // DAILY, EARLY
  std::string state;  // DONE, FAILED
  std::string started_by;
  int rules_version = 0;
  int64_t employees = 0, warnings_created = 0;
  absl::Time start_time, end_time;
  std::string error;
  std::string kotak_month;  // "2026-10": the month whose kotak it read from a run
};

int64_t InsertSweep(db::Tx& tx, const std::string& tenant, const SweepRow& row);
void UpdateSweepCounts(db::Tx& tx, const std::string& tenant, int64_t id, int64_t employees,
                       int64_t warnings_created);
// Newest first, ids below `before_id` (0: from the newest).
std::vector<SweepRow> ListSweeps(db::Tx& tx, const std::string& tenant, int64_t before_id,
                                 int limit);
// The days of [first, last] a sweep of `kind` finished.
std::vector<absl::CivilDay> SweptDays(db::Tx& tx, const std::string& tenant,
                                      const std::string& kind, absl::CivilDay first,
                                      absl::CivilDay last);
// Whether a finished sweep read the kotak of `month` ("2026-10") from a run.
bool KotakMonthSwept(db::Tx& tx, const std::string& tenant, const std::string& month);
// The tenants whose latest rule set asks to be swept by the scheduler.
std::vector<std::string> ScheduledTenants(db::Tx& tx);

// One sweep of the tenant at a time across replicas: the advisory lock of the tenant's sweeps,
// held to the end of `tx`; false when another transaction holds it.
bool TrySweepLock(db::Tx& tx, const std::string& tenant);

// ---- streaks ---------------------------------------------------------------------------------

struct StreakRow {
  std::string kind;  // MISSING, LATE
  std::string nip;
  absl::CivilDay last_day;
  int count = 0;
};

std::vector<StreakRow> StreaksOf(db::Tx& tx, const std::string& tenant);

// ---- the sweep's write -----------------------------------------------------------------------

struct MergeResult {
  int64_t created = 0;  // warnings that were new
  std::map<std::string, int64_t> created_by_rule;
  int64_t queued = 0;  // outbox messages written with them
};
// Writes what sweep `sweep_id` computed: the warnings that are new (the unique key skips the
// ones an earlier sweep wrote), an outbox message for each when the tenant has a webhook, and
// the streaks (a streak already at or past a row's day is kept). COPY into staging tables, one
// statement each to merge.
MergeResult MergeSweep(db::Tx& tx, const std::string& tenant, int64_t sweep_id,
                       const std::vector<WarningRow>& warnings,
                       const std::vector<StreakRow>& streaks);

}  // namespace ekinerja::warning::store
