#pragma once

// Where an employee sits in the org tree, as the identity client reports it (clients/directory.h
// EmployeeUnit; attendance's schedules assigned to an org unit reach everyone below it): the path
// of unit codes from the root (the OPD) down to a unit, rebuilt from each unit's parent as
// identity lists them.

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace ekinerja {

// Root first, down to `unit`, climbing `parent_of` (unit -> parent code, "" for a root). A unit
// missing from `parent_of` (created since it was read) ends the climb there; a parent chain that
// loops stops where it would repeat. Empty for an empty `unit`.
std::vector<std::string> UnitPath(const std::string& unit,
                                  const absl::flat_hash_map<std::string, std::string>& parent_of);

}  // namespace ekinerja
