#include "store/org_cache.h"

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/registry.h"
#include "store/store.h"

namespace ekinerja::identity {

OrgCache::OrgCache(size_t capacity, prometheus::Registry* registry) : entries_(capacity) {
  if (registry == nullptr) return;
  auto& lookups = prometheus::BuildCounter()
                      .Name("ekinerja_identity_org_cache_lookups_total")
                      .Help(
                          "Org index lookups by result: hit (built at the current org version) "
                          "or miss (loaded from the database)")
                      .Register(*registry);
  hits_ = &lookups.Add({{"result", "hit"}});
  misses_ = &lookups.Add({{"result", "miss"}});
}

std::shared_ptr<const OrgIndex> OrgCache::Get(db::Tx& tx, const std::string& tenant,
                                              absl::CivilDay day) {
  // Before the snapshot: rows committed in between are then labelled with the older version.
  const int64_t version = store::OrgVersion(tx, tenant);
  auto key = std::make_pair(tenant, day);
  if (std::optional<Entry> e = entries_.Find(key); e && e->version == version) {
    if (hits_) hits_->Increment();
    return std::move(e->index);
  }
  if (misses_) misses_->Increment();
  auto index = std::make_shared<const OrgIndex>(store::LoadOrgSnapshot(tx, tenant, day), day);
  entries_.Insert(key, Entry{version, index});
  return index;
}

}  // namespace ekinerja::identity
