#pragma once

// The gRPC request of a matched route, built from the path variables, the query string and the
// JSON body as Envoy's grpc_json_transcoder builds it:
//
// - path variables and query parameters are "bindings": each sets one leaf field (nested by
//   dots), its text converted by protobuf's JSON rules for that field's type (so "42" is an
//   int64, "true"/"1"/"yes" a bool, an enum takes its name or number, a bytes field base64, a
//   Timestamp RFC 3339, a FieldMask "a,b");
// - a query parameter names a field by its proto or JSON name ("update_mask" or "updateMask");
//   its name and value are percent-decoded, '+' in the value is a space; a repeated field takes
//   every repetition, a singular one the last; a parameter without '=' is ignored (Envoy);
// - a query parameter that names no field is INVALID_ARGUMENT with Envoy's message
//   (`Could not find field "x" in the type "T".`); one that names a field the path or the body
//   carries is INVALID_ARGUMENT too (http.proto: the query carries only the other fields);
// - the body is proto3 JSON for the whole request (body "*"), or for the body field; an empty
//   body is "{}"; a member naming no field is INVALID_ARGUMENT, at any depth (Envoy's transcoder
//   drops it silently: a deliberate difference, deploy/envoy/README.md), and so is a wrong value
//   (an unknown enum name, a string for an int); a rule without a body still reads a body sent
//   with it as the whole request, as Envoy does; the body is read as JSON whatever its
//   Content-Type, as Envoy reads it;
// - where a path variable and the body set the same field, the body wins (Envoy keeps the body's
//   value and drops the binding).

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/util/type_resolver.h"
#include "transcode/route_table.h"

namespace ekinerja::gateway {

// The serialized request message. `path_values` are the decoded path variables of `route`
// (RouteTable::Found::values), `query` the raw query without '?', `body` the raw body.
// INVALID_ARGUMENT for anything the request cannot carry, with a message naming the parameter
// or the body.
absl::StatusOr<std::string> BuildRequest(google::protobuf::util::TypeResolver& resolver,
                                         const Route& route,
                                         const std::vector<std::string>& path_values,
                                         absl::string_view query, absl::string_view body);

// `json` (proto3 JSON for `type`) as binary: strict about values and members (the body rules
// above). INVALID_ARGUMENT with protobuf's first error line.
absl::StatusOr<std::string> JsonToBinary(google::protobuf::util::TypeResolver& resolver,
                                         const google::protobuf::Descriptor& type,
                                         absl::string_view json);

// The type URL protobuf's JSON converters resolve: "type.googleapis.com/<full name>".
std::string TypeUrl(absl::string_view full_name);

}  // namespace ekinerja::gateway
