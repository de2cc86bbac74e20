#pragma once

// The HTTP routes of gRPC methods: one per google.api.http rule and per additional binding,
// checked when loaded, and found for a request with Envoy's precedence.

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/api/http.pb.h"
#include "google/protobuf/descriptor.h"
#include "transcode/path_template.h"

namespace ekinerja::gateway {

// A (possibly nested) field of a message: {employee, nip} for "employee.nip".
using FieldPath = std::vector<const google::protobuf::FieldDescriptor*>;

// "employee.nip", in proto field names.
std::string FieldPathName(const FieldPath& path);

// The field of `type` called `name`, by proto name or JSON name (as Envoy's transcoder resolves
// field paths); null if there is none.
const google::protobuf::FieldDescriptor* FindFieldByAnyName(
    const google::protobuf::Descriptor& type, absl::string_view name);

struct Route {
  enum class Body {
    kNone,   // no `body`: fields come from the path and the query
    kAll,    // body: "*"
    kField,  // body: "<field path>"
  };

  std::string http_method;  // "GET", "POST", ..., a custom kind, or "*" (custom "*": any method)
  PathTemplate path;
  const google::protobuf::MethodDescriptor* method = nullptr;
  std::vector<FieldPath> variable_fields;  // what each path.variables() entry sets
  Body body = Body::kNone;
  FieldPath body_field;  // Body::kField

  // "GET /v1/items/{id}", for messages.
  std::string Describe() const;
};

// The routes of `method` from its rule and the rule's additional_bindings. INVALID_ARGUMENT,
// naming the method, when a template does not parse, a path variable or the body names no field
// of the request, a path variable is a message or repeated field, a binding has no pattern or
// nests additional_bindings, `response_body` is set (Envoy transcodes it only for HttpBody), or
// the method streams requests (a call carries one request message).
absl::StatusOr<std::vector<Route>> RoutesForMethod(const google::protobuf::MethodDescriptor& method,
                                                   const google::api::HttpRule& rule);

class RouteTable {
 public:
  // INVALID_ARGUMENT when a route with the same HTTP method, path shape and verb exists (Envoy
  // would silently keep the last one registered).
  absl::Status Add(Route route);

  struct Found {
    const Route* route = nullptr;
    std::vector<std::string> values;  // per route->path.variables(), decoded
  };
  // The route for a request, or nullopt. `path` is the raw path without the query. Among
  // matching routes, PathTemplate::ComparePrecedence decides; at equal shape a route for the
  // exact method beats one for any method ("*"), as in Envoy's matcher.
  std::optional<Found> Find(absl::string_view http_method, absl::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  absl::flat_hash_set<std::string> verbs_;
};

}  // namespace ekinerja::gateway
