#pragma once

// The REST/JSON side of ekinerja-gateway, wired as main.cc runs it (and as the tests run it): the
// HTTP server, the REST handler and what it borrows from the GatewayCore.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "http/http_metrics.h"
#include "http/rest_handler.h"
#include "http_server.h"
#include "transcode/transcoder.h"
#include "upstream/gateway_core.h"
#include "upstream/readiness.h"
#include "upstream/unary_call.h"

namespace ekinerja::gateway {

struct RestGatewayOptions {
  HttpServerOptions http;
  std::string cors_origins;  // --cors_origins (see CorsPolicy::Parse)
  RestOptions rest;
  absl::Duration readiness_timeout = absl::Seconds(2);  // per upstream health check
};

class RestGateway {
 public:
  // Listens and serves. `transcoder` and `core` must outlive the gateway. INVALID_ARGUMENT for
  // bad --cors_origins; UNAVAILABLE when the port cannot be bound.
  static absl::StatusOr<std::unique_ptr<RestGateway>> Start(const Transcoder& transcoder,
                                                            GatewayCore& core,
                                                            RestGatewayOptions options);
  // Shutdown(zero) unless it ran.
  ~RestGateway();
  RestGateway(const RestGateway&) = delete;
  RestGateway& operator=(const RestGateway&) = delete;

  int port() const { return server_->port(); }

  // Drains the HTTP server (see HttpServer::Shutdown), then cancels the upstream calls still
  // running and waits until every request handed over has been answered. Idempotent.
  void Shutdown(absl::Duration drain);

  // Upstream calls started (the JWKS fetches of the JWT check not included).
  uint64_t upstream_calls() const { return caller_->calls_started(); }

 private:
  RestGateway() = default;

  std::unique_ptr<HttpMetrics> metrics_;
  std::unique_ptr<UnaryCaller> caller_;
  std::unique_ptr<ReadinessProbe> readiness_;
  std::unique_ptr<RestHandler> handler_;
  std::unique_ptr<HttpServer> server_;  // last: stops first
  bool shut_down_ = false;
};

}  // namespace ekinerja::gateway
