#include "store/workload_store.h"

#include "activity_sql.h"
#include "civil.h"

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

}  // namespace ekinerja::activity::store
