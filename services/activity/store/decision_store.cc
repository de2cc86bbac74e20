#include "store/decision_store.h"

#include "activity_sql.h"
#include "db_fields.h"

namespace ekinerja::activity::store {

void Decide(db::Tx& tx, const std::string& tenant, const DecisionRow& d) {
  const int64_t at = db::ToMicros(d.decide_time);
  tx.Exec(sql::kEntryDecide, tenant, d.entry_id, d.status, d.decided_by, d.reason, at);
  tx.Exec(sql::kDecisionInsert, tenant, d.entry_id, d.decision, d.reason, d.decided_by, d.acting,
          at);
}

std::vector<QueueKey> PendingPage(db::Tx& tx, const std::string& tenant,
                                  const std::string& verifier, const std::string& nip,
                                  QueueKey after, int limit) {
  std::vector<QueueKey> out;
  for (const auto& r : tx.Exec(sql::kPendingPage, tenant, verifier, nip,
                               db::ToMicros(after.submit_time), after.id, limit)) {
    out.push_back({db::Micros(r["submit_time"]), r["id"].as<int64_t>()});
  }
  return out;
}

std::vector<PendingCountRow> PendingCounts(db::Tx& tx, const std::string& tenant,
                                           const std::string& verifier) {
  std::vector<PendingCountRow> out;
  for (const auto& r : tx.Exec(sql::kPendingCounts, tenant, verifier)) {
    out.push_back(
        {r["nip"].as<std::string>(), r["entries"].as<int>(), db::Micros(r["oldest_submit_time"])});
  }
  return out;
}

std::vector<PendingApprovalsRow> PendingByVerifier(db::Tx& tx, const std::string& tenant,
                                                   absl::Time submitted_before) {
  std::vector<PendingApprovalsRow> out;
  for (const auto& r : tx.Exec(sql::kPendingByVerifier, tenant, db::ToMicros(submitted_before))) {
    out.push_back({r["verifier_nip"].as<std::string>(), r["pending"].as<int>(),
                   db::Micros(r["oldest_submit_time"])});
  }
  return out;
}

}  // namespace ekinerja::activity::store
