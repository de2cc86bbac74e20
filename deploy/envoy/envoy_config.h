#pragma once

// The Envoy v3 static config that fronts the suite as ekinerja-gateway does (DESIGN §8), generated
// from the same descriptor set so the two cannot drift:
//
//   listener (HTTP/1.1 and h2c) -> http_connection_manager:
//     health_check /healthz (the process), health_check /readyz (every service cluster healthy),
//     [cors, with --cors_origins], jwt_authn (identity's JWKS; the public methods and
//     /.well-known/jwks.json need no token), grpc_json_transcoder (every ekinerja.* service with
//     google.api.http rules, the gateway's print options), router
//   routes: "/<package.Service>/" -> that service's cluster; /.well-known/jwks.json -> GetJwks
//   clusters: one per ekinerja.* service (HTTP/2, gRPC health checks), and "envoy_self" (the
//     listener itself, for the JWKS fetch, which goes through the transcoder like any GET).

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "yaml.h"

namespace ekinerja::envoy {

struct EnvoyConfigOptions {
  std::string listen_address = "127.0.0.1";  // DESIGN §2: loopback unless told otherwise
  int port = 8080;
  int admin_port = 9901;  // Envoy's admin (stats: /stats/prometheus), on 127.0.0.1
  // Where Envoy reads the descriptor set (mounted into its container).
  std::string proto_descriptor = "/etc/envoy/ekinerja.pb";
  std::string issuer = "ekinerja-identity";
  std::string audience = "ekinerja";
  // "ekinerja.identity.v1.IdentityService" -> "host:port". A service not named here gets
  // 127.0.0.1 and the port DESIGN §2 gives its package (identity 50051 ... warning 50056).
  std::map<std::string, std::string> upstreams;
  // --cors_origins of the gateway: origins as browsers send them, "*" for any; empty: no CORS.
  std::vector<std::string> cors_origins;
  // The gateway's limits and timeouts (its flags' defaults).
  absl::Duration upstream_timeout = absl::Seconds(30);
  absl::Duration read_timeout = absl::Seconds(30);
  absl::Duration idle_timeout = absl::Seconds(60);
  int64_t max_body_bytes = 1 << 20;
  int max_header_bytes = 16 << 10;
};

// The ekinerja.* services of a descriptor set (full names, sorted): all of them, and those with
// at least one google.api.http rule (what the transcoder serves).
struct SuiteServices {
  std::vector<std::string> all;
  std::vector<std::string> transcoded;
};
absl::StatusOr<SuiteServices> ServicesOf(absl::string_view descriptor_set);

// The config for `descriptor_set` (bytes of a FileDescriptorSet with imports). INVALID_ARGUMENT
// when it does not parse, a service has no upstream (none named and no default port), or an
// address or template is malformed.
absl::StatusOr<Yaml> EnvoyConfig(absl::string_view descriptor_set,
                                 const EnvoyConfigOptions& options);

// The text of the file: the YAML with a header saying where it comes from.
std::string EnvoyConfigText(const Yaml& config);

// The RE2 regex of a google.api.http path template, for matching request paths as Envoy's
// route matchers do (without the query): "/v1/employees/{nip}/subordinates" ->
// "/v1/employees/[^/]+/subordinates". INVALID_ARGUMENT when the template does not parse.
absl::StatusOr<std::string> TemplateRegex(absl::string_view path_template);

}  // namespace ekinerja::envoy
