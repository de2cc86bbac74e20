#include "store/rules_cache.h"

#include "status.h"

namespace ekinerja::attendance::store {

absl::StatusOr<RulesRow> RulesCache::Get(const std::string& tenant) {
  const absl::Time now = absl::Now();
  uint64_t generation;
  {
    absl::MutexLock lock(&mu_);
    if (auto it = entries_.find(tenant); it != entries_.end() && now < it->second.expires) {
      return it->second.rules;
    }
    generation = generation_;
  }
  RulesRow rules;
  EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
    rules = GetRules(tx, tenant);
    return absl::OkStatus();
  }));
  absl::MutexLock lock(&mu_);
  // A Forget while this read ran may have come after it: what was read is not remembered then.
  if (generation == generation_) entries_[tenant] = Entry{rules, now + ttl_};
  return rules;
}

void RulesCache::Forget(const std::string& tenant) {
  absl::MutexLock lock(&mu_);
  entries_.erase(tenant);
  ++generation_;
}

}  // namespace ekinerja::attendance::store
