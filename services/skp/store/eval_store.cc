#include "store/eval_store.h"

#include "db_fields.h"
#include "skp_sql.h"

namespace ekinerja::skp::store {
namespace {

StoredEvaluation ToStored(const pqxx::row& r) {
  StoredEvaluation out;
  out.nip = r["nip"].as<std::string>();
  out.skp_id = r["skp_id"].as<int64_t>();
  out.result = pqxx::binarystring(r["result"]).str();
  out.final = r["final"].as<bool>();
  return out;
}

// The `$3 = ''` switch of the queries that take the whole tenant or a list of NIPs.
const char* Scope(bool all) { return all ? "" : "subset"; }

}  // namespace

absl::Time SetOrgPerformance(db::Tx& tx, const std::string& tenant, const std::string& unit,
                             const std::string& period, const std::string& predikat,
                             const std::string& set_by) {
  return db::Micros(
      tx.Exec(sql::kOrgPerfUpsert, tenant, unit, period, predikat, set_by)[0]["set_time"]);
}

std::optional<std::string> OrgPerformanceOf(db::Tx& tx, const std::string& tenant,
                                            const std::string& unit, const std::string& period) {
  auto r = tx.Exec(sql::kOrgPerfGet, tenant, unit, period);
  if (r.empty()) return std::nullopt;
  return r[0]["predikat"].as<std::string>();
}

std::vector<RealisedRow> RealisationsOf(db::Tx& tx, const std::string& tenant, int64_t skp,
                                        const std::string& period) {
  std::vector<RealisedRow> out;
  for (const auto& r : tx.Exec(sql::kEvalRealisations, tenant, skp, period)) {
    RealisedRow row;
    row.iki_id = r["iki_id"].as<int64_t>();
    row.quantity = r["quantity"].as<int64_t>();
    row.quality = r["quality"].as<int>();
    row.months = r["months"].as<int>();
    row.cost_idr = r["cost_idr"].as<int64_t>();
    out.push_back(row);
  }
  return out;
}

std::optional<bool> EvaluationFinal(db::Tx& tx, const std::string& tenant, int64_t skp,
                                    const std::string& period) {
  auto r = tx.Exec(sql::kEvalGetFinal, tenant, skp, period);
  if (r.empty()) return std::nullopt;
  return r[0]["final"].as<bool>();
}

void UpsertEvaluation(db::Tx& tx, const std::string& tenant, const EvaluationRow& row) {
  tx.Exec(sql::kEvalUpsert, tenant, row.skp_id, row.period, row.nip, row.org_unit_code,
          row.predikat, pqxx::binarystring(row.result.data(), row.result.size()), row.evaluator_nip,
          db::ToMicros(row.evaluate_time));
}

std::vector<StoredEvaluation> ListEvaluations(db::Tx& tx, const std::string& tenant, int64_t skp) {
  std::vector<StoredEvaluation> out;
  for (const auto& r : tx.Exec(sql::kEvalList, tenant, skp)) out.push_back(ToStored(r));
  return out;
}

std::vector<StoredEvaluation> EvaluationPage(db::Tx& tx, const std::string& tenant,
                                             const std::string& period, bool all,
                                             const std::vector<std::string>& nips,
                                             const std::string& after_nip, int64_t after_skp,
                                             int limit) {
  std::vector<StoredEvaluation> out;
  out.reserve(limit);
  for (const auto& r : tx.Exec(sql::kEvalStream, tenant, period, Scope(all), db::ArrayLiteral(nips),
                               after_nip, after_skp, limit)) {
    out.push_back(ToStored(r));
  }
  return out;
}

std::vector<PredikatCountRow> PredikatCounts(db::Tx& tx, const std::string& tenant,
                                             const std::string& period,
                                             const std::vector<std::string>& nips) {
  std::vector<PredikatCountRow> out;
  for (const auto& r : tx.Exec(sql::kEvalPredikatCounts, tenant, period, db::ArrayLiteral(nips))) {
    out.push_back(
        {r["predikat"].as<std::string>(), r["model"].as<std::string>(), r["n"].as<int>()});
  }
  return out;
}

int FinalizeEvaluations(db::Tx& tx, const std::string& tenant, const std::string& period,
                        const std::vector<std::string>& nips) {
  return tx.Exec(sql::kEvalFinalize, tenant, period, db::ArrayLiteral(nips))[0]["finalized"]
      .as<int>();
}

std::vector<EvaluationWithSkp> EvaluationsWithSkp(db::Tx& tx, const std::string& tenant,
                                                  const std::string& period, bool all,
                                                  const std::vector<std::string>& nips) {
  std::vector<EvaluationWithSkp> out;
  for (const auto& r :
       tx.Exec(sql::kEvalWithSkp, tenant, period, Scope(all), db::ArrayLiteral(nips))) {
    EvaluationWithSkp row;
    row.evaluation = ToStored(r);
    row.org_unit_code = r["org_unit_code"].as<std::string>();
    row.model = r["model"].as<std::string>();
    row.skp_start = db::Day(r["start_date"]);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace ekinerja::skp::store
