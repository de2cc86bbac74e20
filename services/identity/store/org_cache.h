#pragma once

// The org index of a tenant on a day, built once per replica and org version (issue 9, item 8):
// Login (the derived ATASAN role and the unit in the token), GetSupervisor, ListSubordinates and
// the checks of who reads whom used to load the tenant's whole snapshot (every unit, position and
// assignment) per call and index it; now a call reads the tenant's org version (one single-row
// read, store::OrgVersion) and reuses the index built at that version.
//
// Across replicas: the version changes in the same transaction as any change to the org
// (V005__org_versions.sql: triggers on the org tables), so a change committed through one
// replica is seen by every replica on its next call. The version is read before the snapshot,
// so an index is never labelled newer than the rows it was built from (at worst older, and then
// the next call rebuilds it).
//
// Bounded: at most `capacity` (tenant, day) entries, least recently used evicted first
// (--org_cache_entries); 0 disables it (every call loads the snapshot). Counts lookups in
// ekinerja_identity_org_cache_lookups_total{result="hit"|"miss"} (a miss: no entry, or an entry
// of an older version).

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "absl/time/civil_time.h"
#include "db.h"
#include "domain/org.h"
#include "lru_cache.h"

namespace prometheus {
class Counter;
class Registry;
}  // namespace prometheus

namespace ekinerja::identity {

class OrgCache {
 public:
  static constexpr size_t kDefaultEntries = 64;

  // The counters go to `registry` when given.
  OrgCache(size_t capacity, prometheus::Registry* registry);
  OrgCache(const OrgCache&) = delete;
  OrgCache& operator=(const OrgCache&) = delete;

  // The org of `tenant` as it stands on `day`, at the version `tx` sees.
  std::shared_ptr<const OrgIndex> Get(db::Tx& tx, const std::string& tenant, absl::CivilDay day);

 private:
  struct Entry {
    int64_t version = 0;
    std::shared_ptr<const OrgIndex> index;
  };
  LruCache<std::pair<std::string, absl::CivilDay>, Entry> entries_;
  prometheus::Counter* hits_ = nullptr;
  prometheus::Counter* misses_ = nullptr;
};

}  // namespace ekinerja::identity
