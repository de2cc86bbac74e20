#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "db.h"
#include "rpc_util.h"

namespace ekinerja::identity {

// Idempotent creates (AIP-155): records `request_id` for `method` and `resource` in the caller's
// transaction. Returns true when this request id was already used for the same method (the create
// already happened: return what exists), false when it is new or empty. INVALID_ARGUMENT when the
// id was used for another method or another resource.
absl::StatusOr<bool> ClaimRequestId(db::Tx& tx, const std::string& tenant,
                                    const std::string& request_id, const std::string& method,
                                    const std::string& resource);

}  // namespace ekinerja::identity
