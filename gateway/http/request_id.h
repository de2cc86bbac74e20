#pragma once

// x-request-id (DESIGN §4 logs): taken from the request when it is a usable one, else generated as
// Envoy generates it (a random UUID), passed upstream as gRPC metadata and returned.

#include <string>

#include "absl/strings/string_view.h"

namespace ekinerja::gateway {

// `header` (the request's x-request-id, "" if none) when it is 1-128 printable ASCII characters
// without spaces; a new id otherwise.
std::string RequestIdFromHeader(absl::string_view header);

// A random (version 4) UUID: "3f2c…-…", 36 characters, lower case.
std::string NewRequestId();

}  // namespace ekinerja::gateway
