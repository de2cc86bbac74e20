#pragma once

// Reading a whole file: TLS keys and certificates, the descriptor set, credentials files.

#include <string>

#include "absl/status/statusor.h"

namespace ekinerja {

// The bytes of the file at `path`; FAILED_PRECONDITION "cannot read <path>" when it cannot be
// opened or read.
absl::StatusOr<std::string> ReadFile(const std::string& path);

}  // namespace ekinerja
