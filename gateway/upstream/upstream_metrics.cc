#include "upstream/upstream_metrics.h"

#include <string>

#include "metrics.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace ekinerja::gateway {

UpstreamMetrics::UpstreamMetrics(prometheus::Registry& registry)
    : duration_(prometheus::BuildHistogram()
                    .Name("ekinerja_gateway_upstream_duration_seconds")
                    .Help("Latency of calls from the gateway to an upstream service, by service.")
                    .Register(registry)),
      requests_(prometheus::BuildCounter()
                    .Name("ekinerja_gateway_upstream_requests_total")
                    .Help("Calls from the gateway to an upstream service, by service and gRPC "
                          "code (go-grpc-prometheus code names).")
                    .Register(registry)) {}

void UpstreamMetrics::Observe(absl::string_view service, grpc::StatusCode code,
                              absl::Duration elapsed) {
  static const prometheus::Histogram::BucketBoundaries kBuckets = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  const std::string name(service);
  duration_.Add({{"service", name}}, kBuckets).Observe(absl::ToDoubleSeconds(elapsed));
  requests_.Add({{"service", name}, {"grpc_code", std::string(GrpcCodeName(code))}}).Increment();
}

}  // namespace ekinerja::gateway
