#include "unit_path.h"

#include <deque>

#include "absl/container/flat_hash_set.h"

namespace ekinerja {

std::vector<std::string> UnitPath(const std::string& unit,
                                  const absl::flat_hash_map<std::string, std::string>& parent_of) {
  std::deque<std::string> path;
  absl::flat_hash_set<std::string> seen;
  for (std::string u = unit; !u.empty() && seen.insert(u).second;) {
    path.push_front(u);
    auto it = parent_of.find(u);
    if (it == parent_of.end()) break;
    u = it->second;
  }
  return {path.begin(), path.end()};
}

}  // namespace ekinerja
