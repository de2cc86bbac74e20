#include "api/request.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "request_id.h"
#include "status.h"
#include "store/store.h"

namespace ekinerja::identity {

absl::StatusOr<bool> ClaimRequestId(db::Tx& tx, const std::string& tenant,
                                    const std::string& request_id, const std::string& method,
                                    const std::string& resource) {
  if (request_id.empty()) return false;
  Violations v;
  if (!CheckRequestIdText(v, request_id)) return v.ToStatus();
  const std::optional<store::RequestIdRow> seen = store::GetRequestId(tx, tenant, request_id);
  EK_ASSIGN_OR_RETURN(RequestIdUse use,
                      CheckRequestId(
                          seen,
                          [&](const store::RequestIdRow& r) {
                            return r.method == method && r.resource == resource;
                          },
                          seen ? absl::StrCat(seen->method, " of ", seen->resource) : ""));
  if (use == RequestIdUse::kReplay) return true;
  store::InsertRequestId(tx, tenant, request_id, method, resource);
  return false;
}

}  // namespace ekinerja::identity
