#include "store/skp_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "civil.h"
#include "db_fields.h"
#include "skp_sql.h"

namespace ekinerja::skp::store {
namespace {

// Lists travel as text joined by a separator that no stored text contains (control characters are
// refused on input, text.h): array_to_string(x, chr(31)) in, db::ArrayLiteral out.
constexpr char kUnitSeparator = '\x1f';

std::vector<std::string> SplitList(const pqxx::field& f) {
  const std::string s = f.as<std::string>();
  if (s.empty()) return {};
  return absl::StrSplit(s, kUnitSeparator);
}

std::vector<int64_t> SplitInts(const pqxx::field& f) {
  std::vector<int64_t> out;
  for (absl::string_view part : absl::StrSplit(f.as<std::string>(), ',', absl::SkipEmpty())) {
    int64_t v = 0;
    if (absl::SimpleAtoi(part, &v)) out.push_back(v);
  }
  return out;
}

RulesRow ToRules(const pqxx::row& r) {
  RulesRow out;
  out.effective_from = db::Day(r["effective_from"]);
  out.version = r["version"].as<int>();
  out.model = r["model"].as<std::string>();
  out.skp_weight = r["skp_weight"].as<int>();
  out.perilaku_weight = r["perilaku_weight"].as<int>();
  out.period_kind = r["period_kind"].as<std::string>();
  out.submission_gate = r["submission_gate"].as<bool>();
  out.sanctions_include_kurang = r["sanctions_include_kurang"].as<bool>();
  out.feedback_weights.clear();
  for (int64_t w : SplitInts(r["feedback_weights"])) out.feedback_weights.push_back(int(w));
  out.create_time = db::Micros(r["create_time"]);
  return out;
}

SkpRow ToSkp(const pqxx::row& r) {
  SkpRow out;
  out.id = r["id"].as<int64_t>();
  out.nip = r["nip"].as<std::string>();
  out.year = r["year"].as<int>();
  out.start = db::Day(r["start_date"]);
  out.end = db::Day(r["end_date"]);
  out.position_code = r["position_code"].as<std::string>();
  out.org_unit_code = r["org_unit_code"].as<std::string>();
  out.model = r["model"].as<std::string>();
  out.latest_revision = r["latest_revision"].as<int>();
  out.approved_revision = r["approved_revision"].as<int>();
  out.create_time = db::Micros(r["create_time"]);
  return out;
}

RevisionRow ToRevision(const pqxx::row& r) {
  RevisionRow out;
  out.revision = r["revision"].as<int>();
  out.status = r["status"].as<std::string>();
  out.pending_approver = r["pending_approver"].as<std::string>();
  out.decided_by = r["decided_by"].as<std::string>();
  out.rejection_reason = r["rejection_reason"].as<std::string>();
  out.employee = SplitList(r["employee_snapshot"]);
  out.penilai = SplitList(r["penilai_snapshot"]);
  out.perilaku_expectations = SplitList(r["perilaku_expectations"]);
  out.create_time = db::Micros(r["create_time"]);
  out.update_time = db::Micros(r["update_time"]);
  out.submit_time = db::OptMicros(r["submit_time"]);
  out.decide_time = db::OptMicros(r["decide_time"]);
  return out;
}

std::vector<SkpRow> ToSkps(const pqxx::result& rows) {
  std::vector<SkpRow> out;
  for (const auto& r : rows) out.push_back(ToSkp(r));
  return out;
}

std::string IntArray(const std::vector<int>& v) {
  return absl::StrCat("{", absl::StrJoin(v, ","), "}");
}

}  // namespace

std::string IntArray(const std::vector<int64_t>& v) {
  return absl::StrCat("{", absl::StrJoin(v, ","), "}");
}

// ---- rules ---------------------------------------------------------------------------------

RulesRow RulesInForce(db::Tx& tx, const std::string& tenant, absl::CivilDay day) {
  auto r = tx.Exec(sql::kRulesInForce, tenant, FormatDate(day));
  if (r.empty()) return RulesRow{};
  return ToRules(r[0]);
}

std::vector<RulesRow> ListRules(db::Tx& tx, const std::string& tenant) {
  std::vector<RulesRow> out;
  for (const auto& r : tx.Exec(sql::kRulesList, tenant)) out.push_back(ToRules(r));
  return out;
}

absl::StatusOr<RulesRow> InsertRules(db::Tx& tx, const std::string& tenant, RulesRow rules,
                                     const std::string& created_by) {
  tx.Exec(sql::kRulesLock, tenant);
  for (const RulesRow& existing : ListRules(tx, tenant)) {
    if (existing.effective_from == rules.effective_from) {
      return absl::AlreadyExistsError(
          absl::StrCat("a rule set is already in force from ", FormatDate(rules.effective_from)));
    }
  }
  auto r =
      tx.Exec(sql::kRulesInsert, tenant, FormatDate(rules.effective_from), rules.model,
              rules.skp_weight, rules.perilaku_weight, rules.period_kind, rules.submission_gate,
              rules.sanctions_include_kurang, IntArray(rules.feedback_weights), created_by);
  rules.version = r[0]["version"].as<int>();
  rules.create_time = db::Micros(r[0]["create_time"]);
  return rules;
}

// ---- SKPs and revisions ---------------------------------------------------------------------

void LockEmployee(db::Tx& tx, const std::string& tenant, const std::string& nip) {
  tx.Exec(sql::kSkpLockEmployee, tenant, nip);
}

std::optional<int64_t> Overlapping(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                   absl::CivilDay start, absl::CivilDay end) {
  auto r = tx.Exec(sql::kSkpOverlapping, tenant, nip, FormatDate(start), FormatDate(end));
  if (r.empty()) return std::nullopt;
  return r[0]["id"].as<int64_t>();
}

int64_t InsertSkp(db::Tx& tx, const std::string& tenant, const SkpRow& skp) {
  const int64_t id =
      tx.Exec(sql::kSkpInsert, tenant, skp.nip, skp.year, FormatDate(skp.start),
              FormatDate(skp.end), skp.position_code, skp.org_unit_code, skp.model)[0]["id"]
          .as<int64_t>();
  InsertRevision(tx, tenant, id, 1);
  return id;
}

absl::StatusOr<SkpRow> GetSkp(db::Tx& tx, const std::string& tenant, int64_t id, bool for_update) {
  auto r = tx.Exec(for_update ? sql::kSkpGetForUpdate : sql::kSkpGet, tenant, id);
  if (r.empty()) return absl::NotFoundError(absl::StrCat("SKP ", id, " not found"));
  return ToSkp(r[0]);
}

std::vector<SkpRow> ListSkps(db::Tx& tx, const std::string& tenant, const std::string& nip,
                             int year) {
  return ToSkps(tx.Exec(sql::kSkpListByNip, tenant, nip, year));
}

void SetRevisions(db::Tx& tx, const std::string& tenant, int64_t id, int latest, int approved) {
  tx.Exec(sql::kSkpSetRevisions, tenant, id, latest, approved);
}

bool HasApprovedSkp(db::Tx& tx, const std::string& tenant, const std::string& nip, int year) {
  return !tx.Exec(sql::kSkpApprovedInYear, tenant, nip, year).empty();
}

std::vector<SkpRow> SkpsInForceOn(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                  absl::CivilDay day) {
  return ToSkps(tx.Exec(sql::kSkpInForceOn, tenant, nip, FormatDate(day)));
}

void InsertRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision) {
  tx.Exec(sql::kRevInsert, tenant, skp, revision);
}

