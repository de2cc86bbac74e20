#include "api/request.h"

#include <deque>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
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

std::vector<std::string> SubtreeOf(const std::vector<OrgUnit>& units, const std::string& root) {
  absl::flat_hash_map<std::string, std::vector<std::string>> children;
  bool known = false;
  for (const auto& u : units) {
    children[u.parent_code].push_back(u.code);
    known = known || u.code == root;
  }
  std::vector<std::string> out;
  if (!known) return out;
  absl::flat_hash_set<std::string> seen;
  std::deque<std::string> queue{root};
  while (!queue.empty()) {
    std::string code = std::move(queue.front());
    queue.pop_front();
    if (!seen.insert(code).second) continue;
    for (const auto& c : children[code]) queue.push_back(c);
    out.push_back(std::move(code));
  }
  return out;
}

}  // namespace ekinerja::identity
