#include "store/workload_store.h"

#include "activity_sql.h"
#include "civil.h"
#include "db_fields.h"

namespace ekinerja::activity::store {

absl::flat_hash_map<std::string, int64_t> ApprovedMinutesByNip(db::Tx& tx,
                                                               const std::string& tenant,
                                                               absl::CivilDay first,
                                                               absl::CivilDay last) {
  absl::flat_hash_map<std::string, int64_t> out;
  for (const auto& r :
       tx.Exec(sql::kWorkloadMinutes, tenant, FormatDate(first), FormatDate(last))) {
    out[r["nip"].as<std::string>()] = r["minutes"].as<int64_t>();
  }
  return out;
}

absl::flat_hash_map<std::string, std::vector<MaturityEntry>> MaturityEntriesByNip(
    db::Tx& tx, const std::string& tenant, absl::CivilDay first, absl::CivilDay last) {
  absl::flat_hash_map<std::string, std::vector<MaturityEntry>> out;
  for (const auto& r :
       tx.Exec(sql::kMaturityEntries, tenant, FormatDate(first), FormatDate(last))) {
    MaturityEntry e;
    e.date = db::Day(r["work_date"]);
    e.minutes = r["minutes"].as<int64_t>();
    e.status = ParseStatus(r["status"].as<std::string>()).value_or(EntryStatus::kWithdrawn);
    e.rhk_id = r["rhk_id"].as<int64_t>();
    e.catalogued = r["catalogued"].as<bool>();
    out[r["nip"].as<std::string>()].push_back(e);
  }
  return out;
}

absl::flat_hash_set<std::string> CataloguePositions(db::Tx& tx, const std::string& tenant,
                                                    absl::CivilDay day) {
  absl::flat_hash_set<std::string> out;
  for (const auto& r : tx.Exec(sql::kCataloguePositions, tenant, FormatDate(day))) {
    out.insert(r["position_code"].as<std::string>());
  }
  return out;
}

}  // namespace ekinerja::activity::store