absl::StatusOr<RevisionRow> GetRevision(db::Tx& tx, const std::string& tenant, int64_t skp,
                                        int revision) {
  auto r = tx.Exec(sql::kRevGet, tenant, skp, revision);
  if (r.empty()) {
    return absl::NotFoundError(absl::StrCat("SKP ", skp, " has no revision ", revision));
  }
  return ToRevision(r[0]);
}

std::vector<RevisionRow> ListRevisions(db::Tx& tx, const std::string& tenant, int64_t skp) {
  std::vector<RevisionRow> out;
  for (const auto& r : tx.Exec(sql::kRevList, tenant, skp)) out.push_back(ToRevision(r));
  return out;
}

void SubmitRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                    const std::string& approver) {
  tx.Exec(sql::kRevSubmit, tenant, skp, revision, approver);
}

void WithdrawRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision) {
  tx.Exec(sql::kRevWithdraw, tenant, skp, revision);
}

void ApproveRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                     const std::string& by, const Snapshot& employee, const Snapshot& penilai,
                     const std::vector<std::string>& perilaku_expectations) {
  tx.Exec(sql::kRevApprove, tenant, skp, revision, by, db::ArrayLiteral(employee),
          db::ArrayLiteral(penilai), db::ArrayLiteral(perilaku_expectations));
}

void RejectRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                    const std::string& by, const std::string& reason) {
  tx.Exec(sql::kRevReject, tenant, skp, revision, by, reason);
}

void TouchRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision) {
  tx.Exec(sql::kRevTouch, tenant, skp, revision);
}

std::vector<PendingRow> ListPending(db::Tx& tx, const std::string& tenant,
                                    const std::string& approver, absl::Time after_time,
                                    int64_t after_id, int limit) {
  std::vector<PendingRow> out;
  for (const auto& r :
       tx.Exec(sql::kRevPending, tenant, approver, db::ToMicros(after_time), after_id, limit)) {
    out.push_back({ToSkp(r), db::Micros(r["submit_time"])});
  }
  return out;
}

// ---- plans ------------------------------------------------------------------------------

std::vector<int64_t> NextPlanIds(db::Tx& tx, int n) {
  std::vector<int64_t> out;
  if (n <= 0) return out;
  for (const auto& r : tx.Exec(sql::kPlanNextIds, n)) out.push_back(r["id"].as<int64_t>());
  return out;
}

KnownIds PlanIds(db::Tx& tx, const std::string& tenant, int64_t skp) {
  KnownIds out;
  for (const auto& r : tx.Exec(sql::kPlanKnownIds, tenant, skp)) {
    (r["kind"].as<std::string>() == "RHK" ? out.rhks : out.ikis).push_back(r["id"].as<int64_t>());
  }
  return out;
}

void ReplacePlan(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                 const std::vector<RhkRow>& rhks) {
  tx.Exec(sql::kPlanDeleteIkis, tenant, skp, revision);
  tx.Exec(sql::kPlanDeleteRhks, tenant, skp, revision);
  std::vector<int64_t> rhk_ids, parents, iki_ids, iki_rhks, quantities, costs;
  std::vector<std::string> kinds, descriptions, iki_descriptions, units, bkinds, breakdowns;
  std::vector<int> qualities, months;
  for (const RhkRow& rhk : rhks) {
    rhk_ids.push_back(rhk.id);
    kinds.push_back(rhk.kind);
    descriptions.push_back(rhk.description);
    parents.push_back(rhk.parent_rhk_id);
    for (const IkiRow& iki : rhk.ikis) {
      iki_ids.push_back(iki.id);
      iki_rhks.push_back(rhk.id);
      iki_descriptions.push_back(iki.description);
      quantities.push_back(iki.quantity);
      units.push_back(iki.unit);
      qualities.push_back(iki.quality);
      months.push_back(iki.months);
      costs.push_back(iki.cost_idr);
      bkinds.push_back(iki.breakdown_kind);
      breakdowns.push_back(absl::StrJoin(iki.breakdown, ","));
    }
  }
  if (rhk_ids.empty()) return;
  tx.Exec(sql::kPlanInsertRhks, tenant, skp, revision, IntArray(rhk_ids), db::ArrayLiteral(kinds),
          db::ArrayLiteral(descriptions), IntArray(parents));
  if (iki_ids.empty()) return;
  tx.Exec(sql::kPlanInsertIkis, tenant, skp, revision, IntArray(iki_ids), IntArray(iki_rhks),
          db::ArrayLiteral(iki_descriptions), IntArray(quantities), db::ArrayLiteral(units),
          IntArray(qualities), IntArray(months), IntArray(costs), db::ArrayLiteral(bkinds),
          db::ArrayLiteral(breakdowns));
}

