#pragma once

// The activity service's Postgres repository (DESIGN §3): plain rows in, plain rows out, every
// statement a named query of sql/queries*.sql, rows read by column name. Transactions are the
// caller's (db::Pool::Write / Read / ReadOne).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "db.h"
#include "domain/entry_month.h"
#include "domain/rules.h"
#include "month_lock_store.h"

namespace ekinerja::activity::store {

// ---- rules ---------------------------------------------------------------------------------

// The rule set in force on `day`: the tenant's latest version from on or before it, else the
// national defaults (version 0). `create_time` is set for a stored version.
struct StoredRules {
  ActivityRules rules;
  std::optional<absl::Time> create_time;
};
StoredRules RulesInForce(db::Tx& tx, const std::string& tenant, absl::CivilDay day);
// The same and, in the same statement, what the earlier `rpc` of `caller` with `request_id`
// made (db::FindRequestKey), so that a create reads both in one round trip.
struct RulesAndEarlier {
  StoredRules rules;
  std::optional<int64_t> earlier;
};
RulesAndEarlier RulesAndRequestKey(db::Tx& tx, const std::string& tenant, absl::CivilDay day,
                                   const std::string& caller, const std::string& rpc,
                                   const std::string& request_id);
std::vector<StoredRules> ListRules(db::Tx& tx, const std::string& tenant);
// ALREADY_EXISTS when a version starts that day.
absl::StatusOr<StoredRules> InsertRules(db::Tx& tx, const std::string& tenant,
                                        const ActivityRules& rules, const std::string& created_by);

// ---- entries -------------------------------------------------------------------------------

struct FileRow {
  std::string file_name, content_type;
  int64_t size_bytes = 0;
  std::string sha256;
  std::string content;  // empty unless read with GetFile
};

struct EntryRow {
  int64_t id = 0;
  std::string nip;
  absl::CivilDay work_date;
  int start_minute = 0, end_minute = 0;
  std::string description;
  int64_t rhk_id = 0, skp_id = 0;  // 0: none
  std::string tugas_tambahan_ref, catalogue_code;
  int norm_minutes_per_unit = 0;  // 0: no catalogue item
  int64_t output_quantity = 0;
  std::string output_unit, evidence_link;
  int64_t earned_minutes = 0;
  std::string status = "DRAFT";
  std::string verifier_nip, decided_by_nip, decision_reason;
  absl::Time create_time, update_time;
  std::optional<absl::Time> submit_time, decide_time;
  // The evidence file's description (no content), when there is one.
  std::optional<FileRow> file;
};

// Serializes the writes of one employee's entries (the overlap and day-minute gates read the day
// and then write): a transaction-scoped advisory lock.
void LockEmployee(db::Tx& tx, const std::string& tenant, const std::string& nip);
// Inserts `row`, which gets the id and times the database gave it (the rest is as written), and
// records `request_id` (none when empty) of `caller`'s `rpc` for it in the same statement. False
// when a concurrent call recorded the same id first (RequestIdRace: the write must roll back).
bool InsertEntry(db::Tx& tx, const std::string& tenant, EntryRow* row, const std::string& caller,
                 const std::string& rpc, const std::string& request_id);
// Every field an update may change (not the status or the decision).
void UpdateEntry(db::Tx& tx, const std::string& tenant, const EntryRow& row);
// NOT_FOUND when the tenant has no entry `id`.
absl::StatusOr<EntryRow> GetEntry(db::Tx& tx, const std::string& tenant, int64_t id);
// The entries of `ids` the tenant has, by work date and start.
std::vector<EntryRow> GetEntries(db::Tx& tx, const std::string& tenant,
                                 const std::vector<int64_t>& ids);
// `nip`'s entries of [first, last] (of `status` only, when not empty), by work date and start.
std::vector<EntryRow> EntriesOf(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                absl::CivilDay first, absl::CivilDay last,
                                const std::string& status = "");
// Submitted at `now` (the service's clock, which the deadlines and the queue age read too).
void SubmitEntry(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& verifier_nip,
                 absl::Time now);
void SetStatus(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& status);

void PutFile(db::Tx& tx, const std::string& tenant, int64_t entry_id, const FileRow& file);
void DeleteFile(db::Tx& tx, const std::string& tenant, int64_t entry_id);
std::optional<FileRow> GetFile(db::Tx& tx, const std::string& tenant, int64_t entry_id);

// ---- month locks ---------------------------------------------------------------------------

using MonthLockRow = db::MonthLockRow;
// The month's lock row (unlocked, without update_time, when there never was one).
MonthLockRow GetMonthLock(db::Tx& tx, const std::string& tenant, int year, int month);
// Locks or unlocks the month with `reference`, by `by`; the row as it is then.
MonthLockRow SetMonthLock(db::Tx& tx, const std::string& tenant, int year, int month, bool locked,
                          const std::string& reference, const std::string& by);

// ---- the gates inside a write -----------------------------------------------------------------

// What the gates inside a write read of `nip`'s `day` in one round trip (under the employee's
// lock): the month lock (locked and reference only) and the span and status of each of the day's
// entries but `except_id` (0: none), for the overlap and day-minute gates.
struct DaySpan {
  int start_minute = 0, end_minute = 0;
  std::string status;
};
struct DayGateFacts {
  MonthLockRow lock;
  std::vector<DaySpan> spans;
};
DayGateFacts DayGates(db::Tx& tx, const std::string& tenant, const std::string& nip,
                      absl::CivilDay day, int64_t except_id);

// ---- month summaries -------------------------------------------------------------------------

// The entries of `nips` (digits only) over [first, last] as a month summary reads them, by NIP
// (a NIP without entries is absent), each NIP's by date.
std::map<std::string, std::vector<EntryFacts>> MonthEntryFacts(db::Tx& tx,
                                                               const std::string& tenant,
                                                               const std::vector<std::string>& nips,
                                                               absl::CivilDay first,
                                                               absl::CivilDay last);

// What a (nip, work date) holds (StreamDayFilings): entries other than WITHDRAWN, and how many of
// them were submitted (SUBMITTED, APPROVED, REJECTED, RETURNED).
struct DayFilingRow {
  std::string nip;
  absl::CivilDay work_date;
  int entries = 0, submitted = 0;
};
// The next `limit` (nip, work date) of [first, last] after (after_nip, after_date) that have an
// entry other than WITHDRAWN, in (nip, date) order: one keyset page (after_nip "": from the start).
std::vector<DayFilingRow> DayFilingsPage(db::Tx& tx, const std::string& tenant,
                                         absl::CivilDay first, absl::CivilDay last,
                                         const std::string& after_nip, absl::CivilDay after_date,
                                         int limit);

}  // namespace ekinerja::activity::store
