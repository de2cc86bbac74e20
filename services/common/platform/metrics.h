#pragma once

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "grpcpp/support/server_interceptor.h"

namespace prometheus {
class Registry;
}

namespace ekinerja {

// The service's Prometheus registry, and the per-method gRPC metrics named as go-grpc-prometheus
// names them, so existing dashboards work: grpc_server_started_total,
// grpc_server_handled_total{grpc_service,grpc_method,grpc_type,grpc_code},
// grpc_server_handling_seconds (histogram), grpc_server_msg_received_total,
// grpc_server_msg_sent_total.
class Metrics {
 public:
  Metrics();
  ~Metrics();
  prometheus::Registry& registry() { return *registry_; }
  std::shared_ptr<prometheus::Registry> shared_registry() { return registry_; }

  // Counts every RPC of the server it is installed in.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> InterceptorFactory();

  struct GrpcFamilies;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<GrpcFamilies> grpc_;
};

// go's codes.Code.String(): "OK", "InvalidArgument", "Unauthenticated", ...
absl::string_view GrpcCodeName(grpc::StatusCode code);

}  // namespace ekinerja
