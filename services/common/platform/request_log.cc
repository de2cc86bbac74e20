#include "request_log.h"

#include "platform_sql.h"

namespace ekinerja::db {

std::vector<EmbeddedFile> WithRequestLog(absl::Span<const EmbeddedFile> service_sql) {
  std::vector<EmbeddedFile> all(service_sql.begin(), service_sql.end());
  for (const EmbeddedFile& f : embedded::platform_sql()) all.push_back(f);
  return all;
}

std::optional<int64_t> FindRequestKey(Tx& tx, const std::string& tenant, const std::string& caller,
                                      const std::string& rpc, const std::string& request_id) {
  if (request_id.empty()) return std::nullopt;
  const pqxx::result r = tx.Exec(platform::sql::kRequestKeyFind, tenant, caller, rpc, request_id);
  if (r.empty()) return std::nullopt;
  return r[0]["result"].as<int64_t>();
}

bool InsertRequestKey(Tx& tx, const std::string& tenant, const std::string& caller,
                      const std::string& rpc, const std::string& request_id, int64_t result) {
  if (request_id.empty()) return true;
  return !tx.Exec(platform::sql::kRequestKeyInsert, tenant, caller, rpc, request_id, result)
              .empty();
}

void Audit(Tx& tx, const std::string& tenant, const std::string& actor, const std::string& action,
           const std::string& target, const std::string& detail) {
  tx.Exec(platform::sql::kAuditLogInsert, tenant, actor, action, target, detail);
}

}  // namespace ekinerja::db
