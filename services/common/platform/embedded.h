#pragma once

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace ekinerja {

// A file compiled into the binary (SQL migrations and named queries; see embed_sql.cmake).
struct EmbeddedFile {
  absl::string_view name;  // path relative to the embedded folder, e.g. "V001__init.sql"
  absl::string_view content;
};

}  // namespace ekinerja
