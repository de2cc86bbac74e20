#pragma once

// The gateway's upstream metrics (DESIGN §4), one set for the REST side and the gRPC
// pass-through: ekinerja_gateway_upstream_duration_seconds{service} (histogram) and
// ekinerja_gateway_upstream_requests_total{service,grpc_code}. `service` is a configured
// upstream's full name, so the label set is bounded.

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/support/status_code_enum.h"

namespace prometheus {
class Counter;
class Histogram;
template <typename T>
class Family;
class Registry;
}  // namespace prometheus

namespace ekinerja::gateway {

class UpstreamMetrics {
 public:
  explicit UpstreamMetrics(prometheus::Registry& registry);
  UpstreamMetrics(const UpstreamMetrics&) = delete;
  UpstreamMetrics& operator=(const UpstreamMetrics&) = delete;

  // One finished upstream call (or stream) of `service` that ended with `grpc_code`. Thread-safe.
  void Observe(absl::string_view service, grpc::StatusCode code, absl::Duration elapsed);

 private:
  prometheus::Family<prometheus::Histogram>& duration_;
  prometheus::Family<prometheus::Counter>& requests_;
};

}  // namespace ekinerja::gateway
