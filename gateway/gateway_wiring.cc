#include "gateway_wiring.h"

#include <thread>

#include "absl/time/clock.h"
#include "status.h"

namespace ekinerja::gateway {

void Gateway::Shutdown(absl::Duration drain) {
  const absl::Time deadline = absl::Now() + drain;
  std::thread grpc_drain([&] {
    if (passthrough_) passthrough_->Shutdown(deadline);
  });
  if (rest_) rest_->Shutdown(drain);
  grpc_drain.join();
  passthrough_.reset();
  rest_.reset();
  core_.reset();  // after both doors: they borrow its channels and JWT check
}

absl::StatusOr<std::unique_ptr<Gateway>> StartGateway(const Transcoder& transcoder,
                                                      GatewayOptions options) {
  auto gateway = std::unique_ptr<Gateway>(new Gateway());
  options.core.routed = transcoder.Services();
  EK_ASSIGN_OR_RETURN(gateway->core_, GatewayCore::Create(std::move(options.core)));
  const std::string host = options.rest.http.host;
  const absl::Duration upstream_timeout = options.rest.rest.upstream_timeout;
  if (options.metrics_port >= 0) {
    EK_ASSIGN_OR_RETURN(gateway->metrics_port_,
                        gateway->core_->ServeMetrics(host, options.metrics_port));
  }
  EK_ASSIGN_OR_RETURN(gateway->rest_,
                      RestGateway::Start(transcoder, *gateway->core_, std::move(options.rest)));
  if (options.grpc_port >= 0) {
    GrpcPassthrough::Options grpc;
    grpc.host = host;
    grpc.port = options.grpc_port;
    grpc.upstreams = &gateway->core_->upstreams();
    grpc.jwt = &gateway->core_->jwt();
    grpc.descriptor_set = std::move(options.descriptor_set);
    grpc.registry = &gateway->core_->registry();
    grpc.upstream_metrics = &gateway->core_->upstream_metrics();
    grpc.upstream_timeout = upstream_timeout;
    EK_ASSIGN_OR_RETURN(gateway->passthrough_, GrpcPassthrough::Start(std::move(grpc)));
  }
  return gateway;
}

}  // namespace ekinerja::gateway
