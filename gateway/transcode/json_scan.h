#pragma once

// A small JSON scanner over request bodies, for what protobuf's JSON parser cannot be asked
// directly: whether a body is exactly one value (before it is embedded in a larger document). The
// syntax accepted is the lenient one protobuf's parser accepts: single-quoted strings, bare
// (unquoted) keys and trailing commas.

#include "absl/strings/string_view.h"

namespace ekinerja::gateway {

// Whether `json` is exactly one JSON value, with nothing but whitespace around it.
bool IsSingleJsonValue(absl::string_view json);

}  // namespace ekinerja::gateway
