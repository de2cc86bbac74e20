#pragma once

// What the gateway's two front doors share (DESIGN §8): the REST/JSON side (http/) and the native
// gRPC pass-through (passthrough/) route to the same upstream channels, refuse tokens with the same
// JWT check, and count into the same Prometheus registry, served on --metrics_port.
//
//   auto core = GatewayCore::Create(options);          // channels, JWKS cache, JWT check
//   auto rest = RestGateway::Start(transcoder, **core, rest_options);
//   ... passthrough from (*core)->upstreams(), jwt(), upstream_metrics(), registry() ...
//   (*core)->ServeMetrics(host, port);
//
// The front doors must be shut down before the core goes.

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "jwks_cache.h"
#include "upstream/jwt_check.h"
#include "upstream/upstream_metrics.h"
#include "upstream/upstreams.h"

namespace prometheus {
class Exposer;
class Registry;
}  // namespace prometheus

namespace ekinerja::gateway {

struct GatewayCoreOptions {
  std::string upstreams;            // --upstreams (see Upstreams::Create)
  std::vector<std::string> routed;  // services that must have an upstream (the transcoder's)
  ChannelOptions upstream;          // the upstreams' channels (channel.h)
  JwtCheckOptions jwt;
  absl::Duration jwks_fetch_timeout = absl::Seconds(5);
  absl::Duration jwks_max_age = absl::Minutes(5);
  absl::Duration jwks_min_refetch_gap = absl::Seconds(10);
};

class GatewayCore {
 public:
  // INVALID_ARGUMENT for bad --upstreams (a routed service without an upstream included).
  static absl::StatusOr<std::unique_ptr<GatewayCore>> Create(GatewayCoreOptions options);
  ~GatewayCore();

  const Upstreams& upstreams() const { return *upstreams_; }
  UpstreamMetrics& upstream_metrics() { return *upstream_metrics_; }
  JwtCheck& jwt() { return *jwt_; }
  prometheus::Registry& registry() { return *registry_; }
  std::shared_ptr<prometheus::Registry> shared_registry() { return registry_; }

  // Serves the registry as /metrics on host:port (0: any free port); returns the port.
  // UNAVAILABLE when it cannot listen.
  absl::StatusOr<int> ServeMetrics(const std::string& host, int port);

 private:
  GatewayCore() = default;

  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<Upstreams> upstreams_;
  std::unique_ptr<UpstreamMetrics> upstream_metrics_;
  std::shared_ptr<auth::JwksCache> jwks_;
  std::unique_ptr<JwtCheck> jwt_;
  std::unique_ptr<prometheus::Exposer> exposer_;
};

}  // namespace ekinerja::gateway