std::vector<RhkRow> GetPlan(db::Tx& tx, const std::string& tenant, int64_t skp, int revision) {
  std::vector<RhkRow> out;
  for (const auto& r : tx.Exec(sql::kPlanRhks, tenant, skp, revision)) {
    RhkRow rhk;
    rhk.id = r["rhk_id"].as<int64_t>();
    rhk.kind = r["kind"].as<std::string>();
    rhk.description = r["description"].as<std::string>();
    rhk.parent_rhk_id = r["parent_rhk_id"].as<int64_t>();
    rhk.expectation = r["expectation"].as<std::string>();
    out.push_back(std::move(rhk));
  }
  for (const auto& r : tx.Exec(sql::kPlanIkis, tenant, skp, revision)) {
    IkiRow iki;
    iki.id = r["iki_id"].as<int64_t>();
    iki.description = r["description"].as<std::string>();
    iki.quantity = r["quantity"].as<int64_t>();
    iki.unit = r["unit"].as<std::string>();
    iki.quality = r["quality"].as<int>();
    iki.months = r["months"].as<int>();
    iki.cost_idr = r["cost_idr"].as<int64_t>();
    iki.breakdown_kind = r["breakdown_kind"].as<std::string>();
    iki.breakdown = SplitInts(r["breakdown"]);
    const int64_t rhk_id = r["rhk_id"].as<int64_t>();
    for (RhkRow& rhk : out) {
      if (rhk.id == rhk_id) rhk.ikis.push_back(std::move(iki));
    }
  }
  return out;
}

void CopyPlan(db::Tx& tx, const std::string& tenant, int64_t skp, int from, int to) {
  tx.Exec(sql::kPlanCopyRhks, tenant, skp, from, to);
  tx.Exec(sql::kPlanCopyIkis, tenant, skp, from, to);
}

void SetRhkExpectations(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                        const std::vector<int64_t>& rhk_ids,
                        const std::vector<std::string>& texts) {
  if (rhk_ids.empty()) return;
  tx.Exec(sql::kPlanSetExpectations, tenant, skp, revision, IntArray(rhk_ids),
          db::ArrayLiteral(texts));
}

std::vector<int64_t> RhksOfApproved(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                    int year, const std::vector<int64_t>& ids) {
  std::vector<int64_t> out;
  if (ids.empty()) return out;
  for (const auto& r : tx.Exec(sql::kRhkOfApproved, tenant, nip, year, IntArray(ids))) {
    out.push_back(r["rhk_id"].as<int64_t>());
  }
  return out;
}

std::vector<CascadeRhkRow> CascadeRhks(db::Tx& tx, const std::string& tenant, int year,
                                       const std::vector<std::string>& nips) {
  std::vector<CascadeRhkRow> out;
  for (const auto& r : tx.Exec(sql::kCascadeRhks, tenant, year, db::ArrayLiteral(nips))) {
    CascadeRhkRow row;
    row.nip = r["nip"].as<std::string>();
    row.skp_id = r["skp_id"].as<int64_t>();
    row.rhk_id = r["rhk_id"].as<int64_t>();
    row.parent_rhk_id = r["parent_rhk_id"].as<int64_t>();
    row.kind = r["kind"].as<std::string>();
    row.description = r["description"].as<std::string>();
    row.penilai = r["penilai"].as<std::string>();
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<StatusRow> StatusOfYear(db::Tx& tx, const std::string& tenant, int year, bool all,
                                    const std::vector<std::string>& nips) {
  std::vector<StatusRow> out;
  for (const auto& r :
       tx.Exec(sql::kStatusStream, tenant, year, all ? "" : "subset", db::ArrayLiteral(nips))) {
    StatusRow row;
    row.nip = r["nip"].as<std::string>();
    row.skp_id = r["skp_id"].as<int64_t>();
    row.status = r["status"].as<std::string>();
    row.approved_revision = r["approved_revision"].as<int>();
    row.first_submit = db::OptMicros(r["first_submit_time"]);
    row.first_approve = db::OptMicros(r["first_approve_time"]);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<ApprovedInForceRow> ApprovedInForceOn(db::Tx& tx, const std::string& tenant,
                                                  absl::CivilDay day, bool all,
                                                  const std::vector<std::string>& nips) {
  std::vector<ApprovedInForceRow> out;
  for (const auto& r : tx.Exec(sql::kApprovedInForceStream, tenant, FormatDate(day),
                               all ? "" : "subset", db::ArrayLiteral(nips))) {
    out.push_back({r["id"].as<int64_t>(), r["nip"].as<std::string>(),
                   r["approved_revision"].as<int>(), r["top_of_tree"].as<bool>()});
  }
  return out;
}

}  // namespace ekinerja::skp::store
