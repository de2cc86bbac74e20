#include "store/warning_store.h"

#include <tuple>

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "db_fields.h"
#include "warning_sql.h"

namespace ekinerja::warning::store {
namespace {

WarningRow ToWarning(const pqxx::row& r) {
  WarningRow w;
  w.id = r["id"].as<int64_t>();
  w.rule = r["rule"].as<std::string>();
  w.audience = r["audience"].as<std::string>();
  w.recipient_nip = r["recipient_nip"].as<std::string>();
  w.subject_nip = r["subject_nip"].as<std::string>();
  w.subject_name = r["subject_name"].as<std::string>();
  w.supervisor_nip = r["supervisor_nip"].as<std::string>();
  w.org_unit_code = r["org_unit_code"].as<std::string>();
  w.opd_code = r["opd_code"].as<std::string>();
  w.day = db::Day(r["day_text"]);
  w.title = r["title"].as<std::string>();
  w.message = r["message"].as<std::string>();
  w.action = r["action"].as<std::string>();
  w.at_stake = r["at_stake"].as<std::string>();
  w.create_time = db::Micros(r["create_micros"]);
  w.acknowledge_time = db::OptMicros(r["acknowledge_micros"]);
  return w;
}

std::vector<WarningRow> ToWarnings(const pqxx::result& rows) {
  std::vector<WarningRow> out;
  out.reserve(rows.size());
  for (const pqxx::row& r : rows) out.push_back(ToWarning(r));
  return out;
}

SweepRow ToSweep(const pqxx::row& r) {
  SweepRow s;
  s.id = r["id"].as<int64_t>();
  s.day = db::Day(r["day"]);
  s.kind = r["kind"].as<std::string>();
  s.state = r["state"].as<std::string>();
  s.started_by = r["started_by"].as<std::string>();
  s.rules_version = r["rules_version"].as<int>();
  s.employees = r["employees"].as<int64_t>();
  s.warnings_created = r["warnings_created"].as<int64_t>();
  s.start_time = db::Micros(r["start_time"]);
  s.end_time = db::Micros(r["end_time"]);
  s.error = r["error"].as<std::string>();
  s.kotak_month = r["kotak_month"].as<std::string>();
  return s;
}

}  // namespace

std::vector<WarningRow> InboxPage(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                  bool unacknowledged_only, InboxCursor after, int limit) {
  return ToWarnings(tx.Exec(sql::kInboxPage, tenant, nip, unacknowledged_only, after.acknowledged,
                            after.id, limit));
}

int64_t CountUnacknowledged(db::Tx& tx, const std::string& tenant, const std::string& nip) {
  return tx.Exec(sql::kInboxCount, tenant, nip)[0]["unacknowledged"].as<int64_t>();
}

std::optional<WarningRow> GetWarning(db::Tx& tx, const std::string& tenant, int64_t id) {
  const pqxx::result r = tx.Exec(sql::kWarningGet, tenant, id);
  if (r.empty()) return std::nullopt;
  return ToWarning(r[0]);
}

bool AcknowledgeWarning(db::Tx& tx, const std::string& tenant, int64_t id) {
  return !tx.Exec(sql::kWarningAcknowledge, tenant, id).empty();
}

int64_t AcknowledgeAll(db::Tx& tx, const std::string& tenant, const std::string& nip) {
  return tx.Exec(sql::kInboxAcknowledgeAll, tenant, nip)[0]["acknowledged"].as<int64_t>();
}

std::vector<WarningRow> SubordinatePage(db::Tx& tx, const std::string& tenant,
                                        const std::string& supervisor, absl::CivilDay first,
                                        absl::CivilDay last, int64_t after_id, int limit) {
  return ToWarnings(tx.Exec(sql::kSubordinatePage, tenant, supervisor, FormatDate(first),
                            FormatDate(last), after_id, limit));
}

std::vector<WarningRow> TenantPage(db::Tx& tx, const std::string& tenant, const std::string& opd,
                                   absl::CivilDay first, absl::CivilDay last,
                                   const std::string& rule, int64_t after_id, int limit) {
  return ToWarnings(tx.Exec(sql::kTenantPage, tenant, opd, FormatDate(first), FormatDate(last),
                            rule, after_id, limit));
}

std::vector<Tally> TenantTally(db::Tx& tx, const std::string& tenant, absl::CivilDay first,
                               absl::CivilDay last) {
  std::vector<Tally> out;
  for (const pqxx::row& r :
       tx.Exec(sql::kTenantTally, tenant, FormatDate(first), FormatDate(last))) {
    out.push_back({r["opd_code"].as<std::string>(), r["rule"].as<std::string>(),
                   r["warnings"].as<int64_t>(), r["unacknowledged"].as<int64_t>()});
  }
  return out;
}

std::vector<WarningRow> InboxAfter(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                   int64_t after_id, int limit) {
  return ToWarnings(tx.Exec(sql::kInboxAfter, tenant, nip, after_id, limit));
}

int64_t InboxLastId(db::Tx& tx, const std::string& tenant, const std::string& nip) {
  return tx.Exec(sql::kInboxLastId, tenant, nip)[0]["last_id"].as<int64_t>();
}

int64_t InsertSweep(db::Tx& tx, const std::string& tenant, const SweepRow& row) {
  return tx
      .Exec(sql::kSweepInsert, tenant, FormatDate(row.day), row.kind, row.state, row.started_by,
            row.rules_version, row.employees, row.warnings_created, db::ToMicros(row.start_time),
            row.error, row.kotak_month)[0]["id"]
      .as<int64_t>();
}

void UpdateSweepCounts(db::Tx& tx, const std::string& tenant, int64_t id, int64_t employees,
                       int64_t warnings_created) {
  tx.Exec(sql::kSweepUpdate, tenant, id, employees, warnings_created);
}

std::vector<SweepRow> ListSweeps(db::Tx& tx, const std::string& tenant, int64_t before_id,
                                 int limit) {
  std::vector<SweepRow> out;
  for (const pqxx::row& r : tx.Exec(sql::kSweepsList, tenant, before_id, limit)) {
    out.push_back(ToSweep(r));
  }
  return out;
}

std::vector<absl::CivilDay> SweptDays(db::Tx& tx, const std::string& tenant,
                                      const std::string& kind, absl::CivilDay first,
                                      absl::CivilDay last) {
  std::vector<absl::CivilDay> out;
  for (const pqxx::row& r :
       tx.Exec(sql::kSweepDaysDone, tenant, kind, FormatDate(first), FormatDate(last))) {
    out.push_back(db::Day(r["day"]));
  }
  return out;
}

bool KotakMonthSwept(db::Tx& tx, const std::string& tenant, const std::string& month) {
  return tx.Exec(sql::kKotakMonthSwept, tenant, month)[0]["swept"].as<bool>();
}

std::vector<std::string> ScheduledTenants(db::Tx& tx) {
  std::vector<std::string> out;
  for (const pqxx::row& r : tx.Exec(sql::kScheduledTenants)) {
    out.push_back(r["tenant_id"].as<std::string>());
  }
  return out;
}

bool TrySweepLock(db::Tx& tx, const std::string& tenant) {
  return tx.Exec(sql::kSweepLock, tenant)[0]["locked"].as<bool>();
}

std::vector<StreakRow> StreaksOf(db::Tx& tx, const std::string& tenant) {
  std::vector<StreakRow> out;
  for (const pqxx::row& r : tx.Exec(sql::kStreaksOfTenant, tenant)) {
    out.push_back({r["kind"].as<std::string>(), r["nip"].as<std::string>(), db::Day(r["last_day"]),
                   r["count"].as<int>()});
  }
  return out;
}

MergeResult MergeSweep(db::Tx& tx, const std::string& tenant, int64_t sweep_id,
                       const std::vector<WarningRow>& warnings,
                       const std::vector<StreakRow>& streaks) {
  {
    pqxx::stream_to out(
        tx.raw(), "staged_warnings",
        std::vector<std::string>{"tenant_id", "sweep_id", "rule", "audience", "recipient_nip",
                                 "subject_nip", "subject_name", "supervisor_nip", "org_unit_code",
                                 "opd_code", "day", "title", "message", "action", "at_stake"});
    for (const WarningRow& w : warnings) {
      out << std::make_tuple(tenant, sweep_id, w.rule, w.audience, w.recipient_nip, w.subject_nip,
                             w.subject_name, w.supervisor_nip, w.org_unit_code, w.opd_code,
                             FormatDate(w.day), w.title, w.message, w.action, w.at_stake);
    }
    out.complete();
  }
  {
    pqxx::stream_to out(
        tx.raw(), "staged_streaks",
        std::vector<std::string>{"tenant_id", "sweep_id", "kind", "nip", "last_day", "count"});
    for (const StreakRow& s : streaks) {
      out << std::make_tuple(tenant, sweep_id, s.kind, s.nip, FormatDate(s.last_day), s.count);
    }
    out.complete();
  }
  MergeResult out;
  for (const pqxx::row& r : tx.Exec(sql::kSweepWarningsInsert, tenant, sweep_id)) {
    const int64_t created = r["created"].as<int64_t>();
    out.created += created;
    out.created_by_rule[r["rule"].as<std::string>()] = created;
    out.queued = r["queued"].as<int64_t>();
  }
  tx.Exec(sql::kSweepStreaksApply, tenant, sweep_id);
  tx.Exec(sql::kStagedDelete, tenant, sweep_id);
  return out;
}

}  // namespace ekinerja::warning::store
