#pragma once

// The tenants' attendance rules, remembered briefly: every RPC that takes a work date checks it
// against the tenant's window (work_dates.h), and a round trip per call for a row that changes a
// few times a year is waste. A change made through this process is seen at once (Forget); one
// made through another replica within `ttl`.

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "db.h"
#include "store/attendance_store.h"

namespace ekinerja::attendance::store {

class RulesCache {
 public:
  explicit RulesCache(db::Pool& pool, absl::Duration ttl = absl::Seconds(10))
      : pool_(pool), ttl_(ttl) {}

  // The tenant's rules (the national defaults when it has none); a database failure as is.
  absl::StatusOr<RulesRow> Get(const std::string& tenant);
  // Drops what is remembered of `tenant`: call after its rules changed (after the commit).
  void Forget(const std::string& tenant);

 private:
  struct Entry {
    RulesRow rules;
    absl::Time expires;
  };
  db::Pool& pool_;
  const absl::Duration ttl_;
  absl::Mutex mu_;
  // One entry per tenant of the deployment: bounded by the tenants there are.
  absl::flat_hash_map<std::string, Entry> entries_ ABSL_GUARDED_BY(mu_);
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;  // Forget calls so far
};

}  // namespace ekinerja::attendance::store
