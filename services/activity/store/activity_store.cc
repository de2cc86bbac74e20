#include "store/activity_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "activity_sql.h"
#include "civil.h"
#include "db_fields.h"

namespace ekinerja::activity::store {
namespace {

std::vector<int> SplitInts(const pqxx::field& f) {
  std::vector<int> out;
  for (absl::string_view part : absl::StrSplit(f.as<std::string>(), ',', absl::SkipEmpty())) {
    int v = 0;
    if (absl::SimpleAtoi(part, &v)) out.push_back(v);
  }
  return out;
}

StoredRules ToRules(const pqxx::row& r) {
  StoredRules out;
  ActivityRules& rules = out.rules;
  rules.effective_from = db::Day(r["effective_from"]);
  rules.version = r["version"].as<int>();
  rules.deadline.days_after = r["deadline_days_after"].as<int>();
  rules.deadline.minute_of_day = r["deadline_minute_of_day"].as<int>();
  rules.target_minutes = r["target_minutes"].as<int64_t>();
  rules.unknown_presence_minutes = r["unknown_presence_minutes"].as<int>();
  rules.effective_minutes_per_workday = r["effective_minutes_per_workday"].as<int>();
  rules.cap_norm_by_span = r["cap_norm_by_span"].as<bool>();
  const std::vector<int> bands = SplitInts(r["ej_bands_bp"]);
  if (bands.size() == 4) rules.ej_bands = {bands[0], bands[1], bands[2], bands[3]};
  const std::vector<int> percents = SplitInts(r["maturity_percents"]);
  if (percents.size() == 3) rules.maturity = {percents[0], percents[1], percents[2]};
  out.create_time = db::Micros(r["create_time"]);
  return out;
}

EntryRow ToEntry(const pqxx::row& r) {
  EntryRow e;
  e.id = r["id"].as<int64_t>();
  e.nip = r["nip"].as<std::string>();
  e.work_date = db::Day(r["work_date"]);
  e.start_minute = r["start_minute"].as<int>();
  e.end_minute = r["end_minute"].as<int>();
  e.description = r["description"].as<std::string>();
  e.rhk_id = r["rhk_id"].as<int64_t>();
  e.skp_id = r["skp_id"].as<int64_t>();
  e.tugas_tambahan_ref = r["tugas_tambahan_ref"].as<std::string>();
  e.catalogue_code = r["catalogue_code"].as<std::string>();
  e.norm_minutes_per_unit = r["norm_minutes_per_unit"].as<int>();
  e.output_quantity = r["output_quantity"].as<int64_t>();
  e.output_unit = r["output_unit"].as<std::string>();
  e.evidence_link = r["evidence_link"].as<std::string>();
  e.earned_minutes = r["earned_minutes"].as<int64_t>();
  e.status = r["status"].as<std::string>();
  e.verifier_nip = r["verifier_nip"].as<std::string>();
  e.decided_by_nip = r["decided_by_nip"].as<std::string>();
  e.decision_reason = r["decision_reason"].as<std::string>();
  e.create_time = db::Micros(r["create_time"]);
  e.update_time = db::Micros(r["update_time"]);
  e.submit_time = db::OptMicros(r["submit_time"]);
  e.decide_time = db::OptMicros(r["decide_time"]);
  if (!r["file_name"].as<std::string>().empty()) {
    FileRow f;
    f.file_name = r["file_name"].as<std::string>();
    f.content_type = r["content_type"].as<std::string>();
    f.size_bytes = r["size_bytes"].as<int64_t>();
    f.sha256 = r["sha256"].as<std::string>();
    e.file = std::move(f);
  }
  return e;
}

}  // namespace

RulesAndEarlier RulesAndRequestKey(db::Tx& tx, const std::string& tenant, absl::CivilDay day,
                                   const std::string& caller, const std::string& rpc,
                                   const std::string& request_id) {
  const pqxx::row r =
      tx.Exec(sql::kRulesInForce, tenant, FormatDate(day), caller, rpc, request_id)[0];
  RulesAndEarlier out;
  out.rules = r["version"].is_null() ? StoredRules{NationalDefaults(), std::nullopt} : ToRules(r);
  if (!r["earlier"].is_null()) out.earlier = r["earlier"].as<int64_t>();
  return out;
}

StoredRules RulesInForce(db::Tx& tx, const std::string& tenant, absl::CivilDay day) {
  return RulesAndRequestKey(tx, tenant, day, "", "", "").rules;
}

std::vector<StoredRules> ListRules(db::Tx& tx, const std::string& tenant) {
  std::vector<StoredRules> out;
  for (const auto& r : tx.Exec(sql::kRulesList, tenant)) out.push_back(ToRules(r));
  return out;
}

absl::StatusOr<StoredRules> InsertRules(db::Tx& tx, const std::string& tenant,
                                        const ActivityRules& rules, const std::string& created_by) {
  tx.Exec(sql::kRulesLock, tenant);
  for (const StoredRules& existing : ListRules(tx, tenant)) {
    if (existing.rules.effective_from == rules.effective_from) {
      return absl::AlreadyExistsError(
          absl::StrCat("a rule set is already in force from ", FormatDate(rules.effective_from)));
    }
  }
  const EjBands& b = rules.ej_bands;
  const MaturityThresholds& m = rules.maturity;
  auto r = tx.Exec(
      sql::kRulesInsert, tenant, FormatDate(rules.effective_from), rules.deadline.days_after,
      rules.deadline.minute_of_day, rules.target_minutes, rules.unknown_presence_minutes,
      rules.effective_minutes_per_workday, rules.cap_norm_by_span,
      absl::StrCat("{", b.a_above_bp, ",", b.b_from_bp, ",", b.c_from_bp, ",", b.d_from_bp, "}"),
      absl::StrCat("{", m.entry_days_percent, ",", m.rhk_minutes_percent, ",",
                   m.catalogue_minutes_percent, "}"),
      created_by);
  StoredRules out{rules, db::Micros(r[0]["create_time"])};
  out.rules.version = r[0]["version"].as<int>();
  return out;
}

void LockEmployee(db::Tx& tx, const std::string& tenant, const std::string& nip) {
  tx.Exec(sql::kEntryLockEmployee, tenant, nip);
}

bool InsertEntry(db::Tx& tx, const std::string& tenant, EntryRow* row, const std::string& caller,
                 const std::string& rpc, const std::string& request_id) {
  const EntryRow& e = *row;
  const pqxx::row r =
      tx.Exec(sql::kEntryInsert, tenant, e.nip, FormatDate(e.work_date), e.start_minute,
              e.end_minute, e.description, e.rhk_id, e.skp_id, e.tugas_tambahan_ref,
              e.catalogue_code, e.norm_minutes_per_unit, e.output_quantity, e.output_unit,
              e.evidence_link, e.earned_minutes, e.status, caller, rpc, request_id)[0];
  row->id = r["id"].as<int64_t>();
  row->create_time = db::Micros(r["create_time"]);
  row->update_time = db::Micros(r["update_time"]);
  return r["key_recorded"].as<bool>();
}

void UpdateEntry(db::Tx& tx, const std::string& tenant, const EntryRow& e) {
  tx.Exec(sql::kEntryUpdate, tenant, e.id, FormatDate(e.work_date), e.start_minute, e.end_minute,
          e.description, e.rhk_id, e.skp_id, e.tugas_tambahan_ref, e.catalogue_code,
          e.norm_minutes_per_unit, e.output_quantity, e.output_unit, e.evidence_link,
          e.earned_minutes);
}

std::vector<EntryRow> GetEntries(db::Tx& tx, const std::string& tenant,
                                 const std::vector<int64_t>& ids) {
  std::vector<EntryRow> out;
  for (const auto& r :
       tx.Exec(sql::kEntryGet, tenant, absl::StrCat("{", absl::StrJoin(ids, ","), "}"))) {
    out.push_back(ToEntry(r));
  }
  return out;
}

absl::StatusOr<EntryRow> GetEntry(db::Tx& tx, const std::string& tenant, int64_t id) {
  std::vector<EntryRow> rows = GetEntries(tx, tenant, {id});
  if (rows.empty()) return absl::NotFoundError(absl::StrCat("entry ", id, " not found"));
  return std::move(rows.front());
}

std::vector<EntryRow> EntriesOf(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                absl::CivilDay first, absl::CivilDay last,
                                const std::string& status) {
  std::vector<EntryRow> out;
  for (const auto& r :
       tx.Exec(sql::kEntryList, tenant, nip, FormatDate(first), FormatDate(last), status)) {
    out.push_back(ToEntry(r));
  }
  return out;
}

DayGateFacts DayGates(db::Tx& tx, const std::string& tenant, const std::string& nip,
                      absl::CivilDay day, int64_t except_id) {
  DayGateFacts out;
  out.lock.year = day.year();
  out.lock.month = day.month();
  for (const auto& r : tx.Exec(sql::kEntryDayGates, tenant, nip, FormatDate(day), day.year(),
                               day.month(), except_id)) {
    out.lock.locked = r["locked"].as<bool>();
    out.lock.reference = r["reference"].as<std::string>();
    const std::string status = r["status"].as<std::string>();
    const std::vector<int> starts = SplitInts(r["starts"]);
    const std::vector<int> ends = SplitInts(r["ends"]);
    for (size_t i = 0; i < starts.size() && i < ends.size(); ++i) {
      out.spans.push_back({starts[i], ends[i], status});
    }
  }
  return out;
}

void SubmitEntry(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& verifier_nip,
                 absl::Time now) {
  tx.Exec(sql::kEntrySubmit, tenant, id, verifier_nip, db::ToMicros(now));
}

void SetStatus(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& status) {
  tx.Exec(sql::kEntrySetStatus, tenant, id, status);
}

void PutFile(db::Tx& tx, const std::string& tenant, int64_t entry_id, const FileRow& f) {
  tx.Exec(sql::kFilePut, tenant, entry_id, f.file_name, f.content_type, f.size_bytes, f.sha256,
          pqxx::binarystring(f.content));
}

void DeleteFile(db::Tx& tx, const std::string& tenant, int64_t entry_id) {
  tx.Exec(sql::kFileDelete, tenant, entry_id);
}

std::optional<FileRow> GetFile(db::Tx& tx, const std::string& tenant, int64_t entry_id) {
  auto r = tx.Exec(sql::kFileGet, tenant, entry_id);
  if (r.empty()) return std::nullopt;
  FileRow f;
  f.file_name = r[0]["file_name"].as<std::string>();
  f.content_type = r[0]["content_type"].as<std::string>();
  f.size_bytes = r[0]["size_bytes"].as<int64_t>();
  f.sha256 = r[0]["sha256"].as<std::string>();
  f.content = pqxx::binarystring(r[0]["content"]).str();
  return f;
}

MonthLockRow GetMonthLock(db::Tx& tx, const std::string& tenant, int year, int month) {
  return db::GetMonthLock(tx, sql::kMonthLockGet, tenant, year, month);
}

MonthLockRow SetMonthLock(db::Tx& tx, const std::string& tenant, int year, int month, bool locked,
                          const std::string& reference, const std::string& by) {
  return db::SetMonthLock(tx, sql::kMonthLockGet, sql::kMonthLockSet, tenant, year, month, locked,
                          reference, by);
}

std::map<std::string, std::vector<EntryFacts>> MonthEntryFacts(db::Tx& tx,
                                                               const std::string& tenant,
                                                               const std::vector<std::string>& nips,
                                                               absl::CivilDay first,
                                                               absl::CivilDay last) {
  std::map<std::string, std::vector<EntryFacts>> out;
  for (const auto& r :
       tx.Exec(sql::kEntryMonthFacts, tenant, absl::StrCat("{", absl::StrJoin(nips, ","), "}"),
               FormatDate(first), FormatDate(last))) {
    const std::optional<EntryStatus> status = ParseStatus(r["status"].as<std::string>());
    if (!status) continue;
    out[r["nip"].as<std::string>()].push_back(
        {db::Day(r["work_date"]), *status, r["earned_minutes"].as<int64_t>()});
  }
  return out;
}

std::vector<DayFilingRow> DayFilingsPage(db::Tx& tx, const std::string& tenant,
                                         absl::CivilDay first, absl::CivilDay last,
                                         const std::string& after_nip, absl::CivilDay after_date,
                                         int limit) {
  std::vector<DayFilingRow> out;
  for (const auto& r : tx.Exec(sql::kDayFilingsPage, tenant, FormatDate(first), FormatDate(last),
                               after_nip, FormatDate(after_date), limit)) {
    out.push_back({r["nip"].as<std::string>(), db::Day(r["work_date"]), r["entries"].as<int>(),
                   r["submitted"].as<int>()});
  }
  return out;
}

}  // namespace ekinerja::activity::store
