#pragma once

// The warning rule sets (DOMAIN §8): one row per version of a tenant; version 0, the national
// defaults, is not stored.

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "db.h"
#include "domain/warning_rules.h"

namespace ekinerja::warning::store {

struct StoredRules {
  WarningRules rules;
  // Whether the scheduler sweeps the tenant on its own.
  bool scheduled = false;
  std::string created_by;
  std::optional<absl::Time> create_time;  // unset for the defaults
};

// The tenant's latest version, else the defaults (not scheduled).
StoredRules RulesInForce(db::Tx& tx, const std::string& tenant);
// Newest first; without the defaults.
std::vector<StoredRules> ListRules(db::Tx& tx, const std::string& tenant);
// The next version; `stored.rules.version` is ignored. The answer carries the version and time.
StoredRules InsertRules(db::Tx& tx, const std::string& tenant, const StoredRules& stored);

}  // namespace ekinerja::warning::store
