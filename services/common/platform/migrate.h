#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "embedded.h"

namespace ekinerja::db {

// Applies the embedded migrations (files named V<number>__<what>.sql, in version order) that the
// schema has not seen, all in one transaction under a Postgres advisory lock keyed by the schema,
// so that many replicas starting together apply each exactly once. Records each in
// <schema>.schema_migrations with a checksum; refuses to start when an applied file has changed.
// The schema must exist (the deployment creates it and the service's role owns it).
// Returns the names applied now.
absl::StatusOr<std::vector<std::string>> Migrate(const std::string& url, const std::string& schema,
                                                 absl::Span<const EmbeddedFile> files);

}  // namespace ekinerja::db
