#pragma once

// Client request ids and the audit log, the same in every service that has them: the tables
// request_keys (tenant_id, caller, rpc, request_id, result) and audit_log (tenant_id, id,
// event_time, actor, action, target, detail) in the service's schema, and the statements of
// sql/queries_request_log.sql, which the service adds to its own with WithRequestLog.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "db.h"
#include "embedded.h"

namespace ekinerja::db {

// `service_sql` followed by the request log's statements: what a service that uses the
// functions below passes to RunService and ServiceHost::Create.
std::vector<EmbeddedFile> WithRequestLog(absl::Span<const EmbeddedFile> service_sql);

// A request id is optional in the API: an empty one records nothing, so that each call without
// one acts anew (FindRequestKey finds nothing, InsertRequestKey writes nothing and answers true).

// The result recorded for (tenant, caller, rpc, request_id) by an earlier call, if any.
std::optional<int64_t> FindRequestKey(Tx& tx, const std::string& tenant, const std::string& caller,
                                      const std::string& rpc, const std::string& request_id);
// Records it; false when a concurrent call recorded the same key first.
bool InsertRequestKey(Tx& tx, const std::string& tenant, const std::string& caller,
                      const std::string& rpc, const std::string& request_id, int64_t result);
void Audit(Tx& tx, const std::string& tenant, const std::string& actor, const std::string& action,
           const std::string& target, const std::string& detail);

}  // namespace ekinerja::db
