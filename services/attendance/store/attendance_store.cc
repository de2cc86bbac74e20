#include "store/attendance_store.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "attendance_sql.h"
#include "civil.h"
#include "db_fields.h"
#include "store/calendar_store.h"
#include "store/rows.h"

namespace ekinerja::attendance::store {
namespace {

using db::ArrayLiteral;
using db::Day;
using db::Micros;
using db::OptMicros;
using db::ToMicros;

DeviceRow ToDevice(const pqxx::row& r) {
  DeviceRow d;
  d.tenant = r["tenant_id"].as<std::string>();
  d.serial = r["serial_number"].as<std::string>();
  d.time_zone = r["time_zone"].as<std::string>();
  d.org_unit_code = r["org_unit_code"].as<std::string>();
  d.in_service_date = Day(r["in_service_date"]);
  d.description = r["description"].as<std::string>();
  d.register_time = Micros(r["register_us"]);
  d.last_seen = OptMicros(r["last_seen_us"]);
  return d;
}

std::vector<std::optional<std::string>> OptInts(const std::vector<std::optional<int>>& v) {
  std::vector<std::optional<std::string>> out;
  out.reserve(v.size());
  for (const auto& x : v) {
    out.push_back(x ? std::optional<std::string>(std::to_string(*x)) : std::nullopt);
  }
  return out;
}

std::string LocalText(absl::CivilSecond s) {
  return absl::StrFormat("%04d-%02d-%02d %02d:%02d:%02d", s.year(), s.month(), s.day(), s.hour(),
                         s.minute(), s.second());
}

std::optional<absl::CivilSecond> ParseLocal(const std::string& text) {
  absl::CivilSecond s;
  if (text.empty() || !absl::ParseCivilTime(text.substr(0, 10) + "T" + text.substr(11), &s)) {
    return std::nullopt;
  }
  return s;
}

std::vector<std::string> DayTexts(const std::vector<DayKey>& keys) {
  std::vector<std::string> out;
  out.reserve(keys.size());
  for (const auto& k : keys) out.push_back(FormatDate(k.day));
  return out;
}

std::vector<std::string> Nips(const std::vector<DayKey>& keys) {
  std::vector<std::string> out;
  out.reserve(keys.size());
  for (const auto& k : keys) out.push_back(k.nip);
  return out;
}

}  // namespace

// ---- rules -----------------------------------------------------------------------------------

RulesRow GetRules(db::Tx& tx, const std::string& tenant) {
  RulesRow rules;
  const pqxx::result result = tx.Exec(sql::kGetRules, tenant);
  if (result.empty()) return rules;
  const pqxx::row r = result[0];
  rules.time_zone = r["time_zone"].as<std::string>();
  rules.tiers.max_minutes[0] = r["tier1_max"].as<int>();
  rules.tiers.max_minutes[1] = r["tier2_max"].as<int>();
  rules.tiers.max_minutes[2] = r["tier3_max"].as<int>();
  rules.future_tolerance_minutes = r["future_tolerance_minutes"].as<int>();
  rules.window_margin_minutes = r["window_margin_minutes"].as<int>();
  rules.work_dates.first = db::Day(r["first_work_date"]);
  rules.work_dates.last = db::Day(r["last_work_date"]);
  return rules;
}

void PutRules(db::Tx& tx, const std::string& tenant, const RulesRow& rules) {
  tx.Exec(sql::kPutRules, tenant, rules.time_zone, rules.tiers.max_minutes[0],
          rules.tiers.max_minutes[1], rules.tiers.max_minutes[2], rules.future_tolerance_minutes,
          rules.window_margin_minutes, FormatDate(rules.work_dates.first),
          FormatDate(rules.work_dates.last));
}

// ---- devices and PINs ------------------------------------------------------------------------

absl::Status InsertDevice(db::Tx& tx, const DeviceRow& d) {
  const pqxx::result r = tx.Exec(sql::kInsertDevice, d.tenant, d.serial, d.time_zone,
                                 d.org_unit_code, FormatDate(d.in_service_date), d.description);
  if (r.empty()) {
    return absl::AlreadyExistsError(absl::StrCat("device ", d.serial, " is already registered"));
  }
  return absl::OkStatus();
}

absl::StatusOr<DeviceRow> GetDevice(db::Tx& tx, const std::string& tenant,
                                    const std::string& serial) {
  const pqxx::result r = tx.Exec(sql::kGetDevice, tenant, serial);
  if (r.empty()) return absl::NotFoundError(absl::StrCat("no device ", serial));
  return ToDevice(r[0]);
}

absl::StatusOr<DeviceRow> FindDeviceBySerial(db::Tx& tx, const std::string& serial) {
  const pqxx::result r = tx.Exec(sql::kFindDevice, serial);
  if (r.empty()) return absl::NotFoundError(absl::StrCat("no device ", serial));
  return ToDevice(r[0]);
}

void TouchDevice(db::Tx& tx, const std::string& tenant, const std::string& serial, absl::Time at) {
  tx.Exec(sql::kTouchDevice, tenant, serial, ToMicros(at));
}

std::vector<DeviceRow> ListDevices(db::Tx& tx, const std::string& tenant,
                                   const std::string& after_serial, int limit) {
  std::vector<DeviceRow> out;
  for (const auto& row : tx.Exec(sql::kListDevices, tenant, after_serial, limit)) {
    out.push_back(ToDevice(row));
  }
  return out;
}

void UpsertPinMapping(db::Tx& tx, const std::string& tenant, const PinMappingRow& m) {
  tx.Exec(sql::kUpsertPinMapping, tenant, m.device_serial, m.pin, m.nip);
}

namespace {
// Page keys of (device, PIN) listings: "<serial>\n<pin>" ("" before the first).
std::pair<std::string, std::string> SplitKey(const std::string& key) {
  const size_t nl = key.find('\n');
  if (nl == std::string::npos) return {"", ""};
  return {key.substr(0, nl), key.substr(nl + 1)};
}
}  // namespace

std::vector<PinMappingRow> ListPinMappings(db::Tx& tx, const std::string& tenant,
                                           const std::string& nip, const std::string& after_key,
                                           int limit) {
  const auto [serial, pin] = SplitKey(after_key);
  std::vector<PinMappingRow> out;
  // Before the first page, ('', '') sorts before every row but a tenant-wide mapping of PIN '':
  // PINs are never empty.
  for (const auto& row : tx.Exec(sql::kListPinMappings, tenant, nip, serial, pin, limit)) {
    out.push_back({row["device_serial"].as<std::string>(), row["pin"].as<std::string>(),
                   row["nip"].as<std::string>()});
  }
  return out;
}

std::vector<UnknownPinRow> ListUnknownPins(db::Tx& tx, const std::string& tenant,
                                           const std::string& after_key, int limit) {
  const auto [serial, pin] = SplitKey(after_key);
  std::vector<UnknownPinRow> out;
  for (const auto& row : tx.Exec(sql::kListUnknownPins, tenant, serial, pin, limit)) {
    out.push_back({row["device_serial"].as<std::string>(), row["pin"].as<std::string>(),
                   row["punch_count"].as<int64_t>(), Micros(row["first_us"]),
                   Micros(row["last_us"])});
  }
  return out;
}

// ---- punches ---------------------------------------------------------------------------------

const char* SourceName(Source source) {
  switch (source) {
    case Source::kGrpc:
      return "grpc";
    case Source::kAdms:
      return "adms";
    case Source::kImport:
      return "import";
  }
  return "grpc";
}

InsertResult InsertPunches(db::Tx& tx, const std::string& tenant, const std::string& serial,
                           const std::vector<PunchIn>& punches, Source source) {
  InsertResult result;
  if (punches.empty()) return result;
  std::vector<std::string> pins, micros;
  std::vector<std::optional<int>> statuses, verifies;
  for (const auto& p : punches) {
    pins.push_back(p.pin);
    micros.push_back(std::to_string(ToMicros(p.at)));
    statuses.push_back(p.status);
    verifies.push_back(p.verify);
  }
  const pqxx::result r =
      tx.Exec(sql::kInsertPunches, tenant, serial, ArrayLiteral(pins), ArrayLiteral(micros),
              ArrayLiteral(OptInts(statuses)), ArrayLiteral(OptInts(verifies)), SourceName(source));
  result.inserted.reserve(r.size());
  for (const auto& row : r) {
    result.inserted.push_back({row["nip"].as<std::string>(), Micros(row["punch_us"])});
  }
  result.duplicate = static_cast<int64_t>(punches.size() - r.size());
  return result;
}

int64_t InsertQuarantined(db::Tx& tx, const std::string& tenant, const std::string& serial,
                          const std::vector<PunchIn>& punches,
                          const std::vector<std::string>& reasons, Source source) {
  if (punches.empty()) return 0;
  std::vector<std::string> pins, micros;
  for (const auto& p : punches) {
    pins.push_back(p.pin);
    micros.push_back(std::to_string(ToMicros(p.at)));
  }
  return static_cast<int64_t>(tx.Exec(sql::kInsertQuarantined, tenant, serial, ArrayLiteral(pins),
                                      ArrayLiteral(micros), ArrayLiteral(reasons),
                                      SourceName(source))
                                  .size());
}

std::vector<absl::CivilDay> AssignUnknownPunches(db::Tx& tx, const std::string& tenant,
                                                 const std::string& device_serial,
                                                 const std::string& pin, const std::string& nip) {
  std::vector<absl::CivilDay> days;
  for (const auto& row : tx.Exec(sql::kAssignUnknownPunches, tenant, device_serial, pin, nip)) {
    days.push_back(Day(row["day"]));
  }
  return days;
}

// ---- the recompute's inputs ------------------------------------------------------------------

RecomputeInputs LoadRecomputeInputs(db::Tx& tx, const std::string& tenant,
                                    const std::vector<std::string>& nips, absl::CivilDay first,
                                    absl::CivilDay last) {
  RecomputeInputs in;
  in.rules = GetRules(tx, tenant);
  const std::string nip_array = ArrayLiteral(nips);
  const std::string from = FormatDate(first), to = FormatDate(last);

  in.templates = ListTemplates(tx, tenant);
  in.assignments = AllAssignments(tx, tenant);
  for (const auto& row : tx.Exec(sql::kLoadRoster, tenant, nip_array, from, to)) {
    in.roster.push_back({row["nip"].as<std::string>(), ToRosterEntry(row)});
  }
  in.holidays = ListHolidays(tx, tenant, first, last);
  for (const auto& row : tx.Exec(sql::kLoadApprovedAbsences, tenant, nip_array, from, to)) {
    in.absences.push_back(ToAbsence(row));
  }
  for (const auto& row : tx.Exec(sql::kLoadApprovedCorrections, tenant, nip_array, from, to)) {
    in.corrections.push_back(ToCorrection(row));
  }
  // Punches that any zone's shift window of these days can reach: two days either side.
  const absl::Time punches_from = StartOfDay(first - 2, absl::UTCTimeZone());
  const absl::Time punches_to = StartOfDay(last + 3, absl::UTCTimeZone());
  for (const auto& row : tx.Exec(sql::kLoadPunches, tenant, nip_array, ToMicros(punches_from),
                                 ToMicros(punches_to))) {
    in.punches.push_back({row["nip"].as<std::string>(), Micros(row["punch_us"]),
                          row["time_zone"].as<std::string>()});
  }
  return in;
}

void LockNipBuckets(db::Tx& tx, const std::vector<std::string>& buckets) {
  tx.Exec(sql::kLockNipBuckets, ArrayLiteral(buckets));
}

// ---- summaries and dirty days ----------------------------------------------------------------

void MarkDirty(db::Tx& tx, const std::string& tenant, const std::vector<DayKey>& keys) {
  if (keys.empty()) return;
  tx.Exec(sql::kMarkDirty, tenant, ArrayLiteral(Nips(keys)), ArrayLiteral(DayTexts(keys)));
}

void MarkDirtyRange(db::Tx& tx, const std::string& tenant, const std::vector<std::string>& nips,
                    absl::CivilDay first, absl::CivilDay last) {
  if (last < first) return;
  if (nips.empty()) {
    tx.Exec(sql::kMarkDirtyStored, tenant, FormatDate(first), FormatDate(last));
  } else {
    tx.Exec(sql::kMarkDirtyRange, tenant, ArrayLiteral(nips), FormatDate(first), FormatDate(last));
  }
}

MonthLockRow GetMonthLock(db::Tx& tx, const std::string& tenant, int year, int month) {
  return db::GetMonthLock(tx, sql::kMonthLockGet, tenant, year, month);
}

MonthLockRow SetMonthLock(db::Tx& tx, const std::string& tenant, int year, int month, bool locked,
                          const std::string& reference, const std::string& by) {
  return db::SetMonthLock(tx, sql::kMonthLockGet, sql::kMonthLockSet, tenant, year, month, locked,
                          reference, by);
}

std::vector<LockedMonth> LockedMonths(db::Tx& tx, const std::string& tenant, absl::CivilDay first,
                                      absl::CivilDay last) {
  std::vector<LockedMonth> out;
  for (const auto& r : tx.Exec(sql::kLockedMonths, tenant, FormatDate(first), FormatDate(last))) {
    out.push_back({absl::CivilMonth(Day(r["first_day"])), r["reference"].as<std::string>()});
  }
  return out;
}

std::vector<DayKey> FrozenKeys(db::Tx& tx, const std::string& tenant,
                               const std::vector<std::string>& nips, absl::CivilDay first,
                               absl::CivilDay last) {
  std::vector<DayKey> out;
  for (const auto& r :
       tx.Exec(sql::kFrozenKeys, tenant, ArrayLiteral(nips), FormatDate(first), FormatDate(last))) {
    out.push_back({r["nip"].as<std::string>(), Day(r["day"])});
  }
  return out;
}

std::vector<DayKey> StaleKeys(db::Tx& tx, const std::string& tenant,
                              const std::vector<std::string>& nips, absl::CivilDay first,
                              absl::CivilDay last) {
  std::vector<DayKey> out;
  if (nips.empty() || last < first) return out;
  for (const auto& row :
       tx.Exec(sql::kStaleKeys, tenant, ArrayLiteral(nips), FormatDate(first), FormatDate(last))) {
    out.push_back({row["nip"].as<std::string>(), Day(row["day"])});
  }
  return out;
}

void UpsertSummaries(db::Tx& tx, const std::string& tenant, const std::vector<SummaryRow>& rows) {
  if (rows.empty()) return;
  const size_t n = rows.size();
  std::vector<std::string> nips, days, statuses;
  std::vector<std::optional<std::string>> s_start(n), s_end(n), in_us(n), in_local(n), out_us(n),
      out_local(n), absence_id(n), absence_kind(n), correction_id(n);
  std::vector<std::string> late, early, tl, psw, checked_in;
  std::vector<DayKey> keys;
  for (size_t i = 0; i < n; ++i) {
    const SummaryRow& r = rows[i];
    const DaySummary& s = r.summary;
    nips.push_back(r.nip);
    days.push_back(FormatDate(r.day));
    statuses.emplace_back(DayStatusName(s.status));
    if (r.scheduled) {
      s_start[i] = std::to_string(r.scheduled->start_minute);
      s_end[i] = std::to_string(r.scheduled->end_minute);
    }
    if (s.first_in) {
      in_us[i] = std::to_string(ToMicros(s.first_in->at));
      in_local[i] = LocalText(s.first_in->local);
    }
    if (s.last_out) {
      out_us[i] = std::to_string(ToMicros(s.last_out->at));
      out_local[i] = LocalText(s.last_out->local);
    }
    late.push_back(std::to_string(s.minutes_late));
    early.push_back(std::to_string(s.minutes_early));
    tl.push_back(std::to_string(s.tl_tier));
    psw.push_back(std::to_string(s.psw_tier));
    if (r.absence_id != 0) absence_id[i] = std::to_string(r.absence_id);
    if (!r.absence_kind.empty()) absence_kind[i] = r.absence_kind;
    if (r.correction_id != 0) correction_id[i] = std::to_string(r.correction_id);
    checked_in.push_back(r.checked_in ? "true" : "false");
    keys.push_back({r.nip, r.day});
  }
  tx.Exec(sql::kUpsertSummaries, tenant, ArrayLiteral(nips), ArrayLiteral(days),
          ArrayLiteral(statuses), ArrayLiteral(s_start), ArrayLiteral(s_end), ArrayLiteral(in_us),
          ArrayLiteral(in_local), ArrayLiteral(out_us), ArrayLiteral(out_local), ArrayLiteral(late),
          ArrayLiteral(early), ArrayLiteral(tl), ArrayLiteral(psw), ArrayLiteral(absence_id),
          ArrayLiteral(absence_kind), ArrayLiteral(correction_id), ArrayLiteral(checked_in));
  tx.Exec(sql::kClearDirty, tenant, ArrayLiteral(nips), ArrayLiteral(days));
}

std::vector<SummaryRow> ReadSummaries(db::Tx& tx, const std::string& tenant,
                                      const std::vector<std::string>& nips, absl::CivilDay first,
                                      absl::CivilDay last) {
  std::vector<SummaryRow> out;
  if (nips.empty() || last < first) return out;
  for (const auto& row : tx.Exec(sql::kReadSummaries, tenant, ArrayLiteral(nips), FormatDate(first),
                                 FormatDate(last))) {
    SummaryRow r;
    r.nip = row["nip"].as<std::string>();
    r.day = Day(row["day"]);
    r.summary.status =
        DayStatusFromName(row["status"].as<std::string>()).value_or(DayStatus::kTanpaKeterangan);
    if (!row["scheduled_start"].is_null()) {
      r.scheduled = WorkHours{row["scheduled_start"].as<int>(), row["scheduled_end"].as<int>(0)};
    }
    if (auto local = ParseLocal(row["first_in_local"].as<std::string>())) {
      r.summary.first_in = LocalPunch{Micros(row["first_in_us"]), *local};
    }
    if (auto local = ParseLocal(row["last_out_local"].as<std::string>())) {
      r.summary.last_out = LocalPunch{Micros(row["last_out_us"]), *local};
    }
    r.summary.minutes_late = row["minutes_late"].as<int>();
    r.summary.minutes_early = row["minutes_early"].as<int>();
    r.summary.tl_tier = row["tl_tier"].as<int>();
    r.summary.psw_tier = row["psw_tier"].as<int>();
    r.absence_id = row["absence_id"].as<int64_t>();
    r.absence_kind = row["absence_kind"].as<std::string>();
    r.correction_id = row["correction_id"].as<int64_t>();
    r.checked_in = row["checked_in"].as<bool>();
    r.compute_time = Micros(row["compute_us"]);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ekinerja::attendance::store
