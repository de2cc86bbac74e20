#pragma once

// The attendance store: Postgres access through the named statements of sql/queries*.sql. Each
// function runs inside a transaction the caller holds (db::Pool::Read/Write) and filters by
// tenant. Rows are plain structs in domain types (absl::CivilDay, absl::Time).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "db.h"
#include "domain/calendar.h"
#include "domain/day_classifier.h"
#include "domain/request.h"
#include "domain/schedule.h"
#include "domain/work_dates.h"
#include "month_lock.h"
#include "month_lock_store.h"

namespace ekinerja::attendance::store {

// ---- rules -----------------------------------------------------------------------------------

struct RulesRow {
  std::string time_zone = "Asia/Jakarta";
  TierThresholds tiers = DefaultTierThresholds();
  int future_tolerance_minutes = 5;
  int window_margin_minutes = 4 * 60;
  WorkDateWindow work_dates;
};
// The tenant's rules, or the national defaults when it has none.
RulesRow GetRules(db::Tx& tx, const std::string& tenant);
void PutRules(db::Tx& tx, const std::string& tenant, const RulesRow& rules);

// ---- devices and PINs ------------------------------------------------------------------------

struct DeviceRow {
  std::string tenant, serial, time_zone, org_unit_code, description;
  absl::CivilDay in_service_date;
  absl::Time register_time;
  std::optional<absl::Time> last_seen;
};
// ALREADY_EXISTS when the serial is registered (in any tenant).
absl::Status InsertDevice(db::Tx& tx, const DeviceRow& device);
// NOT_FOUND when the tenant has no such device.
absl::StatusOr<DeviceRow> GetDevice(db::Tx& tx, const std::string& tenant,
                                    const std::string& serial);
// The device by serial alone (ADMS), in whichever tenant registered it; NOT_FOUND otherwise.
absl::StatusOr<DeviceRow> FindDeviceBySerial(db::Tx& tx, const std::string& serial);
void TouchDevice(db::Tx& tx, const std::string& tenant, const std::string& serial, absl::Time at);
std::vector<DeviceRow> ListDevices(db::Tx& tx, const std::string& tenant,
                                   const std::string& after_serial, int limit);

struct PinMappingRow {
  std::string device_serial;  // "" = every device of the tenant
  std::string pin, nip;
};
void UpsertPinMapping(db::Tx& tx, const std::string& tenant, const PinMappingRow& m);
std::vector<PinMappingRow> ListPinMappings(db::Tx& tx, const std::string& tenant,
                                           const std::string& nip, const std::string& after_key,
                                           int limit);

struct UnknownPinRow {
  std::string device_serial, pin;
  int64_t punch_count = 0;
  absl::Time first, last;
};
std::vector<UnknownPinRow> ListUnknownPins(db::Tx& tx, const std::string& tenant,
                                           const std::string& after_key, int limit);

// ---- punches ---------------------------------------------------------------------------------

enum class Source { kGrpc, kAdms, kImport };
const char* SourceName(Source source);

struct PunchIn {
  std::string pin;
  absl::Time at;
  std::optional<int> status, verify;
};

struct InsertedPunch {
  std::string nip;  // "" for an unknown PIN
  absl::Time at;
};
struct InsertResult {
  std::vector<InsertedPunch> inserted;  // new rows only; duplicates are left out
  int64_t duplicate = 0;
};
// Inserts the punches of one device in one statement, resolving each PIN to a NIP (the device's
// own mapping, else the tenant's); rows already there are duplicates.
InsertResult InsertPunches(db::Tx& tx, const std::string& tenant, const std::string& serial,
                           const std::vector<PunchIn>& punches, Source source);
// Likewise into quarantine, with the reason of each; returns how many were new.
int64_t InsertQuarantined(db::Tx& tx, const std::string& tenant, const std::string& serial,
                          const std::vector<PunchIn>& punches,
                          const std::vector<std::string>& reasons, Source source);
// Gives punches of `pin` that have no NIP yet (on `device_serial`, or on every device of the
// tenant that has no own mapping of the PIN when it is "") to `nip`; returns the work dates they
// fall on (device-local), one per punch.
std::vector<absl::CivilDay> AssignUnknownPunches(db::Tx& tx, const std::string& tenant,
                                                 const std::string& device_serial,
                                                 const std::string& pin, const std::string& nip);

// ---- calendars, absences, corrections (as the recompute reads them) ---------------------------

struct TemplateRow {
  std::string code, name;
  WeekTemplate week;
};
using AssignmentRow = ScheduleAssignment;  // domain/calendar.h
struct RosterRow {
  std::string nip;
  RosterEntry entry;
};
struct HolidayRow {
  absl::CivilDay day;
  std::string name, kind;  // kind: LIBUR_NASIONAL, CUTI_BERSAMA, LIBUR_DAERAH
};
struct AbsenceRow {
  int64_t id = 0;
  std::string nip, kind;  // kind: IZIN, SAKIT, CUTI_TAHUNAN, ..., DINAS_LUAR, TUGAS_BELAJAR
  absl::CivilDay start, end;
  std::string reason, evidence_uri;
  RequestState state = RequestState::kPending;
  std::string created_by, decided_by, decision_note;
  std::optional<absl::Time> decide_time;
  absl::Time create_time;
};
struct CorrectionRow {
  int64_t id = 0;
  std::string nip;
  absl::CivilDay day;
  std::optional<int> check_in_minute, check_out_minute;
  std::string time_zone, reason, evidence_uri;
  RequestState state = RequestState::kPending;
  std::string created_by, decided_by, decision_note;
  std::optional<absl::Time> decide_time;
  absl::Time create_time;
};

// Everything that decides the days of `nips` from `first` to `last`, read in a few statements.
struct RecomputeInputs {
  RulesRow rules;
  std::vector<TemplateRow> templates;      // the tenant's own (built-ins are added by the caller)
  std::vector<AssignmentRow> assignments;  // all of the tenant
  std::vector<RosterRow> roster;           // of these employees in the range
  std::vector<HolidayRow> holidays;        // in the range
  std::vector<AbsenceRow> absences;        // approved, overlapping the range
  std::vector<CorrectionRow> corrections;  // approved, in the range
  struct PunchRow {
    std::string nip;
    absl::Time at;
    std::string time_zone;  // the device's
  };
  std::vector<PunchRow> punches;  // of these employees from first-2 to last+2 days, by (nip, at)
};
RecomputeInputs LoadRecomputeInputs(db::Tx& tx, const std::string& tenant,
                                    const std::vector<std::string>& nips, absl::CivilDay first,
                                    absl::CivilDay last);
// Serialises recomputes of the same employees: waits for the transaction-scoped advisory lock of
// each bucket (of tenant/NIP hashes), in ascending order so that no two recomputes deadlock.
void LockNipBuckets(db::Tx& tx, const std::vector<std::string>& buckets);

// ---- summaries and dirty days ----------------------------------------------------------------

struct DayKey {
  std::string nip;
  absl::CivilDay day;
  bool operator==(const DayKey& o) const { return nip == o.nip && day == o.day; }
  bool operator<(const DayKey& o) const { return nip != o.nip ? nip < o.nip : day < o.day; }
};

struct SummaryRow {
  std::string nip;
  absl::CivilDay day;
  std::optional<WorkHours> scheduled;
  DaySummary summary;
  int64_t absence_id = 0;
  std::string absence_kind;  // "" when none
  int64_t correction_id = 0;
  bool checked_in = false;
  absl::Time compute_time;
};
// Marks employee-days as needing a recompute.
void MarkDirty(db::Tx& tx, const std::string& tenant, const std::vector<DayKey>& keys);
// Marks the days from `first` to `last` of `nips` (every employee with a stored summary in that
// range when `nips` is empty).
void MarkDirtyRange(db::Tx& tx, const std::string& tenant, const std::vector<std::string>& nips,
                    absl::CivilDay first, absl::CivilDay last);
// Of `nips` × [first, last], the keys that are dirty or have no summary.
std::vector<DayKey> StaleKeys(db::Tx& tx, const std::string& tenant,
                              const std::vector<std::string>& nips, absl::CivilDay first,
                              absl::CivilDay last);
// Stores the summaries (insert or replace) and clears their dirty marks, in one statement each.
void UpsertSummaries(db::Tx& tx, const std::string& tenant, const std::vector<SummaryRow>& rows);
std::vector<SummaryRow> ReadSummaries(db::Tx& tx, const std::string& tenant,
                                      const std::vector<std::string>& nips, absl::CivilDay first,
                                      absl::CivilDay last);

// ---- month locks (V004) ------------------------------------------------------------------------

using MonthLockRow = db::MonthLockRow;
// The month's lock row (unlocked, without update_time, when there never was one).
MonthLockRow GetMonthLock(db::Tx& tx, const std::string& tenant, int year, int month);
// Locks or unlocks the month with `reference`, by `by`; the row as it is then.
MonthLockRow SetMonthLock(db::Tx& tx, const std::string& tenant, int year, int month, bool locked,
                          const std::string& reference, const std::string& by);
// The locked months with a day in [first, last].
std::vector<LockedMonth> LockedMonths(db::Tx& tx, const std::string& tenant, absl::CivilDay first,
                                      absl::CivilDay last);
// Of `nips` × [first, last], the days of locked months that have a stored summary: frozen.
std::vector<DayKey> FrozenKeys(db::Tx& tx, const std::string& tenant,
                               const std::vector<std::string>& nips, absl::CivilDay first,
                               absl::CivilDay last);

}  // namespace ekinerja::attendance::store
