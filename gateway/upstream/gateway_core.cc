#include "upstream/gateway_core.h"

#include "absl/strings/str_cat.h"
#include "jwks_proto.h"
#include "prometheus/exposer.h"
#include "prometheus/registry.h"

namespace ekinerja::gateway {

absl::StatusOr<std::unique_ptr<GatewayCore>> GatewayCore::Create(GatewayCoreOptions options) {
  std::unique_ptr<GatewayCore> core(new GatewayCore());
  core->registry_ = std::make_shared<prometheus::Registry>();
  auto upstreams = Upstreams::Create(options.upstreams, options.routed, options.upstream);
  if (!upstreams.ok()) return upstreams.status();
  core->upstreams_ = *std::move(upstreams);
  core->upstream_metrics_ = std::make_unique<UpstreamMetrics>(*core->registry_);
  core->jwks_ = std::make_shared<auth::JwksCache>(
      auth::FetchJwksFromIdentity(core->upstreams_->ChannelFor(kIdentityService),
                                  options.jwks_fetch_timeout),
      options.jwks_max_age, options.jwks_min_refetch_gap);
  core->jwt_ = std::make_unique<JwtCheck>(core->jwks_, options.jwt, core->registry_.get());
  return core;
}

GatewayCore::~GatewayCore() {
  exposer_.reset();
  jwt_.reset();  // its threads may still use the JWKS cache and the channels
}

absl::StatusOr<int> GatewayCore::ServeMetrics(const std::string& host, int port) {
  try {
    exposer_ = std::make_unique<prometheus::Exposer>(absl::StrCat(host, ":", port), 2);
  } catch (const std::exception& e) {
    return absl::UnavailableError(absl::StrCat("metrics port ", host, ":", port, ": ", e.what()));
  }
  exposer_->RegisterCollectable(std::weak_ptr<prometheus::Collectable>(registry_));
  auto ports = exposer_->GetListeningPorts();
  return ports.empty() ? 0 : ports.front();
}

}  // namespace ekinerja::gateway
