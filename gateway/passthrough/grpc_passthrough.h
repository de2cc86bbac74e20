#pragma once

// Native gRPC on the gateway's gRPC port (DESIGN §8): every call "/<package.Service>/<Method>" is
// relayed, as opaque messages, to the upstream that owns <package.Service>, as Envoy's router does
// for a route by "/<package.Service>/" prefix. All four kinds of call stream through message by
// message; the JWT is checked first as for REST; metadata (authorization, x-request-id, ...) goes
// up, with x-forwarded-for ending in the client's address as on the REST side, the deadline
// (grpc-timeout) is carried on, and the upstream's initial metadata, trailers and status (with
// grpc-status-details-bin) come back unchanged. Built on gRPC's callback API
// (CallbackGenericService + GenericStub): no thread of its own, no message is parsed.

#include <atomic>
#include <memory>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"

namespace prometheus {
class Registry;
}

namespace ekinerja::gateway {

class JwtCheck;
class PassthroughRouter;
class UpstreamMetrics;
class Upstreams;

class GrpcPassthrough {
 public:
  struct Options {
    // "127.0.0.1" and 8081 by default (DESIGN §2); port 0 takes any free port (tests).
    std::string host = "127.0.0.1";
    int port = 8081;
    std::shared_ptr<grpc::ServerCredentials> credentials;  // insecure when null
    // The channel of each routed service, shared with the REST side. A call to a service without
    // one answers UNIMPLEMENTED. Required; must outlive the pass-through.
    const Upstreams* upstreams = nullptr;
    // The token check, shared with the REST side (Envoy's jwt_authn texts and codes). Every call
    // needs a valid bearer token but `public_methods` and the gateway's own health service.
    // Required; must outlive the pass-through.
    JwtCheck* jwt = nullptr;
    // "/pkg.Service/Method"; the one list (services/common/base/public_methods.h) when left empty.
    absl::flat_hash_set<std::string> public_methods;
    // Optional: the bytes of the descriptor set, so the metrics name each method's kind (unary,
    // client_stream, ...) as go-grpc-prometheus does; without it every call counts as
    // "unknown". Calls to methods it lacks are still relayed (the upstream judges them) but
    // counted under grpc_method="unknown", so clients cannot mint label values.
    std::string descriptor_set;
    // Optional: where grpc_server_started_total, grpc_server_handled_total,
    // grpc_server_handling_seconds, grpc_server_msg_{received,sent}_total are counted (the same
    // names and labels as services/common/platform/metrics.h, so one dashboard reads both).
    prometheus::Registry* registry = nullptr;
    // Optional: counts every upstream call, as the REST side does. Must outlive the pass-through.
    UpstreamMetrics* upstream_metrics = nullptr;
    // The deadline of an upstream call whose client set none, and the latest a client's
    // deadline may reach (DEADLINE_EXCEEDED then), as the REST side's --upstream_timeout_seconds
    // and the Envoy config's route timeout and grpc_timeout_header_max.
    absl::Duration upstream_timeout = absl::Seconds(30);
    int max_message_bytes = 16 << 20;
  };

  // Binds and serves. INVALID_ARGUMENT for options that cannot work (no upstreams or token
  // check, a descriptor set that does not parse), UNAVAILABLE when the port cannot be bound.
  static absl::StatusOr<std::unique_ptr<GrpcPassthrough>> Start(Options options);
  ~GrpcPassthrough();

  GrpcPassthrough(const GrpcPassthrough&) = delete;
  GrpcPassthrough& operator=(const GrpcPassthrough&) = delete;

  int port() const { return port_; }
  // The gateway's own grpc.health.v1 status (service ""): SERVING from Start until Shutdown, or
  // as the caller sets it (e.g. following /readyz).
  void SetServing(bool serving);

  // NOT_SERVING, then calls in flight may finish until `deadline`, after which they are cancelled
  // (upstream calls too); returns when every call is done. Idempotent; the destructor calls it
  // with an immediate deadline.
  void Shutdown(absl::Time deadline);

 private:
  GrpcPassthrough() = default;

  std::unique_ptr<PassthroughRouter> router_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::atomic<bool> shut_down_{false};
};

}  // namespace ekinerja::gateway
