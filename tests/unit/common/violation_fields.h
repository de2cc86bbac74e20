#pragma once

// The fields of a list of violations, in order, for EXPECT_THAT(..., ElementsAre("a", "b")).

#include <string>
#include <vector>

#include "status.h"

namespace ekinerja {

inline std::vector<std::string> Fields(const std::vector<FieldViolation>& list) {
  std::vector<std::string> out;
  for (const FieldViolation& f : list) out.push_back(f.field);
  return out;
}

}  // namespace ekinerja
