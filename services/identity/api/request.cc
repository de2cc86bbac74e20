#include "api/request.h"

#include "absl/strings/str_cat.h"
#include "status.h"
#include "store/store.h"

namespace ekinerja::identity {

absl::StatusOr<bool> ClaimRequestId(db::Tx& tx, const std::string& tenant,
                                    const std::string& request_id, const std::string& method,
                                    const std::string& resource) {
  if (request_id.empty()) return false;
  if (request_id.size() > 128) return InvalidField("request_id", "at most 128 characters");
  if (auto seen = store::GetRequestId(tx, tenant, request_id)) {
    if (seen->method != method || seen->resource != resource) {
      return InvalidField("request_id",
                          absl::StrCat("already used for ", seen->method, " of ", seen->resource));
    }
    return true;
  }
  store::InsertRequestId(tx, tenant, request_id, method, resource);
  return false;
}

}  // namespace ekinerja::identity
