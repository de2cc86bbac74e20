#pragma once

// What beban kerja reads of the activity schema (DOMAIN §5): approved earned minutes per employee
// over a period, in one statement for the whole tenant.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/time/civil_time.h"
#include "db.h"
#include "domain/maturity.h"

namespace ekinerja::activity::store {

// NIP -> the earned minutes of their APPROVED entries of [first, last]; employees without one are
// absent.
absl::flat_hash_map<std::string, int64_t> ApprovedMinutesByNip(db::Tx& tx,
                                                               const std::string& tenant,
                                                               absl::CivilDay first,
                                                               absl::CivilDay last);

// NIP -> every entry of [first, last] (any status), by day and start.
absl::flat_hash_map<std::string, std::vector<MaturityEntry>> MaturityEntriesByNip(
    db::Tx& tx, const std::string& tenant, absl::CivilDay first, absl::CivilDay last);

// The position codes with a catalogue item of their own in force on `day`.
absl::flat_hash_set<std::string> CataloguePositions(db::Tx& tx, const std::string& tenant,
                                                    absl::CivilDay day);

}  // namespace ekinerja::activity::store
