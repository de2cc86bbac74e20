#include "http/rest_gateway.h"

#include "http/cors.h"

namespace ekinerja::gateway {

absl::StatusOr<std::unique_ptr<RestGateway>> RestGateway::Start(const Transcoder& transcoder,
                                                                GatewayCore& core,
                                                                RestGatewayOptions options) {
  auto cors = CorsPolicy::Parse(options.cors_origins);
  if (!cors.ok()) return cors.status();
  std::unique_ptr<RestGateway> g(new RestGateway());
  g->metrics_ = std::make_unique<HttpMetrics>(core.registry());
  g->caller_ = std::make_unique<UnaryCaller>(core.upstreams(), &core.upstream_metrics());
  g->readiness_ = std::make_unique<ReadinessProbe>(core.upstreams(), options.readiness_timeout);
  g->handler_ = std::make_unique<RestHandler>(transcoder, *g->caller_, core.jwt(), *g->readiness_,
                                              *std::move(cors), g->metrics_.get(), options.rest);
  auto server = HttpServer::Start(options.http, g->handler_.get());
  if (!server.ok()) return server.status();
  g->server_ = *std::move(server);
  return g;
}

RestGateway::~RestGateway() { Shutdown(absl::ZeroDuration()); }

void RestGateway::Shutdown(absl::Duration drain) {
  if (shut_down_) return;
  shut_down_ = true;
  if (server_) server_->Shutdown(drain);
  caller_->Close();
  handler_->WaitIdle();
}

}  // namespace ekinerja::gateway
