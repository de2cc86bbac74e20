#pragma once

// The one place the gateway is put together from its options (issue 9, item 3): main.cc parses
// flags into GatewayOptions and calls StartGateway; the integration fixture calls it with test
// options. Its peers are the services behind `core.upstreams` (the JWKS comes from identity's).

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "http/rest_gateway.h"
#include "passthrough/grpc_passthrough.h"
#include "transcode/transcoder.h"
#include "upstream/gateway_core.h"

namespace ekinerja::gateway {

struct GatewayOptions {
  // The upstreams, their channels and the token check. `routed` is filled with the
  // transcoder's services.
  GatewayCoreOptions core;
  // The REST/JSON door; its http.host is also where metrics and gRPC listen.
  RestGatewayOptions rest;
  // Prometheus /metrics: port (0: any free port; -1: none).
  int metrics_port = -1;
  // The native gRPC pass-through: port (0: any free port; -1: none), and the bytes of the
  // descriptor set its metrics name the methods' kinds from.
  int grpc_port = -1;
  std::string descriptor_set;
};

// A running gateway: both doors and what they share.
class Gateway {
 public:
  ~Gateway() { Shutdown(absl::ZeroDuration()); }

  GatewayCore& core() { return *core_; }
  RestGateway& rest() { return *rest_; }
  int http_port() const { return rest_->port(); }
  int grpc_port() const { return passthrough_ ? passthrough_->port() : -1; }
  int metrics_port() const { return metrics_port_; }

  // Both doors drain at once, within the one deadline; then the core they borrow goes.
  // Idempotent.
  void Shutdown(absl::Duration drain);

 private:
  friend absl::StatusOr<std::unique_ptr<Gateway>> StartGateway(const Transcoder&, GatewayOptions);
  std::unique_ptr<GatewayCore> core_;
  std::unique_ptr<RestGateway> rest_;
  std::unique_ptr<GrpcPassthrough> passthrough_;
  int metrics_port_ = -1;
};

// Creates the core, serves metrics, starts the REST door and (grpc_port >= 0) the gRPC one.
// `transcoder` must outlive the gateway. INVALID_ARGUMENT for options that cannot work,
// UNAVAILABLE when a port cannot be bound.
absl::StatusOr<std::unique_ptr<Gateway>> StartGateway(const Transcoder& transcoder,
                                                      GatewayOptions options);

}  // namespace ekinerja::gateway
