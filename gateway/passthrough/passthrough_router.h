#pragma once

// What the gRPC pass-through decides for each call before relaying it: the token check (as
// Envoy's jwt_authn does ahead of its router), the owning upstream by "/<package.Service>/", the
// request id, and the metric labels. Internal to gateway/passthrough.

#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/generic/async_generic_service.h"
#include "passthrough/grpc_passthrough.h"
#include "passthrough/passthrough_metrics.h"
#include "passthrough/proxy_call.h"

namespace ekinerja::gateway {

class PassthroughRouter final : public grpc::CallbackGenericService {
 public:
  static absl::StatusOr<std::unique_ptr<PassthroughRouter>> Create(
      const GrpcPassthrough::Options& options);

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override;

  // Whether a call needs a token: all do but the public methods and the gateway's own services.
  bool NeedsToken(absl::string_view full_method) const;

 private:
  PassthroughRouter(JwtCheck* jwt, absl::flat_hash_set<std::string> public_methods,
                    prometheus::Registry* registry)
      : jwt_(jwt), public_methods_(std::move(public_methods)), metrics_(registry) {}

  JwtCheck* const jwt_;
  const absl::flat_hash_set<std::string> public_methods_;
  absl::flat_hash_map<std::string, UpstreamRoute> routes_;  // by service full name
  // "/pkg.Service/Method" -> go-grpc-prometheus' grpc_type, from the descriptor set.
  absl::flat_hash_map<std::string, std::string> kinds_;
  PassthroughMetrics metrics_;
  absl::Duration upstream_timeout_ = absl::InfiniteDuration();
};

}  // namespace ekinerja::gateway
