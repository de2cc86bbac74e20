#pragma once

// A small JSON scanner over request bodies, for the two things protobuf's JSON parser cannot be
// asked directly: whether a body is exactly one value (before it is embedded in a larger
// document), and the body without the members that name no field (Envoy's transcoder ignores
// unknown fields but still rejects an unknown enum name; protobuf 3.21's ignore_unknown_fields
// would drop both). The syntax accepted is the lenient one protobuf's parser accepts:
// single-quoted strings, bare (unquoted) keys and trailing commas. Values are never converted,
// only located and copied as written.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace ekinerja::gateway {

// Whether `json` is exactly one JSON value, with nothing but whitespace around it.
bool IsSingleJsonValue(absl::string_view json);

// `json`, an object for `type`, without the members whose key is neither the proto name nor the
// JSON name of a field, at every depth of nested messages (repeated message fields and message
// map values included; google.protobuf.* types are copied whole, their JSON forms being special).
// `dropped` tells whether anything was removed. INVALID_ARGUMENT when `json` is not well formed
// or nests deeper than protobuf's parser allows.
absl::StatusOr<std::string> DropUnknownFields(absl::string_view json,
                                              const google::protobuf::Descriptor& type,
                                              bool* dropped);

}  // namespace ekinerja::gateway
