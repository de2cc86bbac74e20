#pragma once

// What beban kerja reads of the activity schema (DOMAIN §5): approved earned minutes per employee
// over a period, in one statement for the whole tenant.

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "db.h"

namespace ekinerja::activity::store {

// NIP -> the earned minutes of their APPROVED entries of [first, last]; employees without one are
// absent.
absl::flat_hash_map<std::string, int64_t> ApprovedMinutesByNip(db::Tx& tx,
                                                               const std::string& tenant,
                                                               absl::CivilDay first,
                                                               absl::CivilDay last);

}  // namespace ekinerja::activity::store
