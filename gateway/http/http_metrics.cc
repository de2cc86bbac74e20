#include "http/http_metrics.h"

#include <string>

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace ekinerja::gateway {

HttpMetrics::HttpMetrics(prometheus::Registry& registry)
    : requests_(prometheus::BuildCounter()
                    .Name("ekinerja_gateway_http_requests_total")
                    .Help("HTTP requests answered by the gateway, by route (the gRPC method "
                          "matched, or \"unmatched\"), HTTP method and status.")
                    .Register(registry)),
      duration_(prometheus::BuildHistogram()
                    .Name("ekinerja_gateway_http_request_duration_seconds")
                    .Help("Time from a request's first byte to its answer, by route.")
                    .Register(registry)) {}

void HttpMetrics::Observe(absl::string_view route, absl::string_view method, int status,
                          absl::Duration elapsed) {
  static const prometheus::Histogram::BucketBoundaries kBuckets = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  const std::string r(route);
  requests_.Add({{"route", r}, {"method", std::string(method)}, {"status", std::to_string(status)}})
      .Increment();
  duration_.Add({{"route", r}}, kBuckets).Observe(absl::ToDoubleSeconds(elapsed));
}

}  // namespace ekinerja::gateway
